import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { parseEpisodeRequest } from '../../src/service/episode-request.js';
import { QUEUE_NAMES } from '../../src/service/queue-names.js';
import { redisConnection } from '../../src/service/redis-connection.js';
import { sharedStore } from '../../src/service/shared-store.js';
import { startWorker, type RunningWorker } from '../../src/service/start-worker.js';
import { REDIS_AVAILABLE, REDIS_MISSING_REASON, startRedis, type TestRedis } from './redis-server.js';
import { settledState } from './service-harness.js';

const PLACES = ['harbour', 'bridge', 'library', 'orchard', 'station', 'market'];

describe.skipIf(!REDIS_AVAILABLE)(`one briefing on several workers${REDIS_AVAILABLE ? '' : ` (skipped: ${REDIS_MISSING_REASON})`}`, () => {
  let redis: TestRedis;
  let folder: string;
  const workers: RunningWorker[] = [];
  const lines: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    folder = await mkdtemp(join(tmpdir(), 'briefing-fan-out-'));
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await redis?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('fans the synthesis out as child jobs into the shared cache and assembles once they are done', async () => {
    const connection = redisConnection(redis.url);
    const store = sharedStore(join(folder, 'store'));
    const config = parseConfig({ show: { coverImage: false } }, 'test', folder);
    for (const name of ['one', 'two']) {
      // The article server of the second test listens on loopback: this set-up allows private addresses.
      workers.push(await startWorker({ connection, workspace: { ...store, config, show: config.show, jobs: 1 }, fanOutRequests: 2, allowPrivateUrls: true, log: (line) => lines.push(`${name} ${line}`) }));
    }
    const text = ['Town news', ...PLACES.map((place) => `The ${place} reopened this morning after a short closure.`)].join('\n\n');
    const queue = new Queue(QUEUE_NAMES.builds, { connection });
    try {
      const job = await queue.add('build', parseEpisodeRequest({ text }), { jobId: 'long-1', attempts: 2 });
      const state = await settledState(job);
      const finished = (await queue.getJob('long-1'))!;
      expect(state, finished.failedReason).toBe('completed');
      const parts = lines.filter((line) => / part long-1-part-\d+: /.test(line));
      expect(parts.length).toBeGreaterThanOrEqual(3);
      expect(lines.some((line) => line.includes('job long-1: synthesis fanned out'))).toBe(true);
      const children = await finished.getChildrenValues();
      expect(Object.keys(children)).toHaveLength(parts.length);
      // Every piece the build needed was made by the parts: the build itself synthesized nothing.
      const manifest = JSON.parse(await readFile(join(store.outputDirectory, finished.returnvalue.episode, 'manifest.json'), 'utf8')) as { synthesis: { requests: number; cacheHits: number; cacheMisses: number } };
      expect(manifest.synthesis.cacheMisses).toBe(0);
      expect(manifest.synthesis.cacheHits).toBe(manifest.synthesis.requests);
      const made = Object.values(children as Record<string, { requests: number }>).reduce((sum, child) => sum + child.requests, 0);
      expect(made).toBe(manifest.synthesis.requests);
      // The job's synthesis seconds are its parts' added up; its build seconds count the whole job.
      const partSeconds = Object.values(children as Record<string, { synthesisSeconds: number }>).reduce((sum, child) => sum + child.synthesisSeconds, 0);
      expect(partSeconds).toBeGreaterThan(0);
      expect(finished.returnvalue.synthesisSeconds).toBeGreaterThanOrEqual(partSeconds);
      expect(finished.returnvalue.buildSeconds).toBeGreaterThan(0);
    } finally {
      await queue.close();
    }
  });

  it('fetches a posted URL once for the whole build: the parts and the assembly use the article read for the plan', async () => {
    let hits = 0;
    const page = `<!doctype html><html lang="en"><head><title>Valley news</title></head><body><article><h1>Valley news</h1>${PLACES.map((place) => `<p>The ${place} in the valley opened its doors again today.</p>`).join('')}</article></body></html>`;
    const site = createServer((_request, response) => {
      hits += 1;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/valley`;
    const queue = new Queue(QUEUE_NAMES.builds, { connection: redisConnection(redis.url) });
    try {
      const job = await queue.add('build', parseEpisodeRequest({ url }), { jobId: 'url-1', attempts: 2 });
      const state = await settledState(job);
      const finished = (await queue.getJob('url-1'))!;
      expect(state, finished.failedReason).toBe('completed');
      expect(lines.some((line) => line.includes('job url-1: synthesis fanned out'))).toBe(true);
      expect(Object.keys(await finished.getChildrenValues()).length).toBeGreaterThanOrEqual(3);
      expect(hits).toBe(1);
      // The article is kept once, on the build; its parts read it from there.
      expect(finished.data.read.articles).toHaveLength(1);
      const partsQueue = new Queue(QUEUE_NAMES.synthesis, { connection: redisConnection(redis.url) });
      try {
        expect((await partsQueue.getJob('url-1-part-1'))!.data.data.read).toBeUndefined();
      } finally {
        await partsQueue.close();
      }
      const manifest = JSON.parse(await readFile(join(folder, 'store', finished.returnvalue.episode, 'manifest.json'), 'utf8')) as { title: string; stories: { source: string }[] };
      expect(manifest.title).toBe('Valley news');
      expect(manifest.stories[0]!.source).toBe(url);
    } finally {
      await queue.close();
      site.close();
    }
  });
});
