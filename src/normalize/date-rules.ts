import { ordinalWords, shortYearWords, yearWords } from './number-words.js';
import { isDigits, type RuleContext } from './rule-context.js';
import { MONTH_NAMES } from './word-lists.js';

/** A calendar date read from digits. */
interface NumericDate {
  day: number;
  month: number;
  /** The year as said: "twenty ten", or "ninety-eight" for a year written with two digits. */
  year: string;
}

function yearText(context: RuleContext, digits: string): string {
  return digits.length === 2 ? shortYearWords(digits) : yearWords(Number(digits), !context.settings.american);
}

/**
 * Understands three numbers as a date: year first when the first has four
 * digits ("2016/07/03"), else day and month in the text's order unless a
 * number above 12 settles it ("25/12/2026" is day first whatever the order).
 */
function parseNumericDate(context: RuleContext, parts: readonly string[]): NumericDate | undefined {
  const [first, second, third] = parts as [string, string, string];
  if (!isDigits(first) || !isDigits(second) || !isDigits(third)) return undefined;
  if (first.length === 4 && second.length <= 2 && third.length <= 2) {
    const year = Number(first);
    const month = Number(second);
    const day = Number(third);
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return { day, month, year: yearText(context, first) };
  }
  if (first.length > 2 || second.length > 2 || (third.length !== 4 && third.length !== 2)) return undefined;
  if (third.length === 4 && (Number(third) < 1000 || third.startsWith('0'))) return undefined;
  const a = Number(first);
  const b = Number(second);
  if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return undefined;
  let dayFirst = context.settings.dateOrder === 'day-first';
  if (a > 12) dayFirst = true;
  else if (b > 12) dayFirst = false;
  const [day, month] = dayFirst ? [a, b] : [b, a];
  return { day, month, year: yearText(context, third) };
}

/** The spoken form of a date with a year already said in words. */
export function spokenDate(context: RuleContext, day: number, month: number, year: string | undefined, omitArticle = false): string {
  const name = MONTH_NAMES[month - 1]!;
  if (context.settings.american) return `${name} ${ordinalWords(day)}${year === undefined ? '' : `, ${year}`}`;
  return `${omitArticle ? '' : 'the '}${ordinalWords(day)} of ${name}${year === undefined ? '' : ` ${year}`}`;
}

/**
 * "10/06/2005", "2016/07/03", "01.10.2010", "2026-04-24", "15-01-2020":
 * a numeric date at `index`, read in the text's date order. Returns the
 * index after it, or undefined when the numbers are not a date.
 */
export function readNumericDate(context: RuleContext, index: number): number | undefined {
  const text = context.text(index);
  let parts: string[];
  let end: number;
  if (/^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{2}\.\d{2}\.\d{2}|\d{4}\.\d{1,2}\.\d{1,2})$/.test(text)) {
    parts = text.split('.');
    end = index + 1;
  } else {
    const separator = context.text(index + 1);
    if (!context.isSymbol(index + 1, '/-') || !context.isNumber(index + 2, true) || !context.isSymbol(index + 3, separator) || !context.isNumber(index + 4, true)) {
      return undefined;
    }
    parts = [text, context.text(index + 2), context.text(index + 4)];
    end = index + 5;
    // A year of two digits after dashes only in the all-two-digit form ("10-06-05"); "3-4-10" is a list of numbers.
    if (separator === '-' && parts[0]!.length !== 4 && parts[2]!.length === 2 && (parts[0]!.length !== 2 || parts[1]!.length !== 2)) return undefined;
    // A fourth number ("1-800-555-1234") or a letter glued on makes it something else.
    if (context.isSymbol(end, '/-.') && context.isNumber(end + 1)) return undefined;
  }
  if (context.isWordLike(end)) return undefined;
  const date = parseNumericDate(context, parts);
  if (date === undefined) return undefined;
  const previous = context.previousWordIndex(index, 1);
  const omitArticle = previous >= 0 && context.text(previous).toLowerCase() === 'the';
  context.write(spokenDate(context, date.day, date.month, date.year, omitArticle));
  return end;
}

/** Words after which two numbers joined by a slash are a month and a day ("on 6/14"). */
const DATE_WORDS_BEFORE = new Set(['on', 'since', 'until', 'till', 'through', 'thru', 'dated', 'effective']);

/**
 * "on 6/14", "since 14/6": a day and a month without a year after a word
 * that introduces a date, read in the text's date order. `index` is the
 * first number. Returns the index after it, or undefined.
 */
export function readShortNumericDate(context: RuleContext, index: number): number | undefined {
  if (!context.isSymbol(index + 1, '/') || !context.isNumber(index, true) || !context.isNumber(index + 2, true)) return undefined;
  if (context.isSymbol(index + 3, '/') || context.isWordLike(index + 3)) return undefined;
  // "on 3/4 of the days": a fraction of something.
  if (context.isInlineSpace(index + 3) && context.isWord(index + 4, 'of')) return undefined;
  const previous = context.previousWordIndex(index, 1);
  if (previous < 0 || context.previousIndex(index) !== previous || !DATE_WORDS_BEFORE.has(context.text(previous).toLowerCase())) return undefined;
  const first = context.text(index);
  const second = context.text(index + 2);
  if (first.length > 2 || second.length > 2) return undefined;
  const a = Number(first);
  const b = Number(second);
  const dayFirst = a > 12 ? true : b > 12 ? false : context.settings.dateOrder === 'day-first';
  const [day, month] = dayFirst ? [a, b] : [b, a];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  context.write(spokenDate(context, day, month, undefined, false));
  return index + 3;
}
