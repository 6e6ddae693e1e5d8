import { escapeXml } from '../../platform/markup-escape.js';
import type { SsmlDialect } from '../spec/index.js';

/** Google's SSML: a bare `<speak>` root (the language goes in the request, not the document). */
export const GOOGLE_DIALECT: SsmlDialect = {
  name: 'google',
  document: (content, _frame, markup) => markup.element('speak', {}, content),
};

/**
 * Google's SSML with a `<mark>` named after each word before the word: with
 * `enableTimePointing: ['SSML_MARK']` Google answers the time of every mark,
 * which is how its voices give word timings.
 */
export const GOOGLE_MARKED_DIALECT: SsmlDialect = {
  ...GOOGLE_DIALECT,
  text: (text) =>
    text
      .split(/(\s+)/)
      .map((part) => {
        if (part.trim() === '') return part;
        const word = escapeXml(part);
        return `<mark name="${word}"/>${word}`;
      })
      .join(''),
};
