import { describe, expect, it } from 'vitest';
import { normalizeText, piecesToText } from '../../src/normalize/index.js';
import { say } from './helpers.js';

/** A small deterministic generator, so that failures can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PLAIN_WORDS = ['river', 'stone', 'window', 'garden', 'silver', 'harbour', 'lantern', 'meadow'];
const NOISE = [
  '1', '2,5', '3.75', '-', '–', '—', '/', ':', '%', '€', '$', '£', '°', "'", '"', '(', ')', '.', ',', '...', '🎉', '\u200b',
  'US', 'NATO', 'U.S.', 'Mr', 'Dr.', 'St.', 'II', 'May', '1990s', '3rd', '9pm', '&', '#', '+', 'km', 'm', 'bn', '\n',
  'ł', '中', 'ع', '\u0301', '\ud800', '<b>', '&amp;',
];

describe('robustness', () => {
  it('never throws and never loses a plain word on random input', () => {
    const random = randomSource(20_260_501);
    for (let round = 0; round < 300; round += 1) {
      const parts: string[] = [];
      const words: string[] = [];
      const length = 1 + Math.floor(random() * 30);
      for (let index = 0; index < length; index += 1) {
        if (random() < 0.4) {
          const word = PLAIN_WORDS[Math.floor(random() * PLAIN_WORDS.length)]!;
          words.push(word);
          parts.push(` ${word} `);
        } else {
          parts.push(NOISE[Math.floor(random() * NOISE.length)]!);
        }
      }
      const text = parts.join(random() < 0.5 ? '' : ' ');
      const spoken = piecesToText(normalizeText(text, { language: 'en' }));
      const spokenWords = spoken.split(/[^a-z]+/).filter(Boolean);
      for (const word of words) expect(spokenWords, `input: ${JSON.stringify(text)}`).toContain(word);
    }
  });

  it.each([
    ['empty', ''],
    ['white space', ' \n\t '],
    ['only emoji', '🎉🔥👍🏽'],
    ['control characters', '\u0000\u0007\u001b'],
    ['a lone surrogate', 'a\ud800b'],
    ['a lone combining mark', '\u0301abc'],
  ])('handles %s', (_name, text) => {
    expect(() => normalizeText(text, { language: 'en' })).not.toThrow();
    expect(piecesToText(normalizeText(text, { language: 'en' }))).not.toMatch(/[\u0000-\u001f\ud800-\udfff]/);
  });

  it('does not throw on values that are not strings', () => {
    expect(normalizeText(undefined as unknown as string, { language: 'en' })).toEqual([]);
    expect(normalizeText(null as unknown as string, undefined as never)).toEqual([]);
  });

  it('concatenates pieces into the whole spoken string', () => {
    const lexicon = { entries: [{ grapheme: 'Kyiv', alias: 'keev' }] };
    const pieces = normalizeText('Mr Kim flew to Kyiv on 3 May, 2026 at 9pm.', { language: 'en', lexicon });
    expect(pieces.map((piece) => piece.text).join('')).toBe(piecesToText(pieces));
    expect(piecesToText(pieces)).toMatch(/^Mister Kim flew to keev on the third of May, twenty twenty-six at nine p m\.$/);
  });

  it('handles a 12 KB sentence without losing words', () => {
    const sentence = `${'The convoy of 12 trucks, led by Mr Osei, crossed the border near St. Anne at 7:15am and '.repeat(140)}stopped.`;
    expect(sentence.length).toBeGreaterThan(12_000);
    const spoken = say(sentence);
    expect(spoken.match(/Mister Osei/g)).toHaveLength(140);
    expect(spoken.match(/seven fifteen a m/g)).toHaveLength(140);
    expect(spoken.endsWith('stopped.')).toBe(true);
  });

  it('handles a 10 MB input and keeps every sentence', { timeout: 120_000 }, () => {
    const sentence = 'The US cut 1,200 jobs in 2019 — about 6.2% of staff 🎉. ';
    const count = Math.ceil(10_000_000 / sentence.length);
    const spoken = say(sentence.repeat(count));
    let found = 0;
    for (let index = spoken.indexOf('one thousand two hundred jobs in twenty nineteen, about six point two percent of staff.'); index !== -1; index = spoken.indexOf('one thousand two hundred jobs in twenty nineteen, about six point two percent of staff.', index + 1)) {
      found += 1;
    }
    expect(found).toBe(count);
  });

  it('survives inputs built to make regular expressions backtrack', { timeout: 60_000 }, () => {
    for (const unit of ['1,', '1.', '1-', '1/', '1:', 'a.', "a'", 'A ', '<', '&', 'é\u0301']) {
      expect(() => normalizeText(unit.repeat(100_000), { language: 'en' })).not.toThrow();
    }
  });
});

describe('other languages', () => {
  it('keeps numbers for the voice of that language and drops what cannot be said', () => {
    expect(say('Le 14 juillet, 3 % des gens 🎉 sont venus.', { language: 'fr' })).toBe('Le 14 juillet, 3 % des gens sont venus.');
  });

  it('applies acronym overrides in any language', () => {
    expect(say('Die NATO tagt.', { language: 'de', acronyms: { NATO: 'word' } })).toBe('Die nato tagt.');
  });

  it('collapses white space', () => {
    expect(say('Hola   mundo\n\ny  más', { language: 'es' })).toBe('Hola mundo y más');
  });
});
