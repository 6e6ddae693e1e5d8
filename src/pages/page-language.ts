import { escapeHtml } from '../platform/markup-escape.js';
import { oneLine } from '../platform/plain-text.js';

/** The page's language as a safe attribute value; `en` when missing or malformed. */
export function pageLanguage(language: string | undefined): string {
  const tag = oneLine(language ?? '');
  try {
    return escapeHtml(Intl.getCanonicalLocales(tag)[0] ?? 'en');
  } catch {
    return 'en';
  }
}

/**
 * ` lang="en"` for the page's own English labels when the page is in
 * another language, so screen readers pronounce both right; empty otherwise.
 */
export function interfaceLanguage(language: string): string {
  return /^en\b/i.test(language) ? '' : ' lang="en"';
}

/** A date `YYYY-MM-DD` as a `<time>` written out in `language`; empty for anything else. */
export function dateHtml(date: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  let written = date;
  try {
    written = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  } catch {
    written = date;
  }
  return `<time datetime="${date}">${escapeHtml(written)}</time>`;
}
