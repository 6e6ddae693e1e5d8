import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, ingestText } from '../../src/ingest/index.js';
import { createRequire } from 'node:module';
import { MACROLANGUAGES, tagOf } from '../../src/ingest/detect-language.js';
import { FRANC_LANGUAGE_TAGS } from '../../src/ingest/franc-language-tags.js';
import { canonicalLanguage, isKnownLanguage } from '../../src/ingest/language-tag.js';
import { frameBriefing } from '../../src/pipeline/briefing-frame.js';
import { readSources } from '../../src/sources/index.js';
import { runBriefing } from '../helpers/run-cli.js';
import { withWarnings, withWarningsAsync } from '../helpers/with-warnings.js';

const ENGLISH = [
  'The town council voted late on Tuesday to build a new sea wall along the harbour front, after two winters of storms flooded homes and shops on the quay.',
  'Work is due to begin in the spring and should be finished within three years, the council said, at a cost shared between the town and the regional government.',
];
const PORTUGUESE = [
  'A câmara municipal aprovou na terça-feira a construção de um novo paredão ao longo do porto, depois de dois invernos de tempestades que inundaram casas e lojas no cais.',
  'As obras devem começar na primavera e terminar dentro de três anos, disse a câmara, com um custo dividido entre a cidade e o governo regional.',
];

function page(htmlAttributes: string, head: string, title: string, paragraphs: string[]): string {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('');
  return `<!doctype html><html${htmlAttributes}><head><meta charset="utf-8">${head}<title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-language-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('language tags', () => {
  it.each([
    ['pt_BR', 'pt-BR'],
    ['EN-us', 'en-US'],
    ['en-gb', 'en-GB'],
    [' de ', 'de'],
    ['zh_hant_tw', 'zh-Hant-TW'],
    ['iw', 'he'],
    ['xx!!', undefined],
    ['garbage', undefined],
    ['xx', undefined],
    ['und', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('canonicalizes %j to %j', (tag, canonical) => {
    expect(canonicalLanguage(tag)).toBe(canonical);
  });

  it('knows a two-letter language exactly when ICU names it', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (const first of letters) {
      for (const second of letters) {
        const code = first + second;
        expect(isKnownLanguage(code), code).toBe(names.of(code) !== undefined);
      }
    }
    expect(isKnownLanguage('haw')).toBe(true);
    expect(isKnownLanguage('qqq')).toBe(false);
  });

  it("writes out the tag of every language the identifier knows, as canonicalLanguage works it out", () => {
    const require = createRequire(import.meta.url);
    const { data } = require('franc/data.js') as { data: Record<string, Record<string, string>> };
    const { expressions } = require('franc/expressions.js') as { expressions: Record<string, RegExp> };
    const codes = new Set([...Object.values(data).flatMap((languages) => Object.keys(languages)), ...Object.keys(expressions).filter((key) => /^[a-z]{3}$/u.test(key))]);
    expect([...FRANC_LANGUAGE_TAGS.keys()].sort()).toEqual([...codes].sort());
    for (const code of codes) expect(FRANC_LANGUAGE_TAGS.get(code), code).toBe(canonicalLanguage(MACROLANGUAGES[code] ?? code));
    expect(FRANC_LANGUAGE_TAGS.get('eng')).toBe('en');
    // A code the table does not hold (a newer franc's) is worked out as before.
    expect(tagOf('haw')).toBe('haw');
  });
});

describe('the language of an article', () => {
  it('normalizes a page that declares content-language pt_BR', () => {
    const result = withWarnings((context) => ingestText(page('', '<meta http-equiv="content-language" content="pt_BR">', 'Novo paredão no porto', PORTUGUESE), 'porto.html', 'html', { context }));
    expect(result.articles[0]!.language).toBe('pt-BR');
    expect(result.warnings).toEqual([]);
  });

  it('keeps the declared region when the text agrees with it', () => {
    expect(ingestText(page(' lang="EN-gb"', '', 'New sea wall', ENGLISH), 'wall.html', 'html').articles[0]!.language).toBe('en-GB');
  });

  it('lets the text win over a wrong declaration, with a warning naming the input', () => {
    const english = withWarnings((context) => ingestText(page(' lang="de"', '', 'New sea wall', ENGLISH), 'wall.html', 'html', { context }));
    expect(english.articles[0]!.language).toBe('en');
    expect(english.warnings).toContainEqual(
      expect.objectContaining({ stage: 'ingest', code: 'INPUT_LANGUAGE_MISMATCH', source: 'wall.html', message: expect.stringMatching(/^wall\.html: .*"de".*English.*"en"/) }),
    );
    const portuguese = withWarnings((context) => ingestText(`---\nlang: en\n---\n# Novo paredão\n\n${PORTUGUESE.join('\n\n')}\n`, 'porto.md', 'markdown', { context }));
    expect(portuguese.articles[0]!.language).toBe('pt');
    expect(portuguese.warnings.map((warning) => warning.code)).toContain('INPUT_LANGUAGE_MISMATCH');
  });

  it('keeps a declaration that a text too short to judge cannot overrule', () => {
    const short = withWarnings((context) => ingestText(page(' lang="de"', '', 'Sea wall', ['The council voted for a new sea wall.']), 'short.html', 'html', { context }));
    expect(short.articles[0]!.language).toBe('de');
    expect(short.warnings).toEqual([]);
  });

  it('falls back from an invalid tag to the language of the text, else English, with a warning', () => {
    const portuguese = withWarnings((context) => ingestText(page(' lang="xx!!"', '', 'Novo paredão', PORTUGUESE), 'bad.html', 'html', { context }));
    expect(portuguese.articles[0]!.language).toBe('pt');
    expect(portuguese.warnings).toContainEqual(
      expect.objectContaining({ code: 'INPUT_LANGUAGE_INVALID', message: 'bad.html: the declared language "xx!!" is not a valid BCP 47 language tag; using "pt", the language of the text' }),
    );
    const short = withWarnings((context) => ingestText(page(' lang="garbage"', '', 'Sea wall', ['A short note.']), 'short.html', 'html', { context }));
    expect(short.articles[0]!.language).toBe('en');
    expect(short.warnings.map((warning) => warning.code)).toContain('INPUT_LANGUAGE_INVALID');
  });

  it('reads the language of an undeclared text from its words', () => {
    expect(ingestText(`Novo paredão\n\n${PORTUGUESE.join('\n\n')}`, 'porto.txt', 'text').articles[0]!.language).toBe('pt');
    expect(ingestText(`Sea wall\n\n${ENGLISH.join('\n\n')}`, 'wall.txt', 'text').articles[0]!.language).toBe('en');
  });

  it('keeps a valid forced language whatever the text says, and replaces an invalid one', async () => {
    const path = join(folder, 'forced.html');
    await writeFile(path, page(' lang="de"', '', 'New sea wall', ENGLISH));
    expect((await ingestFile(path, { language: 'fr_CA' })).articles[0]!.language).toBe('fr-CA');
    const invalid = await withWarningsAsync((context) => ingestFile(path, { language: 'x y z', context }));
    expect(invalid.articles[0]!.language).toBe('en');
    expect(invalid.warnings.map((warning) => warning.code)).toContain('INPUT_LANGUAGE_INVALID');
  });

  it('settles the language of feed items the same way', async () => {
    const items = [
      `<item><title>Sea wall</title><guid>a</guid><description><![CDATA[${ENGLISH.map((text) => `<p>${text}</p>`).join('')}]]></description></item>`,
      `<item><title>Paredão</title><guid>b</guid><description><![CDATA[${PORTUGUESE.map((text) => `<p>${text}</p>`).join('')}]]></description></item>`,
    ];
    const path = join(folder, 'news.xml');
    await writeFile(path, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><language>EN_us</language>${items.join('')}</channel></rss>`);
    const { articles, warnings } = await withWarningsAsync((context) => readSources([path], { fetch: () => Promise.reject(new Error('no network in this test')), context }));
    expect(articles.map((article) => article.language)).toEqual(['en-US', 'pt']);
    expect(warnings.map((warning) => warning.code)).toContain('INPUT_LANGUAGE_MISMATCH');
  });

  it('does not crash the command line on a pt_BR page, an English page labelled de, or a garbage tag', async () => {
    const cases: [string, string, string][] = [
      ['porto.html', page('', '<meta http-equiv="content-language" content="pt_BR">', 'Novo paredão no porto', PORTUGUESE), 'pt-BR'],
      ['wall.html', page(' lang="de"', '', 'New sea wall', ENGLISH), 'en'],
      ['garbage.html', page(' lang="%%garbage%%"', '', 'New sea wall', ENGLISH), 'en'],
    ];
    for (const [name, html, language] of cases) {
      const path = join(folder, name);
      await writeFile(path, html);
      const run = await runBriefing(['segments', path]);
      expect(run.stderr).not.toContain('unexpected error');
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as { language: string }).language).toBe(language);
    }
  });

  it('lets the spoken frame survive a tag that never went through ingest', () => {
    for (const [tag, locale] of [['pt_BR', 'pt-BR'], ['xx!!', 'en']]) {
      const blocks = frameBriefing([], { show: 'Morning', date: new Date('2026-03-02T08:00:00Z'), language: tag!, title: 'Morning' });
      expect(blocks[0]).toMatchObject({ kind: 'intro', language: locale });
    }
  });
});
