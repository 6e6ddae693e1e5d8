/**
 * The comparison of spoken forms that the reference normalization suite
 * states (see the reference README): a plain folding for the strict score and
 * the accepted reading variants on top of it. Both sides go through the same
 * functions, so a variant is accepted in either direction and nothing more.
 */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['hundred', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'];
const NUMBER_WORDS = new Set([...UNITS, ...TENS, ...SCALES, 'oh']);
const CURRENCY_UNITS = new Set([
  'dollar', 'dollars', 'cent', 'cents', 'pound', 'pounds', 'penny', 'pence', 'euro', 'euros', 'yen', 'won', 'yuan',
  'rupee', 'rupees', 'franc', 'francs', 'peso', 'pesos',
]);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const ORDINAL = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)$/;

/** Strict folding: lower case, hyphens and dashes to spaces, other punctuation and symbols deleted, white space collapsed. */
export function foldStrict(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-\u2010-\u2015\u2212]/g, ' ')
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isNumberWord(word: string | undefined): boolean {
  return word !== undefined && NUMBER_WORDS.has(word);
}

/** A token that spells letters: one letter, or a word written all in capitals ("PM", "EST"). */
function isSpelling(token: string): boolean {
  return /^\p{L}$/u.test(token) || (/^\p{Lu}{2,}$/u.test(token));
}

/**
 * Spelled letters with or without spaces: a run of letter spellings is joined
 * ("a m" = "am", "p m E S T" = "PM EST"). Works on the text before lower-casing,
 * where capitals still show what is spelled.
 */
function joinSpelledLetters(text: string): string {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= 2) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const token of text.split(/\s+/)) {
    if (isSpelling(token)) run.push(token);
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out.join(' ');
}

/** "the fifth of july" and "fifth of july" → "july fifth" (a compound ordinal keeps its tens word). */
function monthFirst(words: string[]): string[] {
  const out = [...words];
  for (let index = 0; index < out.length; index += 1) {
    if (out[index] !== 'of' || !MONTHS.has(out[index + 1] ?? '')) continue;
    let start = index - 1;
    if (start < 0 || !ORDINAL.test(out[start]!)) continue;
    if (start > 0 && TENS.includes(out[start - 1]!)) start -= 1;
    const ordinal = out.slice(start, index);
    const month = out[index + 1]!;
    const withArticle = start > 0 && out[start - 1] === 'the';
    const from = withArticle ? start - 1 : start;
    out.splice(from, index + 2 - from, month, ...ordinal);
    index = from;
  }
  return out;
}

/** Folding with the accepted variants: the strict folding, then each variant mapped to one spelling. */
export function foldVariants(text: string): string {
  const spaced = text.replace(/[-\u2010-\u2015\u2212]/g, ' ').replace(/[\p{P}\p{S}]/gu, '');
  let words = foldStrict(joinSpelledLetters(spaced))
    .replace(/\bnegative\b/g, 'minus')
    .replace(/\bquarter(s?)\b/g, 'fourth$1')
    .replace(/\ba half\b/g, 'one half')
    .replace(/metre(s?)\b/g, 'meter$1')
    .split(' ')
    .filter((word) => word.length > 0);
  words = monthFirst(words);
  const out: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const previous = out[out.length - 1];
    const next = words[index + 1];
    if (word === 'oh' && (isNumberWord(previous) || isNumberWord(next))) {
      out.push('zero');
      continue;
    }
    // "and" inside a number or between currency units; "to" between the ends of a range.
    if ((word === 'and' || word === 'to') && previous !== undefined && (isNumberWord(previous) || CURRENCY_UNITS.has(previous)) && isNumberWord(next)) {
      continue;
    }
    out.push(word);
  }
  return out.join(' ');
}

/** How one reading compares with the accepted readings of a case. */
export function compareReading(reading: string, accepted: readonly string[]): { strict: boolean; variants: boolean } {
  const strict = accepted.some((answer) => foldStrict(answer) === foldStrict(reading));
  const variants = strict || accepted.some((answer) => foldVariants(answer) === foldVariants(reading));
  return { strict, variants };
}
