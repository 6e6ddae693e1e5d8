import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/pipeline/build-briefing.js';
import { decodedDurationMs, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { FAKE_TTS } from '../helpers/fake-tts-program.js';
import { SHORT_MARKDOWN } from '../helpers/test-articles.js';
import {
  startAzureServer,
  startElevenLabsServer,
  startGoogleServer,
  startOpenAiServer,
  startPollyServer,
  type FakeVendorServer,
} from '../helpers/vendor-server.js';

let folder: string;
let article: string;
let fakeProgram: string;
const servers: FakeVendorServer[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-every-engine-'));
  article = join(folder, 'orchard.md');
  await writeFile(article, SHORT_MARKDOWN);
  fakeProgram = join(folder, 'fake-tts.mjs');
  await writeFile(fakeProgram, FAKE_TTS);
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await rm(folder, { recursive: true, force: true });
});

async function served<T extends FakeVendorServer>(start: Promise<T>): Promise<T> {
  const server = await start;
  servers.push(server);
  return server;
}

type Setup = () => Promise<{ engineOptions: Record<string, string>; env?: Record<string, string> }>;
const setups: [string, Setup][] = [
  ['flite', async () => ({ engineOptions: {} })],
  ['espeak', async () => ({ engineOptions: {} })],
  ['command', async () => ({ engineOptions: { command: `${process.execPath} ${fakeProgram} --in {input} --out {out}` } })],
  ['polly', async () => {
    const server = await served(startPollyServer({ accessKeyId: 'AKIDEVERYENGINE', region: 'eu-west-1' }));
    return { engineOptions: { endpoint: server.url, region: 'eu-west-1' }, env: { AWS_ACCESS_KEY_ID: 'AKIDEVERYENGINE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'eu-west-1' } };
  }],
  ['google', async () => {
    const server = await served(startGoogleServer({ apiKey: 'google-key' }));
    return { engineOptions: { endpoint: server.url }, env: { GOOGLE_API_KEY: 'google-key' } };
  }],
  ['azure', async () => {
    const server = await served(startAzureServer({ key: 'azure-key' }));
    return { engineOptions: { endpoint: server.url }, env: { AZURE_SPEECH_KEY: 'azure-key' } };
  }],
  ['openai', async () => {
    const server = await served(startOpenAiServer({ apiKey: 'sk-every' }));
    return { engineOptions: { endpoint: `${server.url}/v1` }, env: { OPENAI_API_KEY: 'sk-every' } };
  }],
  ['elevenlabs', async () => {
    const server = await served(startElevenLabsServer({ apiKey: 'eleven-key' }));
    return { engineOptions: { endpoint: server.url }, env: { ELEVENLABS_API_KEY: 'eleven-key' } };
  }],
];

describe('the same article through every engine', () => {
  const chapters = new Map<string, string[]>();
  it.each(setups)('%s gives a valid MP3 whose chapters match the others', async (engine, setup) => {
    const { engineOptions, env } = await setup();
    const { directory, manifest } = await buildBriefing({
      inputs: [article],
      engine,
      engineOptions,
      ...(env ? { env: { ...process.env, ...env } } : {}),
      outputDirectory: join(folder, `out-${engine}`),
      cache: false,
      now: () => new Date('2026-03-02T07:00:00Z'),
    });
    expect(manifest.engine).toBe(engine);
    const decoded = await decodedDurationMs(join(directory, 'episode.mp3'), resolveFfmpegPath());
    expect(Math.abs(decoded - manifest.durationMs) / manifest.durationMs).toBeLessThan(0.01);
    expect(manifest.loudness!.truePeakDbtp).toBeLessThanOrEqual(-1);
    const titles = manifest.chapters.map((chapter) => chapter.title);
    expect(titles).toEqual(['Orchard volunteers save rare apple trees', 'A second life']);
    chapters.set(engine, titles);
    const json = JSON.parse(await readFile(join(directory, 'chapters.json'), 'utf8')) as { chapters: { title: string }[] };
    expect(json.chapters.map((chapter) => chapter.title)).toEqual(titles);
    for (const block of manifest.blocks) expect(block.speech.length).toBeGreaterThan(0);
  });
});
