import { assertText } from '../errors.js';
import type { Sentence } from '../types.js';

/**
 * STUB (foundation): splits at line breaks and at . ! ? followed by a capital.
 * @example
 * ```ts
 * splitSentences('Một câu. Câu hai.').map((s) => s.text); // ['Một câu.', 'Câu hai.']
 * ```
 */
export function splitSentences(text: string): Sentence[] {
  assertText(text, 'splitSentences');
  const out: Sentence[] = [];
  const re = /[^\n]*?(?:[.!?…]+(?=\s+\p{Lu})|(?=\n)|$)/guy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    m = re.exec(text);
    const end = m && m[0].length ? pos + m[0].length : text.indexOf('\n', pos) + 1 || text.length;
    let a = pos, b = end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ text: text.slice(a, b), start: a, end: b });
    pos = end > pos ? end : pos + 1;
  }
  return out;
}
