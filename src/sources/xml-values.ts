/** An element as fast-xml-parser gives it: `@_name` attributes, `#text` text, child elements by qualified name. */
export type XmlElement = Record<string, unknown>;

/** True when `value` is a parsed element with attributes or children (not a bare text value). */
export function isXmlElement(value: unknown): value is XmlElement {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every child of `element` called `name`, in document order. */
export function children(element: unknown, name: string): unknown[] {
  if (!isXmlElement(element)) return [];
  const value = element[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child of `element` called `name`. */
export function child(element: unknown, name: string): unknown {
  return children(element, name)[0];
}

/** The text of an element or text value ('' for none). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isXmlElement(value)) return textOf(value['#text']);
  return '';
}

/** The text of the first child called `name` that has any, trimmed ('' for none). */
export function childText(element: unknown, name: string): string {
  for (const value of children(element, name)) {
    const text = textOf(value).trim();
    if (text !== '') return text;
  }
  return '';
}

/** An attribute of an element, when present. */
export function attributeOf(element: unknown, name: string): string | undefined {
  if (!isXmlElement(element)) return undefined;
  const value = element[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The qualified name of `local` in namespace `uri` as this document spells
 * it, from the `xmlns` declarations on its root element (so a feed that
 * binds the content module to `c:` is read as well as one using `content:`).
 * Falls back to the conventional prefix when the root declares none.
 */
export function qualifiedName(root: XmlElement, uri: string, local: string, conventionalPrefix: string): string {
  for (const [key, value] of Object.entries(root)) {
    if (value !== uri) continue;
    if (key === '@_xmlns') return local;
    if (key.startsWith('@_xmlns:')) return `${key.slice('@_xmlns:'.length)}:${local}`;
  }
  return conventionalPrefix ? `${conventionalPrefix}:${local}` : local;
}
