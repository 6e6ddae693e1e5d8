import { ACRONYM_SPOKEN_FORMS, SPELLED_ACRONYMS, WORD_ACRONYMS, CAPS_CONTEXT_WORDS } from './acronym-list.js';

/** A user's choice for an acronym: spell its letters, read it as a word, or say it this way. */
export type AcronymReading = 'spell' | 'word' | (string & {});

/** Letters separated by spaces, upper-case: "FBI" → "F B I", the form every engine reads as letters. */
export function spellLetters(letters: string): string {
  return [...letters.toUpperCase()].filter((character) => character !== '.' && character !== ' ').join(' ');
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const ONSETS = new Set(
  'b bl br c ch cl cr d dr f fl fr g gl gr h j k kl kr l m n p ph pl pr qu r s sc sch scr sh sk sl sm sn sp spl spr st str sw t th tr tw v w wh wr y z'.split(' '),
);
const CODAS = new Set(
  'b c ch ck ct d ds f ft g gs h k ks l ld lf lk lm lp ls lt ws wn wl wd wk wt m mp ms n nd ng nk ns nt p ps pt r rb rc rd rf rg rk rl rm rn rp rs rt rth s sh sk sp ss st t th ts tz w x y z'.split(' '),
);

function isVowel(character: string, position: number): boolean {
  return VOWELS.has(character) || (character === 'y' && position > 0);
}

/**
 * A rough test of whether a string of capitals can be read as a word
 * ("NASA", "OPEC") rather than spelled ("HSBC", "NYPD"): it needs a vowel, a
 * usual English onset and coda, and no long clusters.
 */
export function looksPronounceable(letters: string): boolean {
  const word = letters.toLowerCase();
  const clusters: { vowel: boolean; text: string }[] = [];
  for (let index = 0; index < word.length; index += 1) {
    const character = word[index]!;
    const vowel = isVowel(character, index);
    const last = clusters[clusters.length - 1];
    if (last !== undefined && last.vowel === vowel) last.text += character;
    else clusters.push({ vowel, text: character });
  }
  if (!clusters.some((cluster) => cluster.vowel)) return false;
  for (let index = 0; index < clusters.length; index += 1) {
    const cluster = clusters[index]!;
    if (cluster.vowel) {
      if (cluster.text.length > 2) return false;
      continue;
    }
    if (index === 0) {
      if (!ONSETS.has(cluster.text)) return false;
    } else if (index === clusters.length - 1) {
      if (!CODAS.has(cluster.text)) return false;
    } else if (cluster.text.length > 2 && !ONSETS.has(cluster.text.slice(1)) && !ONSETS.has(cluster.text.slice(2))) {
      return false;
    }
  }
  return true;
}

/** How an upper-case token was decided to be read. */
export interface AcronymDecision {
  /** The spoken form (already final: letters, a lower-case word, or an explicit form). */
  spoken: string;
  /** True when the token was treated as an acronym (spelled or a listed word). */
  acronym: boolean;
}

/**
 * Decides how to read an upper-case token such as "FBI", "NATO", "KCNA" or a
 * heading word such as "SLOWER". `core` is the token without a plural or
 * possessive ending; `capsContext` is true when a neighbouring word is also
 * in capitals (an ALL-CAPS heading).
 */
export function readUpperCase(
  core: string,
  capsContext: boolean,
  overrides: Readonly<Record<string, AcronymReading>>,
): AcronymDecision {
  const override = overrides[core];
  if (override !== undefined) {
    if (override === 'spell') return { spoken: spellLetters(core), acronym: true };
    if (override === 'word') return { spoken: core.toLowerCase(), acronym: true };
    return { spoken: override, acronym: true };
  }
  const explicit = ACRONYM_SPOKEN_FORMS[core];
  if (explicit !== undefined) return { spoken: explicit, acronym: true };
  if (SPELLED_ACRONYMS.has(core)) {
    if (capsContext && CAPS_CONTEXT_WORDS.has(core)) return { spoken: core.toLowerCase(), acronym: false };
    return { spoken: spellLetters(core), acronym: true };
  }
  if (WORD_ACRONYMS.has(core)) return { spoken: core.toLowerCase(), acronym: true };
  if (capsContext || core.length > 5) return { spoken: core.toLowerCase(), acronym: false };
  if (core.length <= 2 || !looksPronounceable(core)) return { spoken: spellLetters(core), acronym: true };
  return { spoken: core.toLowerCase(), acronym: false };
}
