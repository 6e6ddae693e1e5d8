import type { X2jOptions } from 'fast-xml-parser';

/**
 * How the project names XML in fast-xml-parser's objects, read or written:
 * attributes as `@_name`, text as `#text`.
 */
export const XML_NAMING = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
} as const;

/**
 * How the project reads XML with fast-xml-parser, whatever the document
 * (a feed, `feed.xml`, a PLS lexicon): {@link XML_NAMING}, every value kept
 * as the string it was, surrounding whitespace trimmed. Readers add what
 * their format needs.
 */
export const XML_READING: Readonly<Partial<X2jOptions>> = {
  ...XML_NAMING,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
};
