import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let loaded: typeof import('fast-xml-parser') | undefined;

/**
 * fast-xml-parser, loaded the first time XML is read or written (a feed, a
 * PLS lexicon): importing the library, or a build that reads none, does not
 * pay for it (about 60 ms).
 */
export function fastXmlParser(): typeof import('fast-xml-parser') {
  return (loaded ??= require('fast-xml-parser') as typeof import('fast-xml-parser'));
}
