import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
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

describe.skipIf(!REDIS_AVAILABLE)(`a worker's fetches${REDIS_AVAILABLE ? '' : ` (skipped: ${REDIS_MISSING_REASON})`}`, () => {
  let redis: TestRedis;
  let folder: string;
  let worker: RunningWorker;
  let site: Server;
  let hits = 0;
  let queue: Queue;

  beforeAll(async () => {
    redis = await startRedis();
    folder = await mkdtemp(join(tmpdir(), 'briefing-addresses-'));
    const config = parseConfig({ show: { coverImage: false } }, 'test', folder);
    // Private addresses are not allowed here: the default.
    worker = await startWorker({ connection: redisConnection(redis.url), workspace: { ...sharedStore(join(folder, 'store')), config, show: config.show, jobs: 1 } });
    site = createServer((_request, response) => {
      hits += 1;
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Inside</title></head><body><p>Only for the private network.</p></body></html>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    queue = new Queue(QUEUE_NAMES.builds, { connection: redisConnection(redis.url) });
  });

  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    site?.close();
    await redis?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('refuses a job whose URL leads to a loopback address, even one queued without the API, at once and with the error on the job', async () => {
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/inside`;
    // Straight onto the queue: the API's own check is not in the way, the worker's must hold.
    const job = await queue.add('build', parseEpisodeRequest({ url }), { jobId: 'inside-1', attempts: 3 });
    const state = await settledState(job);
    const failed = (await queue.getJob('inside-1'))!;
    expect(state).toBe('failed');
    expect(failed.failedReason).toMatch(/^URL_NOT_ALLOWED: http:\/\/127\.0\.0\.1:\d+\/inside: 127\.0\.0\.1, which is a loopback address/);
    expect(failed.attemptsMade).toBe(1);
    expect(hits).toBe(0);
    expect((await readdir(join(folder, 'store'))).filter((name) => /^\d{4}-/.test(name))).toEqual([]);
  });
});
