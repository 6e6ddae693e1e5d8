import type { SsmlDialect } from '../spec/index.js';

/** Polly's SSML: a bare `<speak>` root (the language is the voice's, or `LanguageCode`). */
export const POLLY_DIALECT: SsmlDialect = {
  name: 'polly',
  document: (content, _frame, markup) => markup.element('speak', {}, content),
};
