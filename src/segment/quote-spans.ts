/** Quoted speech found in a paragraph. Offsets are into the paragraph text. */
export interface QuoteSpan {
  /** Index of the opening quotation mark. */
  markStart: number;
  /** First character of the quoted words. */
  start: number;
  /** End of the quoted words (exclusive). */
  end: number;
  /** End of the closing quotation mark, or `end` when there is none. */
  markEnd: number;
  /** False when the paragraph never closes the quote. */
  closed: boolean;
}

type Family = 'double' | 'low' | 'guillemet' | 'guillemet-reversed' | 'single' | 'single-guillemet' | 'corner';

const ELISIONS = /^(?:n['’]|em\b|til\b|tis\b|twas\b|cause\b|round\b|bout\b|nuff\b|cos\b|\d{2}s?\b)/iu;
const ATTRIBUTION_CUT =
  /,\s+(?:[\p{L}'’.-]+\s+){0,6}?(?:said|says|added|told|asked|explained|warned|insisted|admitted|claimed|argued|noted|replied|continued)\b/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Finds quoted speech in one paragraph: curly and straight double quotes,
 * `„…“`, guillemets, corner brackets, and single quotes used as quotation
 * marks (never apostrophes: `It's`, `the 1980s'`, `rock 'n' roll`). A quote
 * never runs past the paragraph: an unclosed quote ends before an attribution
 * (`…, the mayor said`) or at the end of the paragraph.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: { family: Family; index: number } | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (open === undefined) {
      const family = openingFamily(text, index, char);
      if (family !== undefined) open = { family, index };
      continue;
    }
    if (closes(text, index, char, open.family)) {
      if (hasWords(text, open.index + 1, index)) {
        spans.push({ markStart: open.index, start: open.index + 1, end: index, markEnd: index + 1, closed: true });
      }
      open = undefined;
    }
  }
  if (open !== undefined) {
    const span = unclosedSpan(text, open.index, open.family);
    if (span) spans.push(span);
  }
  return spans;
}

function openingFamily(text: string, index: number, char: string): Family | undefined {
  switch (char) {
    case '“':
      return 'double';
    case '„':
      return 'low';
    case '«':
      return 'guillemet';
    case '»':
      return /\s/.test(text[index + 1] ?? ' ') ? undefined : 'guillemet-reversed';
    case '‹':
      return 'single-guillemet';
    case '「':
    case '『':
      return 'corner';
    case '"':
      return opensHere(text, index) ? 'double' : undefined;
    case '‘':
    case "'":
      if (!opensHere(text, index)) return undefined;
      if (ELISIONS.test(text.slice(index + 1, index + 8))) return undefined;
      return 'single';
    default:
      return undefined;
  }
}

/** A quotation mark opens when it follows a space or opening punctuation and precedes a word. */
function opensHere(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  if (after === undefined || /\s/.test(after)) return false;
  return before === undefined || /[\s([{\-–—/:;,]/.test(before);
}

function closes(text: string, index: number, char: string, family: Family): boolean {
  switch (family) {
    case 'double':
      return char === '”' || char === '"';
    case 'low':
      return char === '“' || char === '”' || char === '"';
    case 'guillemet':
      return char === '»';
    case 'guillemet-reversed':
      return char === '«';
    case 'single-guillemet':
      return char === '›';
    case 'corner':
      return char === '」' || char === '』';
    case 'single':
      return (char === '’' || char === "'") && closesSingle(text, index);
  }
}

/** A single closing mark is not an apostrophe: not inside a word, not a plural possessive with a closer still to come. */
function closesSingle(text: string, index: number): boolean {
  const before = text[index - 1] ?? ' ';
  const after = text[index + 1] ?? ' ';
  if (/\s/.test(before)) return false;
  if (LETTER_OR_DIGIT.test(after)) return false;
  if (/[sz]/i.test(before) && /\s/.test(after) && /^\s+\p{Ll}/u.test(text.slice(index + 1, index + 4))) {
    const rest = text.slice(index + 1, index + 300);
    if (/[\p{L}\p{N}.,!?;:…]['’](?![\p{L}\p{N}])/u.test(rest)) return false;
  }
  return true;
}

function unclosedSpan(text: string, markStart: number, family: Family): QuoteSpan | undefined {
  if (family === 'single' && !/^(?:|.*[:,—–]\s*)$/su.test(text.slice(Math.max(0, markStart - 3), markStart))) {
    return undefined;
  }
  const start = markStart + 1;
  const cut = ATTRIBUTION_CUT.exec(text.slice(start));
  let end = cut ? start + cut.index : text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (!hasWords(text, start, end)) return undefined;
  return { markStart, start, end, markEnd: end, closed: false };
}

function hasWords(text: string, start: number, end: number): boolean {
  return LETTER_OR_DIGIT.test(text.slice(start, end));
}
