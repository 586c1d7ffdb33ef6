// Is a pair of syllables one dictionary word? Read from the segmenter's compiled lexicon (Viet74K, Viet22K and the
// curated dictionary), so the named rules can tell a name's lower-case continuation (`Văn hóa`, `Hậu cần`,
// `nhiệt đới`) from the word after the name (`Chợ Rẫy chi …`).
import { loadData } from '../../data/load.js';
import { LEXICON_FILE } from '../../segment/index.js';
import { LEX_COMMON, LEX_CORE, LEX_GENERAL, LEX_POS_N, LEX_POS_V, hashString, parseLexicon, syllableKey, type Lexicon } from '../../segment/lexicon.js';

const WORD_FLAGS = LEX_GENERAL | LEX_CORE | LEX_COMMON;

function lexicon(): Lexicon {
  return loadData(LEXICON_FILE, parseLexicon);
}

/** The lexicon flags of the phrase made of these syllables (0 when it is no entry). */
function flagsOf(syllables: readonly string[]): number {
  const lex = lexicon();
  let node = 0;
  for (const s of syllables) {
    node = lex.child(node, hashString(syllableKey(s)));
    if (node < 0) return 0;
  }
  return lex.flags(node);
}

/** Do the syllables (any case, either tone placement) form one general dictionary word, in this order? */
export function isDictionaryWord(...syllables: readonly string[]): boolean {
  return (flagsOf(syllables) & WORD_FLAGS) !== 0;
}

/** A dictionary word that the dictionary lists as a noun and not as a verb (`giao thông`, `xã hội`; not `chỉ đạo`). */
export function isDictionaryNoun(...syllables: readonly string[]): boolean {
  const f = flagsOf(syllables);
  return (f & WORD_FLAGS) !== 0 && (f & LEX_POS_N) !== 0 && (f & LEX_POS_V) === 0;
}

/** A dictionary word that the dictionary lists as a verb and not as a noun (`duyệt`, `trình`; not `giáo dục`). */
export function isDictionaryVerb(...syllables: readonly string[]): boolean {
  const f = flagsOf(syllables);
  return (f & WORD_FLAGS) !== 0 && (f & LEX_POS_V) !== 0 && (f & LEX_POS_N) === 0;
}
