import { parseLooseDate } from './loose-date.js';
import { NOT_NAME_WORDS } from './name-words.js';

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|van|von|der|den|da|di|du|la|le|del|bin|al|ter)$/u;

/**
 * The author named by a byline line: "By Lena Okafor", "By Priya Natarajan,
 * Local Democracy Reporter", "Words by …", "By A and B | 12 March 2026".
 */
export function bylineAuthor(text: string): string | undefined {
  if (text.length > 120) return undefined;
  const match = /^(?:(?:words|written|story|text|reporting)\s+)?by[:\s]\s*(.+)$/iu.exec(text);
  if (!match) return undefined;
  const namesPart = match[1]!.split(/\s*[,|·•]\s*|\s+[-–—]\s+/u)[0]!.replace(/\.$/u, '');
  const names = namesPart.split(/\s+(?:and|&)\s+/u);
  const valid = names.every((name) => {
    const words = name.split(/\s+/u);
    return (
      words.length >= 1 &&
      words.length <= 5 &&
      words.every((word) => NAME_WORD.test(word)) &&
      /^\p{Lu}/u.test(words[0]!) &&
      !NOT_NAME_WORDS.has(words[0]!.toLowerCase())
    );
  });
  return valid ? names.join(' and ') : undefined;
}

/** A "Published 12 March 2026 · 6 min read" / "Updated …" line, with the date it gives. */
export function publishedLine(text: string): { date?: string } | undefined {
  if (text.length > 120) return undefined;
  const DATE_START = /^(?:first\s+|originally\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+(?:on|at))?\s*:?\s*(?:\p{N}|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|yesterday|today|just now)\p{L}*\b)/iu;
  if (!DATE_START.test(text)) return undefined;
  const date = parseLooseDate(text);
  return date === undefined ? {} : { date };
}

/** A line that is only a date (and maybe a time and a reading time). */
export function dateOnlyLine(text: string): string | undefined {
  if (text.length > 70) return undefined;
  const date = parseLooseDate(text);
  if (date === undefined) return undefined;
  const rest = text
    .replace(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?/u, '')
    .replace(/\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?/giu, '')
    .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?/giu, '')
    .replace(/\b\d{1,4}(?:st|nd|rd|th)?\b|[\d:.]+|\b(?:am|pm|a\.m\.|p\.m\.|gmt|bst|utc|cet|cest|est|edt|pst|pdt)\b/giu, '')
    .replace(/\b\d+\s*min(?:ute)?s?\s+read\b/giu, '')
    .replace(/[\s,·|•–—\-/]+/gu, '');
  return rest === '' ? date : undefined;
}

/** A reading-time line: "6 min read", "Reading time: 4 minutes". */
export function isReadingTime(text: string): boolean {
  if (text.length > 60) return false;
  return /^\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minute|minutes)\.?\s+read$/iu.test(text) || /^reading time\s*:/iu.test(text);
}
