/**
 * Whether a sentence ends at the full stop of `a.m.` or `p.m.`: wire copy
 * writes "10 a.m. Tuesday", "5 p.m. EST" and "At 5 a.m. Mr. Smith left" inside
 * one sentence, and "…at 6 p.m. The council then…" across two.
 */

const CLOCK_SUFFIXES = new Set(['a.m', 'p.m', 'A.M', 'P.M']);

const WEEKDAYS = [
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
];
const TIME_ZONES = [
  'ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT', 'PT', 'PST', 'PDT', 'AKST', 'AKDT', 'HST',
  'AST', 'ADT', 'NST', 'NDT', 'GMT', 'UTC', 'UT', 'BST', 'IST', 'WET', 'WEST', 'CET', 'CEST', 'EET', 'EEST',
  'MSK', 'JST', 'KST', 'HKT', 'SGT', 'AEST', 'AEDT', 'ACST', 'ACDT', 'AWST', 'NZST', 'NZDT', 'Z',
  'Eastern', 'Central', 'Mountain', 'Pacific', 'Atlantic', 'Alaska', 'Hawaii', 'Greenwich', 'Zulu',
];

/** Capitalised words that continue a clock time: a weekday, a month, a time zone. */
const TIME_CONTINUATIONS = new Set([...WEEKDAYS, ...MONTHS, ...TIME_ZONES]);

/** Words of an adverbial of time that opens a sentence: "At", "Shortly after", "On Tuesday at". */
const TIME_PHRASE_WORDS = new Set([
  'at', 'by', 'around', 'about', 'before', 'after', 'until', 'till', 'from', 'since', 'shortly', 'just',
  'starting', 'beginning', 'sometime', 'roughly', 'approximately', 'on', 'early', 'late', 'this', 'next',
  'last', 'every', 'each', 'today', 'tomorrow', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening',
  'night', 'and', 'or', 'to', 'between', 'then', 'later', 'earlier', 'soon', 'nearly', 'almost', 'past',
  ...[...WEEKDAYS, ...MONTHS].map((word) => word.toLowerCase()),
]);

/** Whether `word` (without its last full stop) is `a.m` or `p.m`. */
export function isClockSuffix(word: string): boolean {
  return CLOCK_SUFFIXES.has(word);
}

/**
 * Whether the sentence that began at `sentenceStart` ends at the full stop
 * of the clock suffix that begins at `suffixStart`, given the text after it
 * (from its first word, `following`).
 */
export function endsAfterClockTime(text: string, sentenceStart: number, suffixStart: number, following: string): boolean {
  if (!/^\p{Lu}/u.test(following)) return false;
  const nextWord = /^[\p{L}\p{N}]*/u.exec(following)?.[0] ?? '';
  if (TIME_CONTINUATIONS.has(nextWord)) return false;
  if (/^\p{Lu}[\p{L}-]*\s+time\b/u.test(following)) return false;
  return !isOpeningTimePhrase(text.slice(sentenceStart, suffixStart));
}

/** Whether the whole sentence so far is an adverbial of time ("At 5", "Shortly after 10:30"): no sentence ends there. */
function isOpeningTimePhrase(phrase: string): boolean {
  const tokens = phrase.split(/[\s,]+/u).filter((token) => token !== '');
  const words = tokens.filter((token) => !/^\p{N}[\p{N}:.]*(?:st|nd|rd|th)?$/u.test(token));
  if (words.length === 0 || words.length === tokens.length) return false;
  return words.every((word) => TIME_PHRASE_WORDS.has(word.toLowerCase().replace(/\.$/u, '')));
}
