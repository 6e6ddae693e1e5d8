import type { SsmlDialect } from '../spec/index.js';

/** `1.5` for 1500 ms: seconds with at most two decimals and no trailing zeros. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * ElevenLabs reads plain text with a few SSML tags in it, not an SSML
 * document: no root element, text as it is (angle brackets, which could
 * open a tag, become spaces), `<break time="1.5s" />` in the form its
 * documentation shows, and no lexicon substitutions.
 */
export const ELEVENLABS_DIALECT: SsmlDialect = {
  name: 'elevenlabs',
  document: (content) => content,
  text: (text) => text.replace(/[<>]/g, ' '),
  // The time is a number this function formats: nothing from an article is in it.
  pause: (ms) => `<break time="${seconds(ms)}s" />`,
  substitutions: false,
  nestedVoice: false,
};
