/** Which number comes first in a numeric date such as 10/06/2005. */
export type DateOrder = 'month-first' | 'day-first';

/** Regions whose writers put the month first (the United States and the places that follow its usage). */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'PR', 'GU', 'AS', 'VI', 'UM', 'MP', 'FM', 'MH', 'PW']);
/** Regions where both orders are common: the order is guessed from the text, as for a language without a region. */
const MIXED_REGIONS = new Set(['CA']);

const NUMERIC_DATE = /(?<![\d.,/-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.,-]\d)/g;

/** The date order a language tag names, or undefined when it names no region (or a mixed one). */
export function dateOrderOfLanguage(language: string): DateOrder | undefined {
  const region = /^[a-z]{2,3}[-_](?:[a-z]{4}[-_])?([a-z]{2}|\d{3})\b/i.exec(language.trim())?.[1]?.toUpperCase();
  if (region === undefined || MIXED_REGIONS.has(region)) return undefined;
  return MONTH_FIRST_REGIONS.has(region) ? 'month-first' : 'day-first';
}

/** What the numeric dates of a text say about its order: a date like 25/12/2026 can only be day first. */
export function dateOrderEvidence(text: string): { order?: DateOrder; ambiguous: boolean } {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = false;
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    if (first > 12 && first <= 31 && second >= 1 && second <= 12) dayFirst += 1;
    else if (second > 12 && second <= 31 && first >= 1 && first <= 12) monthFirst += 1;
    else if (first >= 1 && first <= 12 && second >= 1 && second <= 12 && first !== second) ambiguous = true;
  }
  const order = dayFirst > monthFirst ? 'day-first' : monthFirst > dayFirst ? 'month-first' : undefined;
  return order === undefined ? { ambiguous } : { order, ambiguous };
}

/**
 * The order in which numeric dates of a text are read: the one its
 * language's region uses; without a region, the one its unambiguous dates
 * show; otherwise day first, the order of most English-speaking regions,
 * marked `guessed` when the text has a date that the guess decides.
 */
export function resolveDateOrder(language: string, text: string): { order: DateOrder; guessed: boolean } {
  const named = dateOrderOfLanguage(language);
  if (named !== undefined) return { order: named, guessed: false };
  const evidence = dateOrderEvidence(text);
  if (evidence.order !== undefined) return { order: evidence.order, guessed: false };
  return { order: 'day-first', guessed: evidence.ambiguous };
}
