import { XMLValidator } from 'fast-xml-parser';

/** Throws with the parser's message when `xml` is not well-formed. */
export function assertWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new Error(`not well-formed XML: ${result.err.msg} (line ${result.err.line})\n${xml}`);
}

/** Texts inside <emphasis> elements, tags stripped. */
export function emphasizedTexts(ssml: string): string[] {
  return [...ssml.matchAll(/<emphasis\b[^>]*>([\s\S]*?)<\/emphasis>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}
