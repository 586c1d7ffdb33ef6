// Reads a CoNLL-U file (UD Vietnamese-VTB) into raw sentences with gold word spans: the raw text is the word
// forms joined by single spaces (as the reference scorer builds it), and each word is one `[start, end)` span.
import { readFileSync } from 'node:fs';

export interface ConlluSentence {
  text: string;
  gold: Array<[number, number]>;
}

export function readConllu(path: string): ConlluSentence[] {
  const sents: string[][] = [];
  let cur: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) {
      if (cur.length) sents.push(cur);
      cur = [];
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0] ?? '')) continue; // multi-word ranges and empty nodes
    let form = cols[1] ?? '';
    if (form === 'LBKT') form = '(';
    else if (form === 'RBKT') form = ')';
    cur.push(form);
  }
  if (cur.length) sents.push(cur);
  return sents.map((toks) => {
    const gold: Array<[number, number]> = [];
    let pos = 0;
    for (const t of toks) {
      gold.push([pos, pos + t.length]);
      pos += t.length + 1;
    }
    return { text: toks.join(' '), gold };
  });
}
