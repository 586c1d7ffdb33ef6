// Rule layer for PERSON, POSITION, ORGANIZATION, LOCATION, EVENT and DOCUMENT over the token view.
//
// Small recursive-descent parsers over folded tokens (org.ts, position.ts, event.ts, document.ts, location.ts,
// person.ts, bylines.ts), each bounded by the current line, so the whole pass is linear in practice (every parser
// reads a bounded number of tokens from its start). They share one explicit state (state.ts). The bylines are read
// over the whole document first; then one left-to-right scan per line (scan.ts) tries, at each token, POSITION →
// EVENT → DOCUMENT → ORGANIZATION → LOCATION → PERSON and jumps past what it accepts.
import { bylines } from './bylines.js';
import type { Lexicon } from './lexicon.js';
import { scanLine } from './scan.js';
import { type Candidate, add, createNamedState, enterLine } from './state.js';
import type { TokenView } from './view.js';

export type { Candidate } from './state.js';

/** Runs the rule layer over one document. */
export function namedCandidates(v: TokenView, lex: Lexicon): Candidate[] {
  const st = createNamedState(v, lex);
  bylines(st);
  for (let a = 0; a < v.n; ) {
    const b = v.lineEnd[a]!;
    enterLine(st, a, b);
    scanLine(st);
    // a tagger's own patterns: every best match of the line, merged with the rest by span length and priority
    if (lex.userPatterns) for (const m of lex.userPatterns.matchAll(st.line, 0, st.n)) add(st, m.start, m.end, m.pattern.label, m.pattern.id, m.pattern.priority ?? 3);
    a = b;
  }
  return st.out;
}
