import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import { buildOptionsFromConfig, loadConfig, parseConfig, starterConfig } from '../../src/config/index.js';
import { briefingConfigSchema } from '../../src/config/config-schema.js';
import { DEFAULT_PARSED_CONFIG } from '../../src/config/default-config.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-config-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function loadError(content: string, file = 'briefing.config.json'): Promise<Error> {
  await writeFile(join(folder, file), content);
  try {
    await loadConfig(undefined, folder);
  } catch (error) {
    expect(isBriefingError(error, 'CONFIG_INVALID')).toBe(true);
    return error as Error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('gives the defaults when there is no file', async () => {
    const { config, path } = await loadConfig(undefined, folder);
    expect(path).toBeUndefined();
    expect(config.show).toMatchObject({
      title: 'Briefing',
      language: 'en',
      category: 'News',
      explicit: false,
      locked: false,
      baseUrl: 'http://127.0.0.1:8000',
      feedUrl: 'http://127.0.0.1:8000/feed.xml',
      siteUrl: 'http://127.0.0.1:8000/',
    });
    expect(config.show.coverImage).toMatch(/templates[\\/]cover\.png$/);
    expect(config.engine).toEqual({ id: 'flite', options: {} });
    expect(config.bitrateKbps).toBe(64);
    expect(config.loudness).toEqual({ integratedLufs: -16, truePeakDbtp: -1 });
    expect(config.output).toBe(join(folder, 'output'));
    expect(config.keep).toBeUndefined();
  });

  it('gives, without a file, exactly what the schema fills in from an empty config', async () => {
    const { config } = await loadConfig(undefined, folder);
    expect(briefingConfigSchema.parse({})).toEqual(DEFAULT_PARSED_CONFIG);
    expect(config).toEqual(parseConfig({}, 'briefing.config.json', folder));
    // The defaults handed out are the caller's to change.
    config.loudness.integratedLufs = -19;
    expect((await loadConfig(undefined, folder)).config.loudness.integratedLufs).toBe(-16);
  });

  it('reads briefing.config.json from the working folder and resolves paths against the file', async () => {
    await mkdir(join(folder, 'show'));
    await writeFile(
      join(folder, 'show', 'my.json'),
      JSON.stringify({
        show: { title: 'Morning Notes', coverImage: 'art/cover.jpg', baseUrl: 'https://example.org/notes/', explicit: true, owner: { email: 'host@example.org' } },
        lexicon: 'words.json',
        output: '../episodes',
        engine: { id: './engines/mine.js', options: { rate: 1.1, model: 'x' } },
        keep: 20,
        prices: { 'polly:neural': 16, $comment: 'per million characters' },
      }),
    );
    const { config, path } = await loadConfig('show/my.json', folder);
    expect(path).toBe(join(folder, 'show', 'my.json'));
    expect(config.show.title).toBe('Morning Notes');
    expect(config.show.coverImage).toBe(join(folder, 'show', 'art', 'cover.jpg'));
    expect(config.show.baseUrl).toBe('https://example.org/notes');
    expect(config.show.feedUrl).toBe('https://example.org/notes/feed.xml');
    expect(config.show.owner).toEqual({ email: 'host@example.org' });
    expect(config.lexicon).toBe(join(folder, 'show', 'words.json'));
    expect(config.output).toBe(join(folder, 'episodes'));
    expect(config.engine.id).toBe(join(folder, 'show', 'engines', 'mine.js'));
    expect(config.prices).toEqual({ 'polly:neural': 16 });
    expect(config.keep).toBe(20);
  });

  it('names the file and the field of a wrong type', async () => {
    const error = await loadError(JSON.stringify({ show: { explicit: 'yes' } }));
    expect(error.message).toBe('briefing.config.json: show.explicit: expected boolean');
  });

  it('lists every problem in one line, separated by semicolons', async () => {
    const error = await loadError(
      JSON.stringify({
        show: { titel: 'x', owner: { email: 'not an address' }, baseUrl: 'ftp://example.org' },
        bitrateKbps: 65,
        templates: { intro: 'This is {show} on {day}.' },
        quotes: { emphasis: 'loud' },
        pauses: { afterTitleMs: 1.5 },
        keep: 0,
      }),
    );
    const lines = error.message.split('; ');
    expect(lines).toContain('briefing.config.json: show.titel: unknown field');
    expect(lines).toContain('briefing.config.json: show.owner.email: expected an email address');
    expect(lines).toContain('briefing.config.json: show.baseUrl: expected an http or https address');
    expect(lines).toContain('briefing.config.json: bitrateKbps: expected one of 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320');
    expect(lines.find((line) => line.startsWith('briefing.config.json: templates.intro: unknown placeholder {day}'))).toBeDefined();
    expect(lines).toContain('briefing.config.json: quotes.emphasis: expected one of "none", "reduced", "moderate", "strong"');
    expect(lines).toContain('briefing.config.json: pauses.afterTitleMs: expected a whole number of milliseconds');
    expect(lines).toContain('briefing.config.json: keep: must be at least 1');
    expect(lines.every((line) => line.startsWith('briefing.config.json: '))).toBe(true);
  });

  it('reports broken JSON with its place', async () => {
    const error = await loadError('{\n  "show": {\n    "title": "A",\n  }\n}');
    expect(error.message).toMatch(/^briefing\.config\.json: not valid JSON: .*\(line 4, column 3\)$/);
  });

  it('fails for a named file that does not exist, naming it', async () => {
    await expect(loadConfig('missing.json', folder)).rejects.toThrow('missing.json: file not found');
  });

  it('rejects a top level that is not an object', async () => {
    const error = await loadError('[1, 2]');
    expect(error.message).toBe('briefing.config.json: expected a JSON object at the top level');
  });

  it('accepts $comment and // keys in every section and false for no cover', () => {
    const config = parseConfig(
      { '//': 'top', show: { $comment: ['a', 'b'], coverImage: false }, engine: { '//': 'x', options: { '//': 'ignored' } } },
      'briefing.config.json',
      folder,
    );
    expect(config.show.coverImage).toBeUndefined();
    expect(config.engine.options).toEqual({});
  });
});

describe('starterConfig', () => {
  it('is JSON that loads to the same config as no file, and explains every field', async () => {
    const text = starterConfig();
    const parsed = JSON.parse(text) as Record<string, unknown>;
    await writeFile(join(folder, 'briefing.config.json'), text);
    const fromStarter = await loadConfig(undefined, folder);
    const defaults = parseConfig({}, 'briefing.config.json', folder);
    const { pauses: starterPauses, ...starterRest } = fromStarter.config;
    const { pauses: _defaultPauses, templates: _defaultTemplates, ...defaultRest } = defaults;
    expect({ ...starterRest, templates: {} }).toEqual({ ...defaultRest, templates: {} });
    expect(Object.values(starterPauses).every((value) => typeof value === 'number')).toBe(true);

    const comments = JSON.stringify(parsed);
    const fields = [
      'title', 'description', 'author', 'language', 'category', 'subcategory', 'explicit', 'coverImage', 'baseUrl', 'feedUrl',
      'siteUrl', 'locked', 'owner', 'id', 'options', 'main', 'quote', 'intro', 'afterTitleMs', 'afterStandfirstMs',
      'betweenParagraphsMs', 'beforeHeadingMs', 'afterHeadingMs', 'betweenListItemsMs', 'betweenStoriesMs', 'maxPauseMs',
      'emphasis', 'cues', 'integratedLufs', 'truePeakDbtp', 'bitrateKbps', 'outro', 'transition', 'firstStory', 'lastStory',
      'lexicon', 'keep', 'output', 'prices',
    ];
    for (const field of fields) expect(comments, field).toMatch(new RegExp(`"${field}( \\(optional\\))?: `));
  });

  it('gives build options a build can use', () => {
    const options = buildOptionsFromConfig(
      parseConfig({ voices: { main: 'slt', quote: 'rms', intro: 'awb' }, templates: { transition: 'Then: {title}.' }, pauses: { betweenStoriesMs: 2000 } }, 'c.json', folder),
    );
    expect(options).toMatchObject({
      engine: 'flite',
      voice: 'slt',
      introVoice: 'awb',
      quotes: { emphasis: 'moderate', cues: false, voice: 'rms' },
      frame: { nextStory: 'Then: {title}.' },
      pauses: { betweenStoriesMs: 2000 },
      bitrateKbps: 64,
      show: 'Briefing',
    });
    expect(options.pauses).toEqual({ betweenStoriesMs: 2000 });
  });
});
