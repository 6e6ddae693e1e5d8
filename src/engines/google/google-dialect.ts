import type { SsmlDialect } from '../spec/index.js';

/** Google's SSML: a bare `<speak>` root (the language goes in the request, not the document). */
export const GOOGLE_DIALECT: SsmlDialect = {
  name: 'google',
  document: (content, _frame, markup) => markup.element('speak', {}, content),
};
