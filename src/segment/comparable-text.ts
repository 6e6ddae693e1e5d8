/**
 * Folds text for comparing two passages: case, curly quotes and apostrophes,
 * dashes, whitespace and trailing punctuation do not count.
 */
export function comparableText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[“”„‟″«»]/gu, '"')
    .replace(/[‐‑‒–—―−]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(TRAILING_PUNCTUATION, '');
}

/** Anchored at the start of a short tail so a long run of punctuation cannot cause quadratic matching. */
const TRAILING_PUNCTUATION = /(?<![\s.,;:!?…"'-])[\s.,;:!?…"'-]+$/u;
