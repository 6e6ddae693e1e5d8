import { NUMBER_ABBREVIATIONS } from './abbreviations.js';

/**
 * Lists written inside running text: `1.) … 2.) …`, `1) … 2) …`, `1. … 2. …`,
 * `a. … b. …`, `(a) … (b) …`, `• 9. … • 10. …`, `• … • …`. Each item is a
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
const MARKER = new RegExp(
  `(?<=^|\\s)(?:([${BULLETS}])\\s*)?` +
    '(?:(\\d{1,3})(\\.\\)|\\.|\\))|([a-z])(\\.\\)|\\.|\\))|([A-Z])(\\.\\)|\\))|\\((\\d{1,3}|[a-zA-Z])\\))?' +
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
  const accepted: ListMarker[] = [];
  const textStart = /^\s*/u.exec(text)![0].length;
  const close = (run: Candidate[] | undefined): void => {
    if (run === undefined) return;
    if (run.length >= 2 || run[0]!.start === textStart) accepted.push(...run);
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
  return accepted.sort((left, right) => left.start - right.start);
}

function follows(previous: Candidate, next: Candidate): boolean {
  if (previous.ordinal === undefined || next.ordinal === undefined) return previous.ordinal === next.ordinal;
  return next.ordinal === previous.ordinal + 1;
}

function* candidates(text: string, textStart: number): Generator<Candidate> {
  for (const match of text.matchAll(MARKER)) {
    const [whole, bullet, number, numberEnd, lower, lowerEnd, upper, upperEnd, parenthesized] = match;
    if (whole === '') continue;
    const start = match.index;
    let shape: string;
    let ordinal: number | undefined;
    if (number !== undefined) [shape, ordinal] = [`1${numberEnd}`, Number(number)];
    else if (lower !== undefined) [shape, ordinal] = [`a${lowerEnd}`, lower.charCodeAt(0)];
    else if (upper !== undefined) [shape, ordinal] = [`A${upperEnd}`, upper.charCodeAt(0)];
    else if (parenthesized !== undefined) {
      shape = /\d/u.test(parenthesized) ? '(1)' : /\p{Ll}/u.test(parenthesized) ? '(a)' : '(A)';
      ordinal = /\d/u.test(parenthesized) ? Number(parenthesized) : parenthesized.charCodeAt(0);
    } else [shape, ordinal] = ['', undefined];
    if (bullet === undefined && afterNumberAbbreviation(text, start)) continue;
    yield { start, end: start + whole.length, shape: `${bullet ?? ''}${shape}`, ordinal, opensList: opensList(text, start, textStart, bullet) };
  }
}

/** `No. 1.` or `p. 2.`: a number that an abbreviation asked for, not a list item. */
function afterNumberAbbreviation(text: string, start: number): boolean {
  const before = /([\p{L}°º№]+)\.\s*$/u.exec(text.slice(Math.max(0, start - 8), start));
  return before !== null && NUMBER_ABBREVIATIONS.has(before[1]!);
}

function opensList(text: string, start: number, textStart: number, bullet: string | undefined): boolean {
  if (bullet !== undefined || start === textStart) return true;
  let index = start;
  while (index > 0 && /\s/u.test(text[index - 1]!)) index--;
  if (/\n/u.test(text.slice(index, start))) return true;
  return /[:;.!?…]["'”’)\]]*$/u.test(text.slice(Math.max(0, index - 3), index));
}
