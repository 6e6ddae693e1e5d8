/**
 * The normalize stage: display text → the words sent to the speech engine.
 * @packageDocumentation
 */
export { normalizeText, type NormalizeOptions } from './normalize-text.js';
export { resolveDateOrder, type DateOrder } from './date-order.js';
export { normalizeBlocks, type NormalizeBlocksOptions } from './normalize-blocks.js';
export { loadLexicon, defaultLexicon, mergeLexicons, type Lexicon, type LexiconEntry } from './lexicon.js';
export { parseLexicon } from './lexicon-file.js';
export { spellLetters, looksPronounceable, type AcronymReading } from './acronyms.js';
export { piecesToText, type SpeechPiece, type SpeechRun, type SpeechSentence, type SpeechBlock } from './speech-block.js';
