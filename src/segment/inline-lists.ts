import { NUMBER_ABBREVIATIONS } from './abbreviations.js';

/**
 * Lists written inside running text: `1.) … 2.) …`, `1) … 2) …`, `1. … 2. …`,
 * `a. … b. …`, `i. … ii. …`, `(a) … (b) …`, `• 9. … • 10. …`, `• … • …`. Each item is a
 * sentence of its own, and the full stop of its marker ends nothing.
 */

/** A list item's marker: `text.slice(start, end)` is `2.)`, `b.`, `• 10.`, `(c)`. */
export interface ListMarker {
  start: number;
  end: number;
}

interface Candidate extends ListMarker {
  /** Bullet and marker form: items of one list share it. */
  shape: string;
  /** The item's number or letter code; undefined for a bare bullet. */
  ordinal: number | undefined;
  /** Whether a list may begin here. */
  opensList: boolean;
}

const BULLETS = '•◦▪‣⁃●■►➢';
/** Marks that are bullets only before a number or a letter (`- 1. …`, `* a) …`): bare, they are dashes and stars of prose. */
const WEAK_BULLETS = '*\\-–';
const MARKER = new RegExp(
  `(?<=^|\\s)(?=[${BULLETS}${WEAK_BULLETS}\\dA-Za-z(])(?:([${BULLETS}${WEAK_BULLETS}])\\s*)?` +
    '(?:(\\d{1,3})(\\.\\)|\\.|\\))|([a-z]|[ivxl]{2,6})(\\.\\)|\\.|\\))|([IVXL]{1,6}|[A-Z](?=\\.?\\)))(\\.\\)|\\.|\\))|\\((\\d{1,3}|[a-zA-Z]|[ivxlIVXL]{2,6})\\))?' +
    '(?=\\s)',
  'gu',
);

/**
 * The markers of the inline lists in `text`, in order: runs of two or more
 * markers of one form numbered one after another, each item with some words,
 * the first where a list can begin (the text's start, after a colon or a
 * sentence, or behind a bullet); and a marker that opens the text.
 */
export function inlineListMarkers(text: string): ListMarker[] {
  const open = new Map<string, Candidate[]>();
  const accepted = new Map<number, ListMarker>();
  const textStart = /^\s*/u.exec(text)![0].length;
  const close = (run: Candidate[] | undefined): void => {
    if (run === undefined || (run.length < 2 && run[0]!.start !== textStart)) return;
    for (const marker of run) accepted.set(marker.start, { start: marker.start, end: marker.end });
  };
  for (const candidate of candidates(text, textStart)) {
    const run = open.get(candidate.shape);
    const last = run?.[run.length - 1];
    if (run !== undefined && last !== undefined && follows(last, candidate) && /[\p{L}\p{N}]/u.test(text.slice(last.end, candidate.start))) {
      run.push(candidate);
    } else if (candidate.opensList) {
      close(run);
      open.set(candidate.shape, [candidate]);
    }
  }
  for (const run of open.values()) close(run);
  return [...accepted.values()].sort((left, right) => left.start - right.start);
}

function follows(previous: Candidate, next: Candidate): boolean {
  if (previous.ordinal === undefined || next.ordinal === undefined) return previous.ordinal === next.ordinal;
  return next.ordinal === previous.ordinal + 1;
}

/** Every reading of each marker: `i.` is the ninth letter or the first roman numeral. */
function* candidates(text: string, textStart: number): Generator<Candidate> {
  for (const match of text.matchAll(MARKER)) {
    const [whole, bullet, number, numberEnd, lower, lowerEnd, upper, upperEnd, parenthesized] = match;
    const start = match.index;
    const readings: [string, number | undefined][] = [];
    if (number !== undefined) readings.push([`1${numberEnd}`, Number(number)]);
    else if (lower !== undefined) readings.push(...letterReadings(lower, lowerEnd!, true));
    else if (upper !== undefined) readings.push(...letterReadings(upper, upperEnd!, upperEnd !== '.'));
    else if (parenthesized !== undefined) {
      if (/\d/u.test(parenthesized)) readings.push(['(1)', Number(parenthesized)]);
      else readings.push(...letterReadings(parenthesized, '()', true));
    } else if (bullet !== undefined && BULLETS.includes(bullet)) readings.push(['', undefined]);
    if (readings.length === 0 || (bullet === undefined && afterNumberAbbreviation(text, start))) continue;
    const opens = opensList(text, start, textStart, bullet);
    for (const [shape, ordinal] of readings) {
      yield { start, end: start + whole.length, shape: `${bullet ?? ''}${shape}`, ordinal, opensList: opens };
    }
  }
}

/** A letter marker read as a letter (`b.`) and, where it is one, as a roman numeral (`ii.`, `I.`). */
function letterReadings(token: string, ending: string, letterAllowed: boolean): [string, number][] {
  const lower = token === token.toLowerCase();
  const readings: [string, number][] = [];
  if (token.length === 1 && letterAllowed) readings.push([`${lower ? 'a' : 'A'}${ending}`, token.toLowerCase().charCodeAt(0)]);
  const roman = romanValue(token.toLowerCase());
  if (roman !== undefined) readings.push([`${lower ? 'i' : 'I'}${ending}`, roman]);
  return readings;
}

const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

/** The value of a lower-case roman numeral up to `lxxxix`; undefined for anything else. */
function romanValue(token: string): number | undefined {
  if (!/^l?x{0,3}(?:ix|iv|v?i{0,3})$/u.test(token) || token === '') return undefined;
  let value = 0;
  for (let index = 0; index < token.length; index++) {
    const digit = ROMAN_DIGITS[token[index]!]!;
    const next = ROMAN_DIGITS[token[index + 1] ?? ''] ?? 0;
    value += digit < next ? -digit : digit;
  }
  return value;
}

/** `No. 1.` or `p. 2.`: a number that an abbreviation asked for, not a list item. */
function afterNumberAbbreviation(text: string, start: number): boolean {
  const before = /([\p{L}°º№]+)\.\s*$/u.exec(text.slice(Math.max(0, start - 8), start));
  return before !== null && NUMBER_ABBREVIATIONS.has(before[1]!);
}

function opensList(text: string, start: number, textStart: number, bullet: string | undefined): boolean {
  if ((bullet !== undefined && BULLETS.includes(bullet)) || start === textStart) return true;
  let index = start;
  while (index > 0 && /\s/u.test(text[index - 1]!)) index--;
  if (/\n/u.test(text.slice(index, start))) return true;
  return /[:;.!?…]["'”’)\]]*$/u.test(text.slice(Math.max(0, index - 3), index));
}
