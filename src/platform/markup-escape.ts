const SPECIAL = /[&<>"']/g;

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** HTML 4 has no `&apos;`: the numeric reference works in every HTML. */
const HTML_ENTITIES: Readonly<Record<string, string>> = { ...XML_ENTITIES, "'": '&#39;' };

/** Escapes text for XML element content or an attribute value in either quotes. */
export function escapeXml(text: string): string {
  return text.replace(SPECIAL, (character) => XML_ENTITIES[character] ?? character);
}

/** Escapes text for HTML content or an attribute value in either quotes. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (character) => HTML_ENTITIES[character] ?? character);
}

/** Characters XML 1.0 forbids: C0 controls other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters an XML 1.0 document cannot carry. */
export function stripInvalidXmlCharacters(text: string): string {
  return text.replace(NOT_XML, '');
}
