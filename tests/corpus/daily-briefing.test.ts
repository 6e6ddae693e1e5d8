import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import { runBriefing } from '../helpers/run-cli.js';
import { corpusFile, expectationOf } from './corpus-files.js';
import { checkEpisode } from './listener-check.js';

let folder: string;
let server: Server;
let base: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-daily-'));
  server = createServer((request, response) => {
    if (request.url === '/news/flood-barrier') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(readFileSync(corpusFile('council-flood-barrier.html')));
      return;
    }
    if (request.url === '/feeds/top.xml') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(readFileSync(corpusFile('morning-feed.xml')));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

async function episodeIn(output: string): Promise<string> {
  const names = (await readdir(output)).filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name));
  expect(names).toHaveLength(1);
  return join(output, names[0]!);
}

describe('a daily briefing from the morning feed', () => {
  it('has the stories, chapters, quotes and order; a second run finds nothing new and leaves the feed as it was', async () => {
    const output = join(folder, 'daily');
    const first = await runBriefing(['build', `${base}/feeds/top.xml`, '-o', output, '--cache', join(folder, 'cache'), '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const manifest = JSON.parse(first.stdout) as Manifest;
    const directory = await episodeIn(output);
    await checkEpisode(directory, manifest, expectationOf('morning-feed'));
    expect(manifest.blocks[0]!.kind).toBe('intro');
    expect(manifest.blocks.filter((block) => block.kind === 'transition')).toHaveLength(3);
    const feed = await readFile(join(output, 'feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(1);

    const second = await runBriefing(['build', `${base}/feeds/top.xml`, '-o', output, '--cache', join(folder, 'cache')]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/nothing new/);
    expect(await readFile(join(output, 'feed.xml'), 'utf8')).toBe(feed);
    expect(await episodeIn(output)).toBe(directory);
  });
});

describe('an article page fetched from a URL', () => {
  it('is heard as its expectations say', async () => {
    const output = join(folder, 'url');
    const run = await runBriefing(['build', `${base}/news/flood-barrier`, '-o', output, '--cache', join(folder, 'cache'), '--json']);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Manifest;
    await checkEpisode(await episodeIn(output), manifest, expectationOf('council-flood-barrier'));
    expect(manifest.stories[0]!.url).toBe(`${base}/news/flood-barrier`);
  });

  it('a 404 gives a clear one-line error and no episode', async () => {
    const output = join(folder, 'missing');
    const run = await runBriefing(['build', `${base}/news/gone`, '-o', output, '--no-cache']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/\/news\/gone: HTTP 404/);
  });
});
