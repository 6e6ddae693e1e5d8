import { INVERTIBLE } from './attribution.js';
import { HONORIFICS, NAME_PARTICLES, NOT_NAME_WORDS } from './name-words.js';

/** Speech verbs that follow a speaker's name right after a quotation. */
const SPEECH_VERBS = new Set([
  ...INVERTIBLE, 'told', 'tells', 'cried', 'yelled', 'screamed', 'demanded', 'wondered', 'exclaimed',
  'pleaded', 'snapped', 'answered', 'interjected', 'shouts', 'cries', 'wonders', 'demands',
]);

/** Capitalised words that answer a quotation without being its speaker: `"Why?" Nobody replied.` */
const NOT_SPEAKERS = new Set([
  'nobody', 'somebody', 'everybody', 'anybody', 'someone', 'everyone', 'anyone', 'none', 'nothing',
  'everything', 'something', 'few', 'neither', 'either', 'reporters', 'journalists', 'witnesses',
]);

const MAX_NAME_WORDS = 4;

/**
 * Whether the text after a quoted question or exclamation is its
 * attribution, a name then a speech verb: `"Why now?" Smith asked.`,
 * `"Go!" Mr. Jones shouted.` (An attribution in lower case, `"Go!" he
 * shouted.`, never starts a sentence anyway.)
 */
export function attributionFollows(following: string): boolean {
  const tokens = following.slice(0, 120).split(/\s+/u);
  let names = 0;
  for (const token of tokens) {
    if (names > 0 && SPEECH_VERBS.has(token.replace(/[.,;:!?]+$/u, ''))) return true;
    if (names >= MAX_NAME_WORDS || !isNamePart(token, names === 0)) return false;
    names++;
  }
  return false;
}

function isNamePart(token: string, first: boolean): boolean {
  const bare = token.replace(/\.$/u, '');
  if (/[,;:!?]$/u.test(token)) return false;
  if (NAME_PARTICLES.has(bare)) return !first;
  if (!/^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(bare)) return false;
  const key = bare.toLowerCase();
  if (NOT_SPEAKERS.has(key)) return false;
  return !NOT_NAME_WORDS.has(key) || HONORIFICS.has(key);
}
