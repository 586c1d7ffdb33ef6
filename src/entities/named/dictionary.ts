// Is a pair of syllables one dictionary word? Read from the segmenter's compiled lexicon (Viet74K, Viet22K and the
// curated dictionary), so the named rules can tell a name's lower-case continuation (`Văn hóa`, `Hậu cần`,
// `nhiệt đới`) from the word after the name (`Chợ Rẫy chi …`).
import { loadData } from '../../data/load.js';
import { LEXICON_FILE } from '../../segment/index.js';
import { LEX_COMMON, LEX_CORE, LEX_GENERAL, hashString, parseLexicon, syllableKey, type Lexicon } from '../../segment/lexicon.js';

const WORD_FLAGS = LEX_GENERAL | LEX_CORE | LEX_COMMON;

function lexicon(): Lexicon {
  return loadData(LEXICON_FILE, parseLexicon);
}

/** Do the syllables (any case, either tone placement) form one general dictionary word, in this order? */
export function isDictionaryWord(...syllables: readonly string[]): boolean {
  const lex = lexicon();
  let node = 0;
  for (const s of syllables) {
    node = lex.child(node, hashString(syllableKey(s)));
    if (node < 0) return false;
  }
  return (lex.flags(node) & WORD_FLAGS) !== 0;
}
