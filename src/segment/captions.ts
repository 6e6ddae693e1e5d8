const CREDIT_WORD =
  '(?:Photo|PHOTO|Photos|PHOTOS|Photograph|PHOTOGRAPH|Photography|Picture|PICTURE|Pictures|Pic|PIC|Image|IMAGE|Images|Illustration|ILLUSTRATION|Graphic|GRAPHIC|Video|VIDEO|Credit|CREDIT|Footage|FOOTAGE)';
const LEADING_CREDIT = new RegExp(`^\\(?\\s*${CREDIT_WORD}(?:\\s+credit)?\\s*(?::|by\\s+\\p{Lu}|courtesy\\b)`, 'u');
const TRAILING_CREDIT = new RegExp(`${CREDIT_WORD}(?:\\s+credit)?\\s*:\\s*\\p{Lu}[^.!?:]{0,79}$`, 'u');
const INLINE_CREDIT = new RegExp(`\\s*\\(\\s*${CREDIT_WORD}(?:\\s+credit)?\\s*(?::|by\\b|courtesy\\b)[^()]{1,120}\\)`, 'giu');
const AGENCY_CREDIT = /(?:^|\s)\(?(?:Getty Images|AFP via Getty Images|Reuters\/[\p{L} ]+|AP Photo\/[\p{L}. ]+(?:, File)?|EPA-EFE|Shutterstock|Alamy)\s*\)?$/u;
/** A credit glued to a caption without a space or ending it without a full stop: "…in New York.Reuters", "…early.Kathrin Ziegler/Getty", "…Timothy Weeks AP". */
const GLUED_CREDIT =
  /(?:(?<=[.!?”"’)])(?:\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,3}\s?\/\s?)?(?:Getty(?: Images)?|Reuters|AFP|AP|EPA|iStock(?:photo)?|Shutterstock|Alamy|Bloomberg)|\s\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,3}\s?\/\s?(?:Getty(?: Images)?|Reuters|AFP|AP|EPA|iStock(?:photo)?|Shutterstock|Alamy|Bloomberg)|\s(?:AP|AFP|EPA|Getty Images))$/u;
/** "Image copyright Getty Images", "Image source, Reuters", "Image caption …". */
const IMAGE_LABEL = /^(?:image|photo|picture|media) (?:copyright|source|caption)\b/iu;

/** A photo caption or credit, split into the caption's own words and the credit. */
export interface CaptionMatch {
  /** The text before the credit, trimmed ('' when the text is only a credit). */
  caption: string;
  /** The credit itself: "PHOTO: AFP". */
  credit: string;
}

/**
 * Recognises a photo caption or credit: "PHOTO: AFP", "Photo: Riverside City
 * Council", "Picture: …", "(Photo by …)", or a short caption ending in one
 * (the credit may be glued to the caption: "…this month.PHOTO: AFP").
 */
export function matchCaption(text: string): CaptionMatch | undefined {
  if (text.length <= 150 && LEADING_CREDIT.test(text)) return { caption: '', credit: text };
  if (text.length > 400) return undefined;
  const trailing = TRAILING_CREDIT.exec(text);
  if (trailing && (trailing.index === 0 || !/[\p{L}\p{N}]/u.test(text[trailing.index - 1]!))) {
    return { caption: text.slice(0, trailing.index).trim(), credit: trailing[0].trim() };
  }
  if (text.length <= 150 && IMAGE_LABEL.test(text)) return { caption: '', credit: text };
  const agency = AGENCY_CREDIT.exec(text) ?? (text.length <= 250 && !/[.!?]$/u.test(text) ? GLUED_CREDIT.exec(text) : null);
  if (agency && text.length <= 250) return { caption: text.slice(0, agency.index).trim(), credit: agency[0].trim() };
  return undefined;
}

/** Removes "(Photo by …)"-style credits from inside a paragraph; returns the credits removed. */
export function stripInlineCredits(text: string): { text: string; credits: string[] } {
  const credits: string[] = [];
  const stripped = text.replace(INLINE_CREDIT, (credit) => {
    credits.push(credit.trim());
    return '';
  });
  return { text: stripped.trim(), credits };
}

