import type { X2jOptions } from 'fast-xml-parser';

/**
 * How the project reads XML with fast-xml-parser, whatever the document
 * (a feed, `feed.xml`, a PLS lexicon): attributes as `@_name`, text as
 * `#text`, every value kept as the string it was, surrounding whitespace
 * trimmed. Readers add what their format needs.
 */
export const XML_READING: Readonly<Partial<X2jOptions>> = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
};
