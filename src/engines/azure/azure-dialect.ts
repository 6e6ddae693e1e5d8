import type { SsmlDialect } from '../spec/index.js';

const W3C_NAMESPACE = 'http://www.w3.org/2001/10/synthesis';
const MSTTS_NAMESPACE = 'https://www.w3.org/2001/mstts';

/**
 * Azure's SSML: version 1.0 with the `mstts` namespace, and the whole
 * content inside `<voice name>` (Azure requires a voice in the document,
 * and one cannot be nested inside another for quoted speech).
 */
export const AZURE_DIALECT: SsmlDialect = {
  name: 'azure',
  document: (content, { language, voice }, markup) =>
    markup.element(
      'speak',
      { version: '1.0', xmlns: W3C_NAMESPACE, 'xmlns:mstts': MSTTS_NAMESPACE, 'xml:lang': language },
      markup.element('voice', { name: voice }, content),
    ),
  nestedVoice: false,
};
