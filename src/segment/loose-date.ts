const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * Reads a date written the usual ways in bylines and "Published" lines:
 * "12 March 2026", "March 12, 2026", "Tue 14 Oct 2026", "2026-10-14",
 * "2026-10-14T08:30:00Z". Returns an ISO 8601 date (with the time when the
 * text gives a full ISO timestamp), or undefined.
 */
export function parseLooseDate(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4]);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]!);
    if (month !== undefined) return validDate(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]!);
    if (month !== undefined) return validDate(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  return undefined;
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  const month = MONTHS[key.slice(0, 3)];
  if (month === undefined) return undefined;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][month - 1]!;
  return full.startsWith(key) || key === 'sept' ? month : undefined;
}

function validDate(year: number, month: number, day: number, time?: string): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return time ? `${iso}${time}` : iso;
}
