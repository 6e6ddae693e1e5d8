import {
  cardinalWords,
  decadeWords,
  digitByDigit,
  houseNumberWords,
  numeralWords,
  ordinalWords,
  parseNumeral,
  plainIntegerWords,
  pluralizeNumberWords,
  shortYearWords,
  yearWords,
  type ParsedNumeral,
} from './number-words.js';
import { spellLetters } from './acronyms.js';
import { readNumericDate, readShortNumericDate } from './date-rules.js';
import { fractionAt, readMixedNumber } from './fraction-rules.js';
import { perUnitAt } from './per-unit-rules.js';
import { isTimeZoneInCapitals, timeZoneAt } from './time-zone-rules.js';
import { isDigits, type RuleContext } from './rule-context.js';
import {
  CURRENCY_SYMBOLS,
  CODE_LABEL_WORDS,
  CURRENCY_WORDS,
  DIMENSION_WORDS,
  LABEL_WORDS,
  MONTHS,
  PLURALS_WITHOUT_S,
  SCALES,
  SCORE_WORDS,
  TEMPERATURE_CUES,
  UNITS,
  YEAR_CONTEXT_WORDS,
  type Currency,
  type Unit,
} from './word-lists.js';

const DASHES = '-–';
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 'ST', 'ND', 'RD', 'TH']);
const STRONG_YEAR_WORDS = new Set([
  'in', 'since', 'until', 'till', 'during', 'circa', 'early', 'late', 'mid', 'year', 'between', 'before', 'after',
  'born', 'died', 'founded', 'built', 'fiscal', 'summer', 'winter', 'spring', 'autumn', 'season', 'class', 'election',
]);
const SCORE_FOLLOWERS = new Set(['win', 'victory', 'defeat', 'loss', 'draw', 'lead', 'scoreline', 'thrashing', 'drubbing', 'home', 'away', 'result', 'triumph', 'success', 'reverse']);

/** The spoken form of a date. */
export function dateWords(context: RuleContext, day: number, month: string, year?: number, omitArticle = false): string {
  // After "the" ("the 4th of July"), American English says the day first too: "the fourth of July".
  if (context.settings.american && !omitArticle) {
    return `${month} ${ordinalWords(day)}${year === undefined ? '' : `, ${yearWords(year, false)}`}`;
  }
  const article = omitArticle ? '' : 'the ';
  return `${article}${ordinalWords(day)} of ${month}${year === undefined ? '' : ` ${yearWords(year, !context.settings.american)}`}`;
}

/** Year words following the document's convention. */
export function yearFor(context: RuleContext, year: number): string {
  return yearWords(year, !context.settings.american);
}

function wholeValue(text: string): number {
  return isDigits(text) && text.length <= 15 ? Number(text) : Number.NaN;
}

/** A four-digit number that would be read as a year ("2026", "1905"). */
function isYearShaped(text: string): boolean {
  if (text.length !== 4 || !isDigits(text) || text.startsWith('0')) return false;
  const value = Number(text);
  return value >= 1000 && value <= 2099;
}

/** The word right before `index` (over one space), lower-cased, or '' when something else is. */
function wordRightBefore(context: RuleContext, index: number): string {
  const previous = context.previousWordIndex(index, 1);
  return previous >= 0 && context.previousIndex(index) === previous ? context.text(previous).toLowerCase() : '';
}

/** Decides whether the four-digit number at `index` is a year, from its neighbours. */
export function isYearAt(context: RuleContext, index: number): boolean {
  const text = context.text(index);
  if (!isYearShaped(text)) return false;
  const value = Number(text);
  const before = wordRightBefore(context, index);
  const previous = context.previousWordIndex(index, 1);
  if (LABEL_WORDS.has(before) || context.isSymbol(context.previousIndex(index), '#')) return false;
  if (STRONG_YEAR_WORDS.has(before) || MONTHS.has(context.text(previous))) return true;
  const nextIndex = context.skipSpace(index + 1);
  const next = context.at(nextIndex);
  if (next?.kind === 'word' && nextIndex === index + 2) {
    const word = next.text;
    if (word.length > 2 && word.endsWith('s') && !word.endsWith("'s") && word === word.toLowerCase()) return false;
  }
  if (YEAR_CONTEXT_WORDS.has(before)) return true;
  return value >= 1900;
}

/** Whether the numbers from `firstIndex` to before `afterIndex` are a score ("won 3-1", "a 2-0 win"). */
export function scoreContext(context: RuleContext, firstIndex: number, afterIndex: number): boolean {
  if (context.wordsBefore(firstIndex, 4).some((word) => SCORE_WORDS.has(word))) return true;
  // "won 6-4, 3-6, 7-6": a pair after a comma that follows a score is one too.
  const comma = context.previousIndex(firstIndex);
  if (context.isSymbol(comma, ',') && isScorePair(context, comma - 3, comma) && scoreContext(context, comma - 3, comma)) return true;
  const next = context.skipSpace(afterIndex);
  return context.isWord(next) && SCORE_FOLLOWERS.has(context.text(next).toLowerCase());
}

/** Whether the tokens from `first` to before `after` are two small numbers joined by a hyphen or dash: "6-4". */
function isScorePair(context: RuleContext, first: number, after: number): boolean {
  return after - first === 3 && context.isNumber(first, true) && context.isSymbol(first + 1, '-–') && context.isNumber(first + 2, true) && context.text(first).length <= 2 && context.text(first + 2).length <= 2;
}

function scoreWords(context: RuleContext, value: number): string {
  if (value === 0) return context.settings.american ? 'nothing' : 'nil';
  return cardinalWords(value);
}

interface AmPm {
  words: string;
  /** Index after the marker. */
  end: number;
  /** True for "p.m.": its stop may also end the sentence. */
  dotted: boolean;
}

/** An "am"/"pm" marker at `index`, directly or after one space. */
function amPmAt(context: RuleContext, index: number): AmPm | undefined {
  const position = context.skipSpace(index);
  const token = context.at(position);
  if (token === undefined) return undefined;
  const text = token.text;
  if (token.kind === 'word' && (text === 'am' || text === 'pm' || text === 'AM' || text === 'PM')) {
    if (context.isWordLike(position + 1)) return undefined;
    return { words: `${text[0]!.toLowerCase()} m`, end: position + 1, dotted: false };
  }
  if (token.kind === 'dotted' && /^[aApP]\.[mM]\.$/.test(text)) {
    return { words: `${text[0]!.toLowerCase()} m`, end: position + 1, dotted: true };
  }
  return undefined;
}

function writeAmPm(context: RuleContext, marker: AmPm): number {
  context.write(marker.words);
  if (context.isSymbol(marker.end, DASHES) && context.isNumber(marker.end + 1)) {
    // "10am-2pm": a span of time.
    context.writeWord('to');
    return marker.end + 1;
  }
  const zone = timeZoneAt(context, marker.end);
  if (zone !== undefined) {
    context.writeWord(zone.words);
    if (zone.dotted) context.keepSentenceStop(zone.end);
    return zone.end;
  }
  if (marker.dotted) context.keepSentenceStop(marker.end);
  return marker.end;
}

function minuteWords(minutes: number): string {
  return minutes < 10 ? `oh ${cardinalWords(minutes)}` : cardinalWords(minutes);
}

/** "7:30am", "14:00", "10:05". `index` is the hour. */
function readClockTime(context: RuleContext, index: number): number | undefined {
  const hourText = context.text(index);
  const minuteText = context.text(index + 2);
  const hour = Number(hourText);
  const minutes = Number(minuteText);
  if (hour > 24 || minutes > 59) return undefined;
  let end = index + 3;
  let seconds: number | undefined;
  if (context.isSymbol(end, ':') && context.isNumber(end + 1, true) && context.text(end + 1).length === 2) {
    seconds = Number(context.text(end + 1));
    end += 2;
  }
  const marker = amPmAt(context, end);
  if (marker !== undefined && hour >= 1 && hour <= 12) {
    // "10:00:00 p.m.": a time of day; seconds are said only when there are some.
    const secondsWords = seconds === undefined || seconds === 0 ? '' : ` and ${cardinalWords(seconds)} ${seconds === 1 ? 'second' : 'seconds'}`;
    context.write(`${minutes === 0 && secondsWords === '' ? cardinalWords(hour) : `${cardinalWords(hour)} ${minuteWords(minutes)}`}${secondsWords}`);
    return writeAmPm(context, marker);
  }
  if (seconds !== undefined) {
    // "14:10:30": a duration or a precise time, said with its units.
    const parts = [`${cardinalWords(hour)} ${hour === 1 ? 'hour' : 'hours'}`, `${cardinalWords(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}`];
    if (seconds !== 0) parts.push(`${cardinalWords(seconds)} ${seconds === 1 ? 'second' : 'seconds'}`);
    context.write(parts.length === 3 ? `${parts[0]} ${parts[1]} and ${parts[2]}` : parts.join(' '));
    return end;
  }
  const spanEnd = () => {
    // "10:00-11:00": a span of clock times.
    if (context.isSymbol(end, DASHES) && context.isNumber(end + 1, true) && context.isSymbol(end + 2, ':')) {
      context.writeWord('to');
      return end + 1;
    }
    return end;
  };
  context.write(clockWords(hour, minutes));
  return spanEnd();
}

/** A clock time without a.m. or p.m.: "nine o'clock", "fourteen thirty", "twenty-three hundred hours". */
function clockWords(hour: number, minutes: number): string {
  if (minutes !== 0) return `${hour === 0 ? 'zero' : cardinalWords(hour)} ${minuteWords(minutes)}`;
  // Whole hours: "one o'clock"; on the 24-hour clock "twenty-three hundred hours", never a bare "twenty-three hundred".
  if (hour === 0 || hour === 24) return 'midnight';
  return hour <= 12 ? `${cardinalWords(hour)} o'clock` : `${cardinalWords(hour)} hundred hours`;
}

/** "1/3", "24/7", "12/05/2026", "2023/24". `index` is the first number. */
function readSlashNumbers(context: RuleContext, index: number): number {
  const first = context.text(index);
  const second = context.text(index + 2);
  if (context.isSymbol(index + 3, '/') && context.isNumber(index + 4, true) && !context.isSymbol(index + 5, '/')) {
    const third = context.text(index + 4);
    context.write(`${plainIntegerWords(first)} ${plainIntegerWords(second)} ${plainIntegerWords(third)}`);
    return index + 5;
  }
  const fraction = fractionAt(context, index, false);
  if (fraction !== undefined) {
    context.write(fraction.words);
    return fraction.end;
  }
  if (isYearShaped(first) && second.length === 2) {
    context.write(`${yearFor(context, Number(first))} to ${cardinalWords(Number(second))}`);
    return index + 3;
  }
  context.write(`${plainIntegerWords(first)} ${plainIntegerWords(second)}`);
  return index + 3;
}

/** Month words that are also ordinary lower-case words ("may", "march"), read as months only with a date around them. */
const AMBIGUOUS_MONTH_WORDS = new Set(['may', 'march', 'mar', 'jan']);

/**
 * Month name at `index` (full or abbreviated; capitalised, lower-case or
 * all capitals), with the index after it and its stop. `folded` is set for
 * a lower-case or all-capitals form, which callers accept only with a day or
 * year; `ambiguous` for lower-case forms that are also common words.
 */
export function monthAt(context: RuleContext, index: number): { name: string; end: number; folded: boolean; ambiguous: boolean } | undefined {
  const token = context.at(index);
  if (token?.kind !== 'word') return undefined;
  const written = token.text;
  let name = MONTHS.get(written);
  let folded = false;
  if (name === undefined && written.length >= 3 && (written === written.toLowerCase() || written === written.toUpperCase())) {
    const lower = written.toLowerCase();
    name = MONTHS.get(lower.charAt(0).toUpperCase() + lower.slice(1));
    folded = name !== undefined;
  }
  if (name === undefined) return undefined;
  const abbreviated = name.toLowerCase() !== written.toLowerCase();
  const end = abbreviated && context.isSymbol(index + 1, '.') ? index + 2 : index + 1;
  const ambiguous = folded && written === written.toLowerCase() && AMBIGUOUS_MONTH_WORDS.has(written);
  return { name, end, folded, ambiguous };
}

/** A year after a date at `index` (optionally after a comma): its value and the index after it. */
export function yearAfter(context: RuleContext, index: number): { year: number; end: number; comma: boolean } | undefined {
  let position = index;
  let comma = false;
  if (context.isSymbol(position, ',')) {
    comma = true;
    position += 1;
  }
  position = context.skipSpace(position);
  if (position === index) return undefined;
  const text = context.text(position);
  if (!context.isNumber(position, true) || text.length !== 4) return undefined;
  if (context.isWordLike(position + 1) || context.isSymbol(position + 1, '%:/') || (context.isSymbol(position + 1, DASHES) && context.isNumber(position + 2))) return undefined;
  const year = Number(text);
  if (year < 1000 || year > 2999) return undefined;
  return { year, end: position + 1, comma };
}

/** A day number (1–31) at `index` with an optional ordinal suffix: its value and the index after it. */
export function dayAt(context: RuleContext, index: number): { day: number; end: number } | undefined {
  const text = context.text(index);
  if (!context.isNumber(index, true) || text.length > 2) return undefined;
  const day = Number(text);
  if (day < 1 || day > 31) return undefined;
  let end = index + 1;
  if (context.isWord(end) && ORDINAL_SUFFIXES.has(context.text(end))) end += 1;
  if (context.isWordLike(end) || context.isSymbol(end, ':%°/') || context.isSymbol(end, '.') && context.isNumber(end + 1)) return undefined;
  return { day, end };
}

function isCapitalizedWord(text: string): boolean {
  return text.charAt(0) !== text.charAt(0).toLowerCase();
}

/** "24 April", "24th of April 2026", "24-26 April". `index` is the day. */
function readDayFirstDate(context: RuleContext, index: number): number | undefined {
  const first = dayAt(context, index);
  if (first === undefined) return undefined;
  let position = first.end;
  let second: { day: number; end: number } | undefined;
  if (context.isSymbol(position, DASHES)) {
    second = dayAt(context, position + 1);
    if (second === undefined) return undefined;
    position = second.end;
  }
  let monthIndex = context.skipSpace(position);
  if (monthIndex === position) return undefined;
  if (context.isWord(monthIndex, 'of') && context.isInlineSpace(monthIndex + 1)) monthIndex += 2;
  const month = monthAt(context, monthIndex);
  if (month === undefined) return undefined;
  if (month.ambiguous && context.isWord(context.skipSpace(month.end)) && !isCapitalizedWord(context.text(context.skipSpace(month.end)))) return undefined;
  const previous = context.previousWordIndex(index, 1);
  const omitArticle = previous >= 0 && context.text(previous).toLowerCase() === 'the';
  const year = yearAfter(context, month.end);
  const yearValue = year !== undefined && !year.comma ? year.year : undefined;
  if (second === undefined) {
    context.write(dateWords(context, first.day, month.name, yearValue, omitArticle));
  } else if (context.settings.american && !omitArticle) {
    context.write(`${month.name} ${ordinalWords(first.day)} to ${ordinalWords(second.day)}${yearValue === undefined ? '' : `, ${yearFor(context, yearValue)}`}`);
  } else {
    const article = omitArticle ? '' : 'the ';
    context.write(`${article}${ordinalWords(first.day)} to the ${ordinalWords(second.day)} of ${month.name}${yearValue === undefined ? '' : ` ${yearFor(context, yearValue)}`}`);
  }
  let end = month.end;
  if (yearValue !== undefined && year !== undefined) end = year.end;
  if (end === month.end && month.end === monthIndex + 2) context.keepSentenceStop(month.end);
  return end;
}

/** A currency written at `index` after an amount ("4,50 zł", "12 EUR", "5 €"). */
function currencyAfter(context: RuleContext, index: number): { currency: Currency; index: number } | undefined {
  const position = context.skipSpace(index);
  const token = context.at(position);
  if (token === undefined) return undefined;
  if (token.kind === 'symbol') {
    const currency = CURRENCY_SYMBOLS.get(token.text);
    if (currency !== undefined && !context.isNumber(context.skipSpace(position + 1))) return { currency, index: position };
    return undefined;
  }
  if (token.kind === 'word' && !context.isWordLike(position + 1)) {
    const currency = CURRENCY_WORDS.get(token.text);
    if (currency !== undefined) return { currency, index: position };
  }
  return undefined;
}

/** A scale after an amount at `index`: "m"/"bn" glued to it, or "million" after a space. */
function scaleAt(context: RuleContext, index: number): { scale: string; end: number } | undefined {
  if (context.isWord(index)) {
    const scale = SCALES.get(context.text(index));
    if (scale !== undefined && !context.isWordLike(index + 1)) return { scale, end: index + 1 };
    return undefined;
  }
  const position = context.skipSpace(index);
  if (position !== index && context.isWord(position)) {
    const text = context.text(position);
    const scale = SCALES.get(text.toLowerCase());
    if (scale !== undefined && (text.length > 1 || text === 'm' || text === 'b' || text === 'k') && text !== 'M' && text !== 'B' && text !== 'K' && !context.isWordLike(position + 1)) {
      return { scale, end: position + 1 };
    }
  }
  return undefined;
}

function amountWords(numeral: ParsedNumeral): string {
  return numeralWords(numeral);
}

const NOT_NOUNS = new Set([
  'of', 'in', 'a', 'an', 'and', 'or', 'to', 'for', 'on', 'at', 'by', 'from', 'with', 'per', 'each', 'more', 'less',
  'worth', 'is', 'was', 'were', 'are', 'be', 'been', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'may',
  'might', 'can', 'that', 'which', 'who', 'than', 'this', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'but',
  'as', 'into', 'over', 'under', 'after', 'before', 'since', 'until', 'up', 'down', 'off', 'out', 'now', 'then',
  'last', 'next', 'this', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'an', 'hour', 'apiece',
  'annually', 'overall', 'already', 'so', 'too', 'just', 'only', 'not', 'instead', 'back', 'total',
]);

/** "a $20 bill": an amount after "a"/"an" and before a noun describes that noun. */
function attributiveAmount(context: RuleContext, amountIndex: number, end: number): boolean {
  let start = amountIndex;
  const before = context.previousIndex(amountIndex);
  if (CURRENCY_SYMBOLS.has(context.text(before)) && context.at(before)?.kind === 'symbol') start = before;
  if (start !== amountIndex && context.isWord(start - 1) && DOLLAR_PREFIXES_LOWER.has(context.text(start - 1).toLowerCase())) start -= 1;
  const article = context.previousIndex(start);
  if (article !== start - 2) return false;
  const articleText = context.text(article).toLowerCase();
  if (articleText !== 'a' && articleText !== 'an') return false;
  const next = context.skipSpace(end);
  if (next === end || !context.isWord(next)) return false;
  const word = context.text(next);
  return word === word.toLowerCase() && !NOT_NOUNS.has(word) && !word.endsWith('ly');
}

const DOLLAR_PREFIXES_LOWER = new Set(['us', 'a', 'au', 'c', 'ca', 'hk', 'nz', 's', 'nt', 'r']);

/**
 * Reads an amount of money whose number is at `index`: "€312 million",
 * "$338 million", "£48m", "€1.1-1.3 billion", "€18.40", "4,50 zł".
 * `trailingCurrency` is the index of a currency written after the amount.
 */
export function readMoney(
  context: RuleContext,
  index: number,
  currency: Currency,
  trailingCurrency?: number,
): number {
  const amount = parseNumeral(context.text(index), trailingCurrency !== undefined);
  let position = index + 1;
  let upper: ParsedNumeral | undefined;
  let upperHasSymbol = false;
  let scale: string | undefined;
  let ownScale = scaleAt(context, position);
  if (ownScale !== undefined && context.isWord(position)) position = ownScale.end;
  else ownScale = undefined;
  if (context.isSymbol(position, DASHES)) {
    let upperIndex = position + 1;
    if (context.isSymbol(upperIndex, CURRENCY_SYMBOL_CHARACTERS)) {
      upperIndex += 1;
      upperHasSymbol = true;
    }
    if (context.isNumber(upperIndex)) {
      upper = parseNumeral(context.text(upperIndex), trailingCurrency !== undefined);
      position = upperIndex + 1;
    }
  }
  const sharedScale = scaleAt(context, position);
  if (sharedScale !== undefined) {
    scale = sharedScale.scale;
    position = sharedScale.end;
  }
  const lowerScale = ownScale?.scale ?? (upper === undefined ? scale : undefined);
  const unitScale = scale ?? ownScale?.scale;
  let words: string;
  if (upper !== undefined && (upperHasSymbol || (unitScale === undefined && (hasMinorUnits(amount, currency) || hasMinorUnits(upper, currency))))) {
    // "$150.25-$250.67", "$250-$300": each end is an amount of its own.
    const lowerWords = ownScale !== undefined ? `${amountWords(amount)} ${ownScale.scale} ${currency.plural}` : moneyWords(amount, currency);
    const upperWords = unitScale !== undefined ? `${amountWords(upper)} ${unitScale} ${currency.plural}` : moneyWords(upper, currency);
    words = `${lowerWords} to ${upperWords}`;
  } else if (upper !== undefined) {
    words = `${amountWords(amount)}${ownScale !== undefined && ownScale.scale !== scale ? ` ${ownScale.scale}` : ''} to ${amountWords(upper)}${unitScale === undefined ? '' : ` ${unitScale}`} ${currency.plural}`;
  } else if (lowerScale !== undefined) {
    words = `${amountWords(amount)} ${lowerScale} ${currency.plural}`;
  } else {
    words = moneyWords(amount, currency);
  }
  if (attributiveAmount(context, index, trailingCurrency !== undefined ? trailingCurrency + 1 : position)) {
    // "a $20 bill", "a £5bn deal": the currency is said in the singular, as an adjective.
    words = words.endsWith(` ${currency.plural}`) && !words.includes(' and ') ? `${words.slice(0, -currency.plural.length)}${currency.singular}` : words;
  }
  context.write(words);
  if (trailingCurrency !== undefined && trailingCurrency >= position) position = trailingCurrency + 1;
  const per = perUnitAt(context, position);
  if (per !== undefined) {
    context.writeWord(per.words);
    return per.end;
  }
  return position;
}

const CURRENCY_SYMBOL_CHARACTERS = [...CURRENCY_SYMBOLS.keys()].join('');

/** Cents of an amount as two digits ("20.5" → "50", "20.010" → "01"), or undefined when it is not said in minor units. */
function minorDigits(amount: ParsedNumeral, currency: Currency): string | undefined {
  if (amount.groups !== undefined || amount.fraction.length === 0 || currency.minorPlural === undefined) return undefined;
  let fraction = amount.fraction;
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  if (fraction.length > 2) return undefined;
  return fraction.padEnd(2, '0');
}

function hasMinorUnits(amount: ParsedNumeral, currency: Currency): boolean {
  const minor = minorDigits(amount, currency);
  return minor !== undefined && minor !== '00';
}

/** An amount with its currency: "twenty dollars and fifty cents", "one dollar", "four point five yen". */
function moneyWords(amount: ParsedNumeral, currency: Currency): string {
  const minorText = minorDigits(amount, currency);
  if (minorText !== undefined) {
    const whole = amount.integer.length === 0 ? 0n : BigInt(amount.integer);
    const minor = Number(minorText);
    const major = `${plainIntegerWords(amount.integer || '0')} ${whole === 1n ? currency.singular : currency.plural}`;
    const minorWords = `${cardinalWords(minor)} ${minor === 1 ? currency.minorSingular : currency.minorPlural}`;
    if (minor === 0) return major;
    if (whole === 0n) return minorWords;
    return `${major} and ${minorWords}`;
  }
  const single = amount.fraction.length === 0 && amount.groups === undefined && amount.integer === '1';
  return `${amountWords(amount)} ${single ? currency.singular : currency.plural}`;
}

/** The words "percent" etc. when a percent sign follows at `index`. */
function percentAt(context: RuleContext, index: number): number | undefined {
  if (context.isSymbol(index, '%')) return index + 1;
  if (context.isInlineSpace(index) && context.isSymbol(index + 1, '%')) return index + 2;
  return undefined;
}

function isOne(numeral: ParsedNumeral): boolean {
  return numeral.groups === undefined && numeral.fraction.length === 0 && numeral.integer === '1';
}

/** Whether an "m" after a number means metres (true) or million (false). */
function metresNotMillion(context: RuleContext, unitIndex: number): boolean {
  if (context.isSymbol(unitIndex + 1, '-²/')) return true;
  const next = context.skipSpace(unitIndex + 1);
  if (!context.isWord(next)) return true;
  const word = context.text(next);
  if (DIMENSION_WORDS.has(word.toLowerCase())) return true;
  if (PLURALS_WITHOUT_S.has(word)) return false;
  if (word === word.toLowerCase() && word.length > 2 && word.endsWith('s') && !word.includes("'")) return false;
  return true;
}

/** Units written with other capitals than the usual ("12KG", "5 gb", "60 HZ"), by lower-case form; short ones that are words or acronyms are left out. */
const CASE_FOLDED_UNITS: ReadonlyMap<string, Unit> = (() => {
  const excluded = new Set(['in', 'pc', 'pp', 'ppt', 'ppts', 'min', 'mins', 'sec', 'secs', 'yr', 'yrs', 'ha', 'hr', 'hrs', 'mi', 'bpd', 'bps', 't', 'l', 'g', 'h']);
  const folded = new Map<string, Unit>();
  for (const [written, unit] of UNITS) {
    const lower = written.toLowerCase();
    if (!excluded.has(lower) && !folded.has(lower)) folded.set(lower, unit);
  }
  return folded;
})();

/** The unit written `text`, also in other capitals where that cannot be read as something else. */
function unitNamed(text: string): Unit | undefined {
  return UNITS.get(text) ?? CASE_FOLDED_UNITS.get(text.toLowerCase());
}

/** "100 million kg": a scale word between a number and its unit. `index` is the scale word. */
function scaledUnitAt(context: RuleContext, index: number, spaced: boolean): { words: string; end: number } | undefined {
  const scale = context.text(index);
  if (!spaced || !['thousand', 'million', 'billion', 'trillion'].includes(scale)) return undefined;
  const unitIndex = context.skipSpace(index + 1);
  if (unitIndex === index + 1 || !context.isWord(unitIndex) || context.isWordLike(unitIndex + 1)) return undefined;
  const unit = unitNamed(context.text(unitIndex));
  if (unit === undefined || unit.attachedOnly === true) return undefined;
  return { words: `${scale} ${unit.plural}`, end: unitIndex + 1 };
}

/** Whether the number at `index` (its unit ending before `after`) is a temperature: written below zero, or with a word of weather near it. */
function temperatureNear(context: RuleContext, index: number, after: number): boolean {
  if (context.isSymbol(index - 1, '-−') && !context.isWordLike(index - 2)) return true;
  if (context.wordsBefore(index, 6).some((word) => TEMPERATURE_CUES.has(word))) return true;
  const next = context.nextWordIndex(after - 1, 2);
  return next >= 0 && TEMPERATURE_CUES.has(context.text(next).toLowerCase());
}

/** Units after the number at `index` ("70 mph", "10km", "-5°C", "15 km/h"); returns the index after. */
function readUnit(context: RuleContext, numeral: ParsedNumeral, index: number): number | undefined {
  const words = numeralWords(numeral);
  const one = isOne(numeral);
  let position = index + 1;
  const spaced = context.isInlineSpace(position);
  if (spaced) position += 1;
  const token = context.at(position);
  if (token === undefined) return undefined;
  if (token.kind === 'symbol' && (token.text === '°' || token.text === '℃' || token.text === '℉')) {
    let end = position + 1;
    let scaleName = '';
    const letterIndex = context.skipSpace(end);
    if (token.text === '℃') scaleName = ' Celsius';
    else if (token.text === '℉') scaleName = ' Fahrenheit';
    else if (context.isWord(letterIndex, 'C') || context.isWord(letterIndex, 'F')) {
      scaleName = context.text(letterIndex) === 'C' ? ' Celsius' : ' Fahrenheit';
      end = letterIndex + 1;
    }
    context.write(`${words} ${one ? 'degree' : 'degrees'}${scaleName}`);
    return end;
  }
  if (token.kind !== 'word') return undefined;
  const text = token.text;
  if (!spaced && (text === 'C' || text === 'F') && !context.isWordLike(position + 1) && temperatureNear(context, index, position + 1)) {
    // "Highs of 30C", "lows of -5C", "86F in Dallas": a temperature written without the degree sign.
    context.write(`${words} ${one ? 'degree' : 'degrees'} ${text === 'C' ? 'Celsius' : 'Fahrenheit'}`);
    return position + 1;
  }
  const scaled = scaledUnitAt(context, position, spaced);
  if (scaled !== undefined) {
    context.write(`${words} ${scaled.words}`);
    return scaled.end;
  }
  const power = context.isNumber(position + 1, true) && !context.isWordLike(position + 2) ? context.text(position + 1) : '';
  if ((power === '2' || power === '3') && (text === 'm' || UNITS.has(text))) {
    // "8 m2", "5km2": square and cubic units written with a digit.
    const base = text === 'm' ? { singular: 'metre', plural: 'metres' } : UNITS.get(text)!;
    context.write(`${words} ${power === '2' ? 'square' : 'cubic'} ${one ? base.singular : base.plural}`);
    return position + 2;
  }
  let square = false;
  let unitText = text;
  let unitEnd = position + 1;
  if (text === 'sq' && context.isInlineSpace(position + 1) && context.isWord(position + 2)) {
    square = true;
    unitText = context.text(position + 2);
    unitEnd = position + 3;
  }
  if (unitText === 'm') {
    if (context.isWordLike(unitEnd)) return undefined;
    if (!spaced && !square && !metresNotMillion(context, position)) {
      context.write(`${words} million`);
      return unitEnd;
    }
  }
  if (!spaced && !square) {
    const scale = SCALES.get(unitText);
    if (scale !== undefined && unitText !== 'm' && unitText.length <= 3 && !context.isWordLike(unitEnd)) {
      const next = context.skipSpace(unitEnd);
      if ((unitText === 'k' || unitText === 'K') && ['run', 'race', 'runs', 'races'].includes(context.text(next))) {
        context.write(`${words} K`);
      } else {
        context.write(`${words} ${scale}`);
      }
      return unitEnd;
    }
  }
  if ((unitText === 'km' || unitText === 'm' || unitText === 'mi') && context.isSymbol(unitEnd, '/') && context.isWord(unitEnd + 1)) {
    const per = context.text(unitEnd + 1);
    const base = unitText === 'km' ? ['kilometre', 'kilometres'] : unitText === 'm' ? ['metre', 'metres'] : ['mile', 'miles'];
    const perWord = per === 'h' || per === 'hr' ? 'hour' : per === 's' || per === 'sec' ? 'second' : undefined;
    if (perWord !== undefined && !context.isWordLike(unitEnd + 2)) {
      context.write(`${words} ${one ? base[0] : base[1]} per ${perWord}`);
      return unitEnd + 2;
    }
  }
  let unit = unitText === 'm' ? { singular: 'metre', plural: 'metres', attachedOnly: false } : unitNamed(unitText);
  if (unit === undefined && /^(km|m|cm|mm|ft|mi)[23]$/.test(unitText)) {
    square = unitText.endsWith('2');
    unit = UNITS.get(unitText.slice(0, -1)) ?? { singular: 'metre', plural: 'metres', attachedOnly: false };
    const cube = unitText.endsWith('3');
    context.write(`${words} ${cube ? 'cubic' : 'square'} ${one ? unit.singular : unit.plural}`);
    return unitEnd;
  }
  if (unit === undefined || context.isWordLike(unitEnd)) return undefined;
  // A unit that could be a word after a space ("8 l", "5 t") is one when another unit follows it: "8 l/min".
  if (unit.attachedOnly === true && (spaced || square) && perUnitAt(context, unitEnd) === undefined) return undefined;
  if (context.isSymbol(unitEnd, '²³')) {
    const cube = context.text(unitEnd) === '³';
    context.write(`${words} ${cube ? 'cubic' : 'square'} ${one ? unit.singular : unit.plural}`);
    return unitEnd + 1;
  }
  // "a 5 MB file", "a 10 km walk": a measure before a noun describes it, in the singular.
  const singular = one || attributiveAmount(context, index, unitEnd);
  context.write(`${words} ${square ? 'square ' : ''}${singular ? unit.singular : unit.plural}`);
  const per = perUnitAt(context, unitEnd);
  if (per !== undefined) {
    // "1000 kg/m3", "5 ml/min": a unit per another.
    context.writeWord(per.words);
    return per.end;
  }
  return unitEnd;
}

/** Words for the number at `index` on its own: a year when it looks like one, else a cardinal or decimal. */
function plainNumberWords(context: RuleContext, index: number, numeral: ParsedNumeral): string {
  // Thirteen or more digits without separators are an identifier (a card, an ISBN), not an amount anyone writes that way.
  if (isDigits(context.text(index)) && context.text(index).length > 12) return digitByDigit(context.text(index));
  if (numeral.groups === undefined && numeral.fraction.length === 0 && isYearAt(context, index) && numeral.integer === context.text(index)) {
    return yearFor(context, Number(numeral.integer));
  }
  if (CODE_LABEL_WORDS.has(wordRightBefore(context, index)) && /^\d{3}$/.test(context.text(index))) {
    return codeNumberWords(context.text(index));
  }
  return numeralWords(numeral);
}

/** Reads a range "A-B" starting at the number `index`; `dash` is the index of the dash. */
function readRange(context: RuleContext, index: number, dash: number): number | undefined {
  const first = context.text(index);
  const secondIndex = dash + 1;
  const second = context.text(secondIndex);
  if (context.isSymbol(secondIndex + 1, DASHES) && context.isNumber(secondIndex + 2)) {
    // Three or more numbers joined by dashes: an identifier or phone number, read number by number.
    let position = index;
    const parts: string[] = [];
    while (context.isNumber(position)) {
      const part = context.text(position);
      parts.push(isDigits(part) ? (part.length >= 3 ? digitByDigit(part) : plainIntegerWords(part)) : numeralWords(parseNumeral(part)));
      if (context.isSymbol(position + 1, DASHES) && context.isNumber(position + 2)) position += 2;
      else break;
    }
    context.write(parts.join(', '));
    return position + 1;
  }
  if (isDigits(first) && isDigits(second) && first.length <= 2 && second.length <= 2 && scoreContext(context, index, secondIndex + 1)) {
    context.write(`${scoreWords(context, Number(first))}-${scoreWords(context, Number(second))}`);
    return secondIndex + 1;
  }
  if (isYearShaped(first) && isDigits(second) && (second.length === 4 || second.length === 2) && !context.isWordLike(secondIndex + 1)) {
    const start = Number(first);
    const end = second.length === 2 ? Math.floor(start / 100) * 100 + Number(second) : Number(second);
    if (end > start && end <= 2099 && !LABEL_WORDS.has(context.wordsBefore(index, 1)[0] ?? '')) {
      context.write(`${yearFor(context, start)} to ${yearFor(context, end)}`);
      return secondIndex + 1;
    }
  }
  context.write(numeralWords(parseNumeral(first)));
  context.writeWord('to');
  return readQuantity(context, secondIndex);
}

/** Words after which a number and "'s" is a decade ("the 1990's", "in the '80's"). */
const DECADE_WORDS_BEFORE = new Set(['the', 'early', 'mid', 'late', 'in', 'of', 'during', 'since', 'from', 'through', 'until', 'and', 'to']);

/** "1960s-1980s", "1960s-80s": after a decade, a dash before another number is said "to". */
function decadeRangeTo(context: RuleContext, index: number): number {
  if (context.isSymbol(index, DASHES) && context.isNumber(index + 1, true) && context.isWord(index + 2, 's')) {
    context.writeWord('to');
    return index + 1;
  }
  return index;
}

/** The value of a whole number written for an ordinal ("21", "1,000"), or undefined. */
function ordinalNumeral(text: string): number | undefined {
  const numeral = parseNumeral(text);
  if (numeral.groups !== undefined || numeral.fraction.length > 0 || numeral.integer.length > 15) return undefined;
  return Number(numeral.integer);
}

/** The suffix an ordinal takes: 1 → "st", 12 → "th", 22 → "nd". */
function ordinalSuffixOf(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}

/**
 * The number of a name or code as it is said: three digits in two parts, as
 * a house number is ("A380" is "A three eighty", "MH370" "M H three
 * seventy", "A303" "A three oh three"), except a round hundred ("H100", "one
 * hundred"); other lengths as a number.
 */
function codeNumberWords(digits: string): string {
  return /^[1-9]\d\d$/.test(digits) ? houseNumberWords(digits) : plainIntegerWords(digits);
}

/**
 * Reads the number at `index` with what is glued to it or follows it:
 * decades, ordinals, times, money, percentages, units, ranges, years.
 * Returns the index after everything it consumed.
 */
export function readQuantity(context: RuleContext, index: number): number {
  const text = context.text(index);
  const dimension = context.isWord(index - 1, 'x') && context.isNumber(index - 2);
  if (context.isWord(index - 1) && context.at(index - 1)!.text.length <= 4 && !dimension) {
    // Digits glued to letters are part of a name or code: "G7", "MP3", "B2B", "A4", "A380"; a fiscal year is a year ("FY2024").
    const fiscalYear = ['FY', 'CY'].includes(context.text(index - 1)) && isYearShaped(text);
    context.write(fiscalYear ? yearFor(context, Number(text)) : isDigits(text) ? codeNumberWords(text) : numeralWords(parseNumeral(text)));
    return index + 1;
  }
  if (/^\d\d$/.test(text) && context.isSymbol(index - 1, "'’‘") && !context.isWordLike(index - 2) && !context.isWordLike(index + 1)) {
    // "in '08", "class of '69": a year with its century left out; its first zero is said "oh".
    context.write(shortYearWords(text));
    return index + 1;
  }
  const wireTime = /^([01]\d|2[0-3])([0-5]\d)$/.exec(text);
  if (wireTime !== null && context.isInlineSpace(index + 1) && context.isWord(index + 2) && isTimeZoneInCapitals(context.text(index + 2)) && !context.isWordLike(index + 3)) {
    // "at 0900 GMT", "by 1430 ET": the wire services' 24-hour clock, said as "09:00 GMT" is.
    context.write(clockWords(Number(wireTime[1]), Number(wireTime[2])));
    return index + 1;
  }
  if (context.isWord(context.previousIndex(index), 'Boeing') && /^7\d7$/.test(text)) {
    // "Boeing 737", "a Boeing 787": the model as the industry says it.
    context.write(codeNumberWords(text));
    return index + 1;
  }
  const whole = isDigits(text);
  const next = index + 1;
  const suffix = context.isWord(next) ? context.text(next) : undefined;

  const trailing = currencyAfter(context, next);
  if (trailing !== undefined && (suffix === undefined || trailing.index === next)) {
    return readMoney(context, index, trailing.currency, trailing.index);
  }
  if (suffix !== undefined && whole && !context.isWordLike(next + 1)) {
    if ((suffix === 'p' || suffix === 'c') && text.length <= 3) {
      const one = text === '1';
      context.write(`${cardinalWords(Number(text))} ${suffix === 'p' ? (one ? 'penny' : 'pence') : one ? 'cent' : 'cents'}`);
      return next + 1;
    }
    if (suffix === 's') {
      context.write(text.endsWith('0') && text.length <= 4 ? decadeWords(Number(text), !context.settings.american) : pluralizeNumberWords(plainIntegerWords(text)));
      return decadeRangeTo(context, next + 1);
    }
  }
  if (suffix !== undefined && ORDINAL_SUFFIXES.has(suffix) && !context.isWordLike(next + 1)) {
    const ordinal = ordinalNumeral(text);
    if (ordinal !== undefined) {
      // "1,000th" → "one thousandth"; a suffix that does not fit the number ("4rd") is read as written.
      context.write(ordinalSuffixOf(ordinal) === suffix.toLowerCase() ? ordinalWords(ordinal) : `${numeralWords(parseNumeral(text))} ${spellLetters(suffix)}`);
      return next + 1;
    }
  }
  if (whole && text.length === 4 && text.endsWith('0') && context.isInlineSpace(next) && context.isWord(next + 1, 's') && !context.isWordLike(next + 2)) {
    // "1980 s": a decade with its "s" split off.
    context.write(decadeWords(Number(text), !context.settings.american));
    return decadeRangeTo(context, next + 2);
  }
  const numeral = parseNumeral(text);

  const marker = amPmAt(context, next);
  if (marker !== undefined) {
    const value = wholeValue(text);
    if (value >= 1 && value <= 12) {
      context.write(cardinalWords(value));
      return writeAmPm(context, marker);
    }
    const hour = Number(numeral.integer);
    const minutes = Number(numeral.fraction);
    if (numeral.groups === undefined && numeral.fraction.length === 2 && hour >= 1 && hour <= 12 && minutes < 60) {
      context.write(minutes === 0 ? cardinalWords(hour) : `${cardinalWords(hour)} ${minuteWords(minutes)}`);
      return writeAmPm(context, marker);
    }
  }

  if (suffix === undefined && context.isSymbol(next, DASHES) && context.isNumber(next + 1)) {
    const result = readRange(context, index, next);
    if (result !== undefined) return result;
  }

  const percent = percentAt(context, next);
  if (percent !== undefined) {
    context.write(`${numeralWords(numeral)} percent`);
    return percent;
  }

  if (context.isInlineSpace(next) && context.isWord(next + 1, 'x') && context.isInlineSpace(next + 2) && context.isNumber(next + 3)) {
    // "2 x 3": dimensions.
    context.write(`${numeralWords(numeral)} by`);
    return next + 3;
  }
  if (whole && context.isSymbol(next, "'′’") && context.isNumber(next + 1, true) && context.isSymbol(next + 2, '"″”') && Number(context.text(next + 1)) < 12) {
    // 5'2": feet and inches.
    const inches = Number(context.text(next + 1));
    context.write(`${cardinalWords(Number(text))} ${text === '1' ? 'foot' : 'feet'} ${cardinalWords(inches)} ${inches === 1 ? 'inch' : 'inches'}`);
    return next + 3;
  }
  if (context.isSymbol(next, '¢')) {
    context.write(`${numeralWords(numeral)} ${isOne(numeral) ? 'cent' : 'cents'}`);
    return next + 1;
  }
  if (suffix === 'x' && context.isNumber(next + 1)) {
    context.write(`${numeralWords(numeral)} by`);
    return next + 1;
  }
  if (suffix === 'x' && !context.isWordLike(next + 1)) {
    context.write(`${numeralWords(numeral)} times`);
    return next + 1;
  }

  const unitEnd = readUnit(context, numeral, index);
  if (unitEnd !== undefined) return unitEnd;

  if (context.isSymbol(next, "'") && context.isWord(next + 1, 's') && !context.isWordLike(next + 2)) {
    const previous = context.wordsBefore(index, 1)[0] ?? '';
    // "the 1990's", "1990's" alone: a decade written with an apostrophe.
    if (whole && text.endsWith('0') && (DECADE_WORDS_BEFORE.has(previous) || (previous === '' && text.length === 4))) {
      context.write(decadeWords(Number(text), !context.settings.american));
    } else {
      context.write(`${plainNumberWords(context, index, numeral)}'s`);
    }
    return next + 2;
  }

  const per = perUnitAt(context, next);
  if (per !== undefined) {
    // "12/kg": a price or rate per unit.
    context.write(`${numeralWords(numeral)} ${per.words}`);
    return per.end;
  }

  context.write(plainNumberWords(context, index, numeral));
  return next;
}

/**
 * Reads a number token at `index` and whatever belongs with it. The entry
 * point of the number rules; returns the index after what it consumed.
 */
export function readNumber(context: RuleContext, index: number): number {
  const text = context.text(index);
  const whole = isDigits(text);
  if (whole && text.length <= 2 && context.isSymbol(index + 1, ':') && context.isNumber(index + 2, true)) {
    const minutes = context.text(index + 2);
    if (minutes.length === 2) {
      const end = readClockTime(context, index);
      if (end !== undefined) return end;
    } else if (minutes.length <= 2) {
      const separator = scoreContext(context, index, index + 3) ? '-' : ' to ';
      context.write(`${scoreWords(context, Number(text))}${separator}${scoreWords(context, Number(minutes))}`);
      return index + 3;
    }
  }
  const numericDate = readNumericDate(context, index) ?? readShortNumericDate(context, index);
  if (numericDate !== undefined) return numericDate;
  const mixed = readMixedNumber(context, index);
  if (mixed !== undefined) return mixed;
  if (whole && context.isSymbol(index + 1, '/') && context.isNumber(index + 2, true)) return readSlashNumbers(context, index);
  const date = readDayFirstDate(context, index);
  if (date !== undefined) return date;
  return readQuantity(context, index);
}

/** The spoken form of a number written as digits after "No.", "#" and the like. */
export function labelNumberWords(text: string): string {
  return isDigits(text) ? plainIntegerWords(text) : numeralWords(parseNumeral(text));
}

/** Reads a Roman numeral's value (1–399), or undefined when `text` is not one in canonical form. */
export function romanValue(text: string): number | undefined {
  if (!/^[IVXLC]{1,9}$/.test(text)) return undefined;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let index = 0; index < text.length; index += 1) {
    const value = values[text[index]!]!;
    const nextValue = values[text[index + 1] ?? ''] ?? 0;
    total += value < nextValue ? -value : value;
  }
  return total > 0 && toRoman(total) === text ? total : undefined;
}

function toRoman(value: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let result = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      result += letters;
      rest -= amount;
    }
  }
  return result;
}

