import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import {
  defaultLexicon,
  loadLexicon,
  mergeLexicons,
  normalizeText,
  parseLexicon,
  piecesToText,
  type Lexicon,
} from '../../src/normalize/index.js';

const fixtures = new URL('./fixtures/', import.meta.url);
const fixture = (name: string): string => fileURLToPath(new URL(name, fixtures));

function expectConfigError(action: () => unknown, fileName: string, problem: RegExp): void {
  try {
    action();
  } catch (error) {
    expect(isBriefingError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message.startsWith(`${fileName}: `)).toBe(true);
    expect((error as Error).message).toMatch(problem);
    return;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

describe('parseLexicon', () => {
  it('reads a JSON map of word to alias', () => {
    expect(parseLexicon('{"Aoife": "eefa", "$comment": "ignored"}', 'my.json')).toEqual({
      entries: [{ grapheme: 'Aoife', alias: 'eefa' }],
    });
  });

  it('reads JSON entries with IPA and case sensitivity', () => {
    const lexicon = parseLexicon(
      JSON.stringify({ entries: [{ grapheme: 'Reading', alias: 'redding', caseSensitive: true }, { grapheme: 'Niamh', ipa: 'niːv' }] }),
      'lex.json',
    );
    expect(lexicon.entries).toEqual([
      { grapheme: 'Reading', alias: 'redding', caseSensitive: true },
      { grapheme: 'Niamh', ipa: 'niːv' },
    ]);
  });

  it('reads W3C PLS XML with aliases, phonemes, several graphemes and entities', async () => {
    const lexicon = await loadLexicon(fixture('names.pls'));
    expect(lexicon.entries).toEqual([
      { grapheme: 'Sioned', alias: 'shonned' },
      { grapheme: 'Bydgoszcz', ipa: 'ˈbɨdɡɔʂt͡ʂ' },
      { grapheme: 'Ngozi', alias: 'n go zee' },
      { grapheme: 'NGOZI', alias: 'n go zee' },
      { grapheme: 'R&B', alias: 'R and B' },
    ]);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['hello', /not a lexicon/],
    ['{"a": ', /not valid JSON/],
    ['[1, 2]', /not a lexicon/],
    ['{"Aoife": 3}', /Aoife/],
    ['{"entries": [{"grapheme": "x"}]}', /alias or an ipa/],
    ['{"entries": [{"grapheme": "", "alias": "y"}]}', /grapheme/],
    ['{"entries": "no"}', /entries/],
    ['<html><body/></html>', /<lexicon>/],
    ['<lexicon><lexeme><alias>x</alias></lexeme></lexicon>', /no grapheme/],
    ['<lexicon><lexeme><grapheme>x</grapheme></lexeme></lexicon>', /no alias or phoneme/],
    ['<lexicon><lexeme><grapheme>x</grapheme><phoneme alphabet="x-sampa">S</phoneme></lexeme></lexicon>', /alphabet/],
    ['<lexicon><lexeme><grapheme>x</grapheme>', /not closed/],
    ['<lexicon><!-- never closed', /not closed/],
    ['<lexicon><lexeme><grapheme>x</grapheme><alias>y</lexeme></lexicon>', /not closed|closing tag/],
  ])('rejects %j with a CONFIG_INVALID error naming the file', (content, problem) => {
    expectConfigError(() => parseLexicon(content, 'user-lexicon.txt'), 'user-lexicon.txt', problem);
  });
});

describe('loadLexicon', () => {
  it('loads a JSON file', async () => {
    const lexicon = await loadLexicon(fixture('names.json'));
    expect(lexicon.entries.map((entry) => entry.grapheme)).toEqual(['Aoife', 'Cholmondeley']);
  });

  it('names the file when it is invalid', async () => {
    const path = fixture('broken.json');
    await expect(loadLexicon(path)).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining(path) });
  });

  it('names the file when it does not exist', async () => {
    const path = fixture('missing.json');
    await expect(loadLexicon(path)).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/missing\.json: .*not found/) });
  });
});

describe('defaultLexicon and mergeLexicons', () => {
  it('ships a small default lexicon that parses', () => {
    const lexicon = defaultLexicon();
    expect(lexicon.entries.length).toBeGreaterThan(5);
    expect(lexicon.entries.length).toBeLessThan(100);
    for (const entry of lexicon.entries) expect(entry.alias ?? entry.ipa).toBeTruthy();
  });

  it('reads the shipped lexicon, without the schema library, exactly as the checked parser reads it', () => {
    const shipped = readFileSync(new URL('../../templates/lexicon.json', import.meta.url), 'utf8');
    expect(defaultLexicon()).toEqual(parseLexicon(shipped, 'templates/lexicon.json'));
  });

  it('lets a later lexicon win for the same word', () => {
    const first: Lexicon = { entries: [{ grapheme: 'Kyiv', alias: 'kiev' }, { grapheme: 'Aoife', alias: 'eefa' }] };
    const second: Lexicon = { entries: [{ grapheme: 'kyiv', alias: 'keev' }] };
    const merged = mergeLexicons(first, undefined, second);
    expect(merged.entries).toHaveLength(2);
    expect(merged.entries.find((entry) => entry.grapheme.toLowerCase() === 'kyiv')?.alias).toBe('keev');
  });

  it('keeps case-sensitive and case-insensitive entries for the same letters apart', () => {
    const merged = mergeLexicons({ entries: [{ grapheme: 'Xi', alias: 'shee', caseSensitive: true } ] }, { entries: [{ grapheme: 'xi', alias: 'ksi' }] });
    expect(merged.entries).toHaveLength(2);
  });
});

describe('lexicon in normalizeText', () => {
  const lexicon: Lexicon = {
    entries: [
      { grapheme: 'NATO', alias: 'nay toe' },
      { grapheme: 'Aoife', alias: 'eefa', ipa: 'ˈiːfə' },
      { grapheme: 'Aoife Byrne', alias: 'eefa burn' },
      { grapheme: 'Reading', alias: 'redding', caseSensitive: true },
      { grapheme: 'Bydgoszcz', ipa: 'ˈbɨdɡɔʂt͡ʂ' },
    ],
  };

  it('turns each hit into its own piece with the written word', () => {
    const pieces = normalizeText('Aoife lives in Bydgoszcz.', { language: 'en', lexicon });
    expect(pieces).toEqual([
      { text: 'eefa', written: 'Aoife', ipa: 'ˈiːfə' },
      { text: ' lives in ' },
      { text: 'Bydgoszcz', written: 'Bydgoszcz', ipa: 'ˈbɨdɡɔʂt͡ʂ' },
      { text: '.' },
    ]);
  });

  it('prefers the longest entry', () => {
    const pieces = normalizeText('Aoife Byrne spoke.', { language: 'en', lexicon });
    expect(pieces[0]).toEqual({ text: 'eefa burn', written: 'Aoife Byrne' });
  });

  it('wins over the acronym list', () => {
    expect(piecesToText(normalizeText('NATO met.', { language: 'en', lexicon }))).toBe('nay toe met.');
  });

  it('matches whole words only, ignoring case unless told', () => {
    expect(piecesToText(normalizeText('AOIFE and Aoifes', { language: 'en', lexicon }))).toBe('eefa and Aoifes');
    expect(piecesToText(normalizeText('Reading is fun in Reading.', { language: 'en', lexicon }))).toBe('redding is fun in redding.');
    expect(piecesToText(normalizeText('I like reading.', { language: 'en', lexicon }))).toBe('I like reading.');
  });

  it('matches a possessive and keeps the "s', () => {
    const pieces = normalizeText("NATO's chief", { language: 'en', lexicon });
    expect(pieces[0]).toEqual({ text: 'nay toe', written: 'NATO' });
    expect(piecesToText(pieces)).toBe("nay toe's chief");
  });

  it('is applied for other languages too', () => {
    expect(piecesToText(normalizeText('Aoife ist hier.', { language: 'de', lexicon }))).toBe('eefa ist hier.');
  });
});
