import { ToWords } from 'to-words/en-US';

const converter = new ToWords();

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

/** Longest digit string read as one number; longer ones are read digit by digit. */
const MAX_CARDINAL_DIGITS = 21;

const TENS_AND_UNITS =
  /\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) (one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/g;

/** Lower-cases the library's words and hyphenates compound tens ("twenty-one"). */
function tidy(words: string): string {
  return words.toLowerCase().replace(TENS_AND_UNITS, '$1-$2');
}

/** Reads each digit of `digits` as a word: "007" → "zero zero seven". */
export function digitByDigit(digits: string): string {
  const words: string[] = [];
  for (const character of digits) {
    const digit = character.charCodeAt(0) - 48;
    if (digit >= 0 && digit <= 9) words.push(DIGIT_WORDS[digit]!);
  }
  return words.join(' ');
}

/** English cardinal words for a non-negative integer: 1200 → "one thousand two hundred". */
export function cardinalWords(value: number | bigint): string {
  if (typeof value === 'number' && (!Number.isFinite(value) || value < 0 || !Number.isInteger(value))) {
    return digitByDigit(String(Math.abs(Math.trunc(value))));
  }
  return tidy(converter.convert(value));
}

/** Cardinal words for a string of ASCII digits; very long strings are read digit by digit. */
export function digitsToCardinal(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length > MAX_CARDINAL_DIGITS) return digitByDigit(digits);
  return cardinalWords(BigInt(trimmed));
}

/** English ordinal words: 3 → "third", 21 → "twenty-first". */
export function ordinalWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) return cardinalWords(value);
  return tidy(converter.toOrdinal(value));
}

/**
 * Decimal reading: ("6", "2") → "six point two"; digits after the point are
 * read one by one. A decimal written without its whole part (".45") is said
 * as written: "point four five".
 */
export function decimalWords(integerDigits: string, fractionDigits: string): string {
  if (integerDigits.length === 0 && fractionDigits.length > 0) return `point ${digitByDigit(fractionDigits)}`;
  const whole = integerDigits.length === 0 ? 'zero' : digitsToCardinal(integerDigits);
  return fractionDigits.length === 0 ? whole : `${whole} point ${digitByDigit(fractionDigits)}`;
}

/**
 * How a year is said: 1991 → "nineteen ninety-one", 1905 → "nineteen oh five",
 * 2000 → "two thousand", 2018 → "twenty eighteen". `withAnd` gives the British
 * "two thousand and five" for 2001–2009.
 */
export function yearWords(year: number, withAnd = true): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return cardinalWords(year);
  if (year % 1000 === 0) return cardinalWords(year);
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (year > 2000 && year < 2010) return `two thousand ${withAnd ? 'and ' : ''}${cardinalWords(rest)}`;
  if (century % 10 === 0 && rest < 10) return cardinalWords(year);
  const head = cardinalWords(century);
  if (rest === 0) return `${head} hundred`;
  if (rest < 10) return `${head} oh ${cardinalWords(rest)}`;
  return `${head} ${cardinalWords(rest)}`;
}

/** Plural of a number's words, as in decades: "nineteen eighty" → "nineteen eighties". */
export function pluralizeNumberWords(words: string): string {
  if (words.endsWith('y')) return `${words.slice(0, -1)}ies`;
  if (words.endsWith('x')) return `${words}es`;
  return `${words}s`;
}

/** Spoken decade: 1980 → "nineteen eighties", 90 → "nineties", 2000 → "two thousands". */
export function decadeWords(value: number, withAnd = true): string {
  if (value === 100 || value === 1000) return value === 100 ? 'hundreds' : 'thousands';
  const base = value >= 1000 ? yearWords(value, withAnd) : cardinalWords(value);
  return pluralizeNumberWords(base);
}

/** True when `numerator/denominator` is read as a fraction ("one-third") rather than two numbers. */
export function isSpokenFraction(numerator: number, denominator: number): boolean {
  return numerator > 0 && numerator < 100 && ((denominator >= 2 && denominator <= 10) || denominator === 12 || denominator === 16);
}

/** Fraction words: (1, 3) → "one-third", (3, 4) → "three-quarters", (1, 2) → "one-half". */
export function fractionWords(numerator: number, denominator: number): string {
  const plural = numerator !== 1;
  let name: string;
  if (denominator === 2) name = plural ? 'halves' : 'half';
  else if (denominator === 4) name = plural ? 'quarters' : 'quarter';
  else name = plural ? `${ordinalWords(denominator)}s` : ordinalWords(denominator);
  const count = cardinalWords(numerator);
  // "one-third", but "thirty-one thirty-seconds": a hyphen joins only two simple words.
  return /[- ]/.test(count) || /[- ]/.test(name) ? `${count} ${name}` : `${count}-${name}`;
}

/** A number as written, once its separators are understood. */
export interface ParsedNumeral {
  /** Digits before the decimal mark (thousands separators removed). */
  integer: string;
  /** Digits after the decimal mark, empty for whole numbers. */
  fraction: string;
  /** True when the decimal mark was a comma (continental style). */
  decimalComma: boolean;
  /** Set when the text is not one number (e.g. "1.2.3"): its digit groups in order. */
  groups?: string[];
}

function allGroupsOfThree(groups: readonly string[]): boolean {
  if (groups[0]!.length > 3) return false;
  for (let index = 1; index < groups.length; index += 1) if (groups[index]!.length !== 3) return false;
  return true;
}

/**
 * Understands the separators of a written number: "1,200" (thousands),
 * "6.2" (decimal point), "4,50" (decimal comma), "1.200.000" (continental
 * thousands), "1,234.56" and "1.234,56". `preferDecimalComma` is set when a
 * currency written after the amount suggests continental style.
 */
export function parseNumeral(text: string, preferDecimalComma = false): ParsedNumeral {
  const commas = text.split(',').length - 1;
  const dots = text.split('.').length - 1;
  if (commas === 0 && dots === 0) return { integer: text, fraction: '', decimalComma: false };
  if (commas > 0 && dots > 0) {
    const lastComma = text.lastIndexOf(',');
    const lastDot = text.lastIndexOf('.');
    const decimalMark = lastComma > lastDot ? ',' : '.';
    const thousandsMark = decimalMark === ',' ? '.' : ',';
    const markIndex = Math.max(lastComma, lastDot);
    const head = text.slice(0, markIndex);
    const fraction = text.slice(markIndex + 1);
    if (!head.includes(decimalMark) && allGroupsOfThree(head.split(thousandsMark))) {
      return { integer: head.split(thousandsMark).join(''), fraction, decimalComma: decimalMark === ',' };
    }
    return { integer: text, fraction: '', decimalComma: false, groups: text.split(/[.,]/) };
  }
  const mark = commas > 0 ? ',' : '.';
  const groups = text.split(mark);
  if (groups.length === 2) {
    const [head, tail] = groups as [string, string];
    const thousands = tail.length === 3 && head.length <= 3 && head !== '0';
    if (mark === ',') {
      if (thousands && !preferDecimalComma) return { integer: head + tail, fraction: '', decimalComma: false };
      if (tail.length <= 2 || preferDecimalComma) return { integer: head, fraction: tail, decimalComma: true };
      if (/^\d{1,2}$/.test(head)) return { integer: head + tail, fraction: '', decimalComma: false };
      return { integer: text, fraction: '', decimalComma: false, groups };
    }
    return { integer: head, fraction: tail, decimalComma: false };
  }
  if (allGroupsOfThree(groups)) return { integer: groups.join(''), fraction: '', decimalComma: false };
  if (mark === ',' && /^(\d{1,2},)+\d{1,2},\d{3}$/.test(text)) {
    return { integer: groups.join(''), fraction: '', decimalComma: false };
  }
  return { integer: text, fraction: '', decimalComma: false, groups };
}

/** Words for a parsed numeral: whole numbers as cardinals, decimals with "point". */
export function numeralWords(numeral: ParsedNumeral): string {
  if (numeral.groups) return numeral.groups.map((group) => plainIntegerWords(group)).join(' point ');
  if (numeral.fraction.length > 0) return decimalWords(numeral.integer, numeral.fraction);
  return plainIntegerWords(numeral.integer);
}

/** Integer digits read as a newsreader would: leading zeros digit by digit ("007"), else a cardinal. */
export function plainIntegerWords(digits: string): string {
  if (digits.length > 1 && digits.startsWith('0')) return digitByDigit(digits);
  return digitsToCardinal(digits);
}

/** The numeric value of a parsed numeral (may lose precision for huge numbers). */
export function numeralValue(numeral: ParsedNumeral): number {
  if (numeral.groups) return Number.NaN;
  return Number(`${numeral.integer || '0'}.${numeral.fraction || '0'}`);
}

/**
 * A house number as Americans say it: in pairs ("1428" → "fourteen
 * twenty-eight", "123" → "one twenty-three", "1205" → "twelve oh five");
 * round hundreds and thousands and short numbers as cardinals.
 */
export function houseNumberWords(digits: string): string {
  const value = Number(digits);
  if (digits.length <= 2 || digits.length > 4 || value % 100 === 0 && digits.length === 3 || value % 1000 === 0) return plainIntegerWords(digits);
  const head = Number(digits.slice(0, -2));
  const tail = Number(digits.slice(-2));
  if (tail === 0) return `${cardinalWords(head)} hundred`;
  return `${cardinalWords(head)} ${tail < 10 ? `oh ${cardinalWords(tail)}` : cardinalWords(tail)}`;
}

/** A year written with two digits, said as written: "98" → "ninety-eight", "05" → "oh five". */
export function shortYearWords(digits: string): string {
  const value = Number(digits);
  if (value === 0) return 'oh oh';
  return value < 10 ? `oh ${cardinalWords(value)}` : cardinalWords(value);
}
