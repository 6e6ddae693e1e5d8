import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_STORY } from '../helpers/test-articles.js';
import { runBriefing } from '../helpers/run-cli.js';
import { assertWellFormed } from '../helpers/xml.js';

const ZOD = new URL('../../node_modules/zod/index.js', import.meta.url).href;
const KIT_OPTIONS = new URL('../../dist/engines/kit/option-schemas.js', import.meta.url).href;

/**
 * An engine nobody in the core has heard of, in a folder of its own: its own
 * SSML dialect (a vendor root element and its own pause element), its own
 * strict options schema, built with the engine kit. It answers with a tone as
 * long as the words it is sent.
 */
const CHIME_ENGINE = `
import { z } from '${ZOD}';
import { numberOption } from '${KIT_OPTIONS}';

export const optionsSchema = z.strictObject({
  pitch: numberOption({ min: -10, max: 10 }).default(0).describe('pitch change in semitones'),
});

const CHIME_DIALECT = {
  name: 'chime',
  document: (content, frame, markup) =>
    markup.element('chime:speak', { 'xmlns:chime': 'urn:example:chime', lang: frame.language, voice: frame.voice }, content),
  pause: (ms, markup) => markup.element('chime:rest', { seconds: ms / 1000 }),
};

export default function createEngine({ options }) {
  return {
    spec: 'v1', id: 'chime', version: '1', defaultVoice: 'bell',
    capabilities: { input: 'ssml', dialect: CHIME_DIALECT, ssmlTags: ['s', 'p', 'emphasis'], maxInput: 3000, inputUnit: 'chars', wordTimings: false, network: false, embedded: false },
    pricing: { usdPerMillionCharacters: 7 },
    async voices() { return [{ id: 'bell', languages: ['en'] }]; },
    settings() { return { pitch: options.pitch }; },
    async synthesize(request) {
      const words = request.input.replace(/<[^>]+>/g, ' ').split(/\\s+/).filter(Boolean).length;
      const samples = Math.round((0.2 + 0.1 * words) * 16000);
      const data = new Uint8Array(samples * 2);
      const view = new DataView(data.buffer);
      for (let i = 0; i < samples; i += 1) view.setInt16(i * 2, Math.round(Math.sin(i / (8 + options.pitch / 10)) * 8000), true);
      return { audio: { format: 'pcm16', sampleRate: 16000, data }, warnings: [] };
    },
  };
}
`;

let folder: string;
const engine = './chime/chime-engine.mjs';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-new-engine-'));
  await mkdir(join(folder, 'chime'));
  await writeFile(join(folder, 'chime', 'chime-engine.mjs'), CHIME_ENGINE);
  await writeFile(join(folder, 'story.txt'), SHORT_STORY);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('an engine in a folder of its own, with no change to the core', () => {
  it('gets SSML in its own dialect', async () => {
    const run = await runBriefing(['ssml', 'story.txt', '--engine', engine], { cwd: folder });
    expect(run.code).toBe(0);
    const requests = run.stdout.split('\n').filter((line) => line.includes('<chime:speak'));
    expect(requests.length).toBeGreaterThan(2);
    for (const request of requests) {
      const ssml = request.slice(request.indexOf('<chime:speak'));
      assertWellFormed(ssml);
      expect(ssml).toMatch(/^<chime:speak xmlns:chime='urn:example:chime' lang='en' voice='bell'>/);
      expect(ssml).not.toContain('<break');
    }
    expect(run.stdout).toMatch(/<chime:rest seconds='0\.\d+'\/>/);
  });

  it('builds an episode through the whole pipeline, prices included', async () => {
    const output = join(folder, 'out');
    const estimate = await runBriefing(['build', 'story.txt', '-o', output, '--engine', engine, '--dry-run', '--json'], { cwd: folder });
    expect(estimate.code).toBe(0);
    expect(JSON.parse(estimate.stdout)).toMatchObject({ engine: 'chime', pricePerMillion: 7 });
    const run = await runBriefing(['build', 'story.txt', '-o', output, '--engine', engine, '--engine-option', 'pitch=2', '--no-cache'], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    const [episode] = (await readdir(output, { withFileTypes: true })).filter((entry) => entry.isDirectory());
    const manifest = JSON.parse(await readFile(join(output, episode!.name, 'manifest.json'), 'utf8')) as { engine: string; blocks: { ssml: string }[] };
    expect(manifest.engine).toBe('chime');
    for (const block of manifest.blocks) expect(block.ssml).toMatch(/^<chime:speak /);
    expect(existsSync(join(output, episode!.name, 'episode.mp3'))).toBe(true);
  });

  it('refuses an option its schema does not know, in one line, with exit status 2', async () => {
    const run = await runBriefing(['build', 'story.txt', '-o', join(folder, 'refused'), '--engine', engine, '--engine-option', 'pitchh=2'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`briefing: ${engine}: unknown engine option pitchh (valid: pitch)`);
    expect(existsSync(join(folder, 'refused'))).toBe(false);
  });
});
