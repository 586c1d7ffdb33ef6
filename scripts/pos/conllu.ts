// UD Vietnamese-VTB with tags: word forms, UPOS and XPOS per sentence (the raw text is the forms joined by single
// spaces, as scripts/lib/conllu.ts and the reference scorer build it), and the XPOS spelling map used to compare
// our (train-style) XPOS with the dev file, which spells the same tag set differently.
import { readFileSync } from 'node:fs';

export interface TaggedSentence {
  text: string;
  words: string[];
  spans: Array<[number, number]>;
  upos: string[];
  xpos: string[];
}

export function readTagged(path: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let cur: string[][] = [];
  const flush = (): void => {
    if (!cur.length) return;
    const words = cur.map((c) => (c[1] === 'LBKT' ? '(' : c[1] === 'RBKT' ? ')' : c[1]!));
    const spans: Array<[number, number]> = [];
    let pos = 0;
    for (const w of words) {
      spans.push([pos, pos + w.length]);
      pos += w.length + 1;
    }
    out.push({ text: words.join(' '), words, spans, upos: cur.map((c) => c[3]!), xpos: cur.map((c) => c[4]!) });
    cur = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) { flush(); continue; }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0] ?? '')) continue;
    cur.push(cols);
  }
  flush();
  return out;
}

/**
 * The VTB train file spells XPOS in mixed case with one tag per punctuation mark (N, Nc, SC, Adv, Pre, ",", "``"),
 * the dev file in capitals with coarser distinctions (N for Nc, C for SC, PUNCT for every mark, NY/NNPY for Ny,
 * L for Det). Both sides of an XPOS comparison go through this map to dev's coarser spelling.
 */
const CANON: Record<string, string> = { SC: 'C', NC: 'N', NNPY: 'NY', L: 'DET', NUMX: 'NUM', PART: 'PRT', VERB: 'V', SCONJ: 'C', Z: 'SYM' };
export function canonXpos(x: string): string {
  if (!/\p{L}/u.test(x)) return 'PUNCT';
  const u = x.toUpperCase();
  return CANON[u] ?? u;
}
