import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/run-cli.js';
import { redisConnection } from '../../src/service/redis-connection.js';
import { withRedisLock } from '../../src/service/redis-lock.js';
import { pieceObjectName, S3AudioCache } from '../../src/service/s3-audio-cache.js';
import { S3Store } from '../../src/service/s3-store.js';
import { sharedStore } from '../../src/service/shared-store.js';
import type { RunningWorker } from '../../src/service/start-worker.js';
import { REDIS_AVAILABLE, REDIS_MISSING_REASON, startRedis } from './redis-server.js';
import { apiClient, startService, type RunningService } from './service-harness.js';
import { startTestS3, type TestS3 } from './s3-test-server.js';

const KEY = 's3-test-key-0123456789';
const PREFIX = 'shows/daily';

describe.skipIf(!REDIS_AVAILABLE)(`an S3 store${REDIS_AVAILABLE ? '' : ` (skipped: ${REDIS_MISSING_REASON})`}`, () => {
  let s3: TestS3;
  let service: RunningService;
  const workers: RunningWorker[] = [];
  const lines: string[] = [];
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  const article = '# Ferry timetable\n\nThe ferry runs every hour from Monday. Tickets cost the same as before.';

  /** A worker with a local cache folder of its own, as on another machine. */
  async function worker(name: string, fanOutRequests?: number): Promise<RunningWorker> {
    const started = await service.startWorker({
      ...(fanOutRequests !== undefined ? { fanOutRequests } : {}),
      log: (line) => lines.push(`${name} ${line}`),
      workspace: { outputDirectory: join(service.folder, name, 'output'), cacheDirectory: join(service.folder, name, 'cache') },
    });
    workers.push(started);
    return started;
  }

  beforeAll(async () => {
    s3 = await startTestS3();
    // The AWS SDK's usual credential chain reads these.
    process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
    service = await startService({
      key: KEY,
      showTitle: 'Bucket Show',
      // The API's working copy in the test's folder, not the machine's copy of the bucket.
      store: (folder) => ({ ...sharedStore(`s3://${s3.bucket}/${PREFIX}`, { endpoint: s3.url, region: s3.region }), outputDirectory: join(folder, 'api') }),
      // The tests poll job states; a slow machine must not meet the rate limit.
      api: { attempts: 2, rateLimit: 1_000_000 },
    });
  });

  afterAll(async () => {
    await service?.close();
    await s3?.stop();
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    else process.env.AWS_ACCESS_KEY_ID = saved.id;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    else process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  });

  it('builds a posted article into the bucket, manifest last, and the API serves it with byte ranges from S3', async () => {
    const first = await worker('first');
    const accepted = await service.post({ markdown: article });
    expect(accepted.status).toBe(202);
    const job = await service.finished(accepted.json.id);
    expect(job).toMatchObject({ state: 'completed', episode: expect.stringMatching(/ferry-timetable$/) });
    await first.close();
    workers.splice(workers.indexOf(first), 1);

    const episodeKey = `${PREFIX}/${job.episode}`;
    const names = [...s3.objects.keys()];
    expect(names).toEqual(expect.arrayContaining([`${episodeKey}/manifest.json`, `${episodeKey}/episode.mp3`, `${episodeKey}/episode.vtt`, `${episodeKey}/index.html`, `${PREFIX}/feed.xml`, `${PREFIX}/index.html`]));
    expect(names.some((name) => new RegExp(`^${PREFIX}/\\.cache/[0-9a-f]{2}/[0-9a-f]{64}\\.wav$`).test(name))).toBe(true);
    const uploads = s3.log.filter((entry) => entry.operation === 'PutObject' && entry.key.startsWith(`${episodeKey}/`)).map((entry) => entry.key);
    expect(uploads.at(-1)).toBe(`${episodeKey}/manifest.json`);
    expect(s3.objects.get(`${PREFIX}/feed.xml`)!.body.toString('utf8')).toContain('Ferry timetable');
    expect(s3.refused).toEqual([]);

    const manifest = (await (await service.get(`/v1/episodes/${job.id}`)).json()) as any;
    expect(manifest.title).toBe('Ferry timetable');
    expect(Object.keys(manifest.links)).toEqual(expect.arrayContaining(['episode.mp3', 'manifest.json']));
    const mp3 = s3.objects.get(`${episodeKey}/episode.mp3`)!.body;
    const range = await service.get(manifest.links['episode.mp3'], { range: 'bytes=10-29' });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 10-29/${mp3.byteLength}`);
    expect(range.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await range.arrayBuffer()).equals(mp3.subarray(10, 30))).toBe(true);
    expect(s3.log.some((entry) => entry.operation === 'GetObject' && entry.key === `${episodeKey}/episode.mp3` && entry.status === 206)).toBe(true);
    const whole = await service.get(manifest.links['episode.mp3']);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(mp3)).toBe(true);
    expect((await service.get(manifest.links['episode.mp3'], { range: `bytes=${mp3.byteLength + 10}-` })).status).toBe(416);
    expect((await service.get(`/v1/episodes/${job.id}/..%2F..%2Ffeed.xml`)).status).toBe(404);
    expect(s3.refused).toEqual([]);
  });

  it('lets a second worker on another machine reuse the first one\'s pieces from the bucket', async () => {
    const piecesBefore = [...s3.objects.keys()].filter((name) => name.includes('/.cache/')).length;
    await worker('second');
    // The same article with another description: every sentence is the same, the episode is another one.
    const accepted = await service.post({ markdown: article, description: 'The second edition' });
    const job = await service.finished(accepted.json.id);
    expect(job.state).toBe('completed');
    expect(job.episode).toMatch(/ferry-timetable-2$/);
    const manifest = (await (await service.get(`/v1/episodes/${job.id}`)).json()) as any;
    expect(manifest.synthesis.requests).toBeGreaterThan(0);
    expect(manifest.synthesis.cacheHits).toBe(manifest.synthesis.requests);
    expect([...s3.objects.keys()].filter((name) => name.includes('/.cache/')).length).toBe(piecesBefore);
    // The bucket's folder of that name held another episode, so this one took a folder of its own and the feed lists both.
    const feed = s3.objects.get(`${PREFIX}/feed.xml`)!.body.toString('utf8');
    expect(feed.match(/<item>/g)).toHaveLength(2);
    // The first article posted again, without an Idempotency-Key, is the first episode: its folder, no new feed item.
    const again = await service.finished((await service.post({ markdown: article })).json.id);
    expect(again.state).toBe('completed');
    expect(again.episode).toBe(String(job.episode).replace(/-2$/, ''));
    expect(s3.objects.get(`${PREFIX}/feed.xml`)!.body.toString('utf8').match(/<item>/g)).toHaveLength(2);
    expect(s3.refused).toEqual([]);
  });

  it('gives two episodes of one title built at once folders of their own and keeps both in the feed', async () => {
    await worker('third');
    const items = () => s3.objects.get(`${PREFIX}/feed.xml`)!.body.toString('utf8').match(/<item>/g)?.length ?? 0;
    const before = items();
    const [one, two] = await Promise.all([service.post({ markdown: '# Road works\n\nThe high street closes for resurfacing.' }), service.post({ markdown: '# Road works\n\nThe ring road reopens after the repairs.' })]);
    const jobs = await Promise.all([service.finished(one.json.id), service.finished(two.json.id)]);
    expect(jobs.map((job) => job.state), lines.join('\n')).toEqual(['completed', 'completed']);
    expect(new Set(jobs.map((job) => job.episode)).size).toBe(2);
    const folders = jobs.map((job) => String(job.episode)).sort();
    expect(folders[0], `${JSON.stringify(jobs)}\n${lines.join('\n')}`).toMatch(/road-works$/);
    expect(folders[1]).toBe(`${folders[0]}-2`);
    expect(items()).toBe(before + 2);
    const titles = await Promise.all(jobs.map(async (job) => ((await (await service.get(`/v1/episodes/${job.id}`)).json()) as any).stories[0].title));
    expect(titles).toEqual(['Road works', 'Road works']);
  });

  it('fans a long briefing out over workers that share pieces only through the bucket', async () => {
    for (const running of workers.splice(0)) await running.close();
    await worker('fan-one', 2);
    await worker('fan-two', 2);
    const text = ['Town news', ...['harbour', 'library', 'museum', 'station', 'market', 'theatre'].map((place) => `The ${place} reopened this morning after a short closure.`)].join('\n\n');
    const job = await service.finished((await service.post({ text })).json.id);
    expect(job.state).toBe('completed');
    const manifest = JSON.parse(s3.objects.get(`${PREFIX}/${job.episode}/manifest.json`)!.body.toString('utf8')) as { synthesis: { requests: number; cacheHits: number; cacheMisses: number } };
    // Every piece the build needed was made by the parts, on either worker: the build itself synthesized nothing.
    expect(manifest.synthesis.requests).toBeGreaterThan(2);
    expect(manifest.synthesis.cacheMisses).toBe(0);
    expect(manifest.synthesis.cacheHits).toBe(manifest.synthesis.requests);
    expect(s3.refused).toEqual([]);
  });

  it('does not serve an episode whose files are there but whose manifest is not', async () => {
    const accepted = await service.post({ markdown: '# Winter crossings\n\nThe winter timetable starts in November with fewer crossings.' });
    const job = await service.finished(accepted.json.id);
    expect(job.state).toBe('completed');
    expect(s3.objects.get(`${PREFIX}/feed.xml`)!.body.toString('utf8')).toContain('Winter crossings');
    expect((await service.get(`/v1/episodes/${job.id}`)).status).toBe(200);
    const manifestKey = `${PREFIX}/${job.episode}/manifest.json`;
    expect(s3.objects.has(`${PREFIX}/${job.episode}/episode.mp3`)).toBe(true);
    // What a reader sees while a worker is between its last file and the manifest.
    s3.objects.delete(manifestKey);
    const missing = await service.get(`/v1/episodes/${job.id}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('EPISODE_NOT_FOUND');
    expect((await service.get(`/v1/episodes/${job.id}/episode.mp3`)).status).toBe(404);
    expect((await service.get(`/v1/episodes/${job.id}/episode.mp3`, { range: 'bytes=0-9' })).status).toBe(404);
  });

  it('writes the shared objects only over the version it read', async () => {
    const bucket = await S3Store.open(service.store.s3!);
    try {
      await bucket.put('conditional.txt', Buffer.from('one'), 'text/plain', { ifNoneMatch: '*' });
      await expect(bucket.put('conditional.txt', Buffer.from('two'), 'text/plain', { ifNoneMatch: '*' })).rejects.toThrow(/changed by another writer/);
      const read = await bucket.get('conditional.txt');
      await bucket.put('conditional.txt', Buffer.from('three'), 'text/plain', { ifMatch: read!.etag });
      await expect(bucket.put('conditional.txt', Buffer.from('four'), 'text/plain', { ifMatch: read!.etag })).rejects.toThrow(/changed by another writer/);
      expect((await bucket.get('conditional.txt'))!.body.toString()).toBe('three');
      expect(await bucket.get('absent.txt')).toBeUndefined();
      await bucket.delete('conditional.txt');
      expect(await bucket.head('conditional.txt')).toBeUndefined();
    } finally {
      bucket.close();
    }
  });

  it('refuses a request signed with other credentials, and says which object', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAWRONGKEY00000000';
    const bucket = await S3Store.open(service.store.s3!);
    try {
      await expect(bucket.get('feed.xml')).rejects.toThrow(`s3://${s3.bucket}/${PREFIX}/feed.xml: cannot read`);
      expect(s3.refused.at(-1)).toMatch(/access key AKIAWRONGKEY00000000 is not the expected one/);
    } finally {
      bucket.close();
      process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
      s3.refused.length = 0;
    }
  });

  it('verifies a piece fetched from the bucket and removes a damaged one instead of using it', async () => {
    const bucket = await S3Store.open(service.store.s3!);
    try {
      const key = 'ab'.repeat(32);
      const made = await new S3AudioCache(join(service.folder, 'pieces-one'), bucket).put(key, 16000, new Uint8Array(3200).fill(7), [{ word: 'ferry', startMs: 0, endMs: 90 }]);
      expect(s3.objects.get(`${PREFIX}/${pieceObjectName(key)}`)!.body.equals(await readFile(made.path))).toBe(true);
      const fetched = await new S3AudioCache(join(service.folder, 'pieces-two'), bucket).read(key);
      expect(fetched).toMatchObject({ status: 'hit', piece: { sampleRate: 16000, dataBytes: 3200, words: [{ word: 'ferry' }] } });
      const object = s3.objects.get(`${PREFIX}/${pieceObjectName(key)}`)!;
      object.body = Buffer.from(object.body);
      object.body[100] = object.body[100]! ^ 0xff;
      const damaged = await new S3AudioCache(join(service.folder, 'pieces-three'), bucket).read(key);
      expect(damaged).toMatchObject({ status: 'damaged', path: `s3://${s3.bucket}/${PREFIX}/${pieceObjectName(key)}`, problem: 'its checksum does not match its audio' });
      expect(s3.objects.has(`${PREFIX}/${pieceObjectName(key)}`)).toBe(false);
      expect(await new S3AudioCache(join(service.folder, 'pieces-four'), bucket).read(key)).toEqual({ status: 'miss' });
    } finally {
      bucket.close();
    }
  });

  it('publishes one worker at a time under the Redis lock', async () => {
    const client = new Redis(redisConnection(service.redis.url));
    try {
      const order: string[] = [];
      const hold = (name: string) => withRedisLock(client, 'briefing:test-lock', async () => {
        order.push(`${name} in`);
        await sleep(50);
        order.push(`${name} out`);
      });
      await Promise.all([hold('a'), hold('b'), hold('c')]);
      for (let index = 0; index < order.length; index += 2) expect(order[index + 1]).toBe(order[index]!.replace(' in', ' out'));
      expect(await client.exists('briefing:test-lock')).toBe(0);
    } finally {
      client.disconnect();
    }
  });
});

describe.skipIf(!REDIS_AVAILABLE)(`briefing worker and briefing api with --store s3://${REDIS_AVAILABLE ? '' : ` (skipped: ${REDIS_MISSING_REASON})`}`, () => {
  it('build and serve an episode through the bucket, credentials from the environment', async () => {
    const redis = await startRedis();
    const s3 = await startTestS3({ bucket: 'cli-bucket', region: 'eu-cli-2' });
    const cwd = await mkdtemp(join(tmpdir(), 'briefing-s3-cli-'));
    const env = { ...process.env, AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, BRIEFING_API_KEYS: `cms:${KEY}` };
    const store = ['--redis', redis.url, '--store', 's3://cli-bucket/feeds/morning', '--store-endpoint', s3.url, '--store-region', s3.region];
    const children = [spawn(process.execPath, [CLI, 'worker', ...store, '--store-cache', 'piece-cache'], { cwd, env }), spawn(process.execPath, [CLI, 'api', ...store, '--port', '0'], { cwd, env })];
    const output = children.map((child) => {
      const text = { value: '' };
      child.stderr.on('data', (chunk: Buffer) => (text.value += chunk.toString()));
      return text;
    });
    const exited = children.map((child) => new Promise<void>((resolve) => child.once('close', () => resolve())));
    try {
      for (let attempt = 0; !output[1]!.value.includes('listening at') || !output[0]!.value.includes('worker ready'); attempt++) {
        if (attempt > 600 || children.some((child) => child.exitCode !== null)) throw new Error(`the commands did not start: ${output.map((text) => text.value).join(' | ')}`);
        await sleep(50);
      }
      expect(output[0]!.value).toContain('publishing into s3://cli-bucket/feeds/morning');
      const url = /listening at (\S+)/.exec(output[1]!.value)![1]!;
      const client = apiClient(url, KEY);
      const accepted = await client.post({ text: 'Library hours\n\nThe library opens on Sundays from next month.' });
      const job = await client.finished(accepted.json.id);
      expect(job.state).toBe('completed');
      expect(s3.objects.has(`feeds/morning/${job.episode}/manifest.json`)).toBe(true);
      const manifest = (await (await client.get(`/v1/episodes/${job.id}`)).json()) as any;
      expect(manifest.title).toBe('Library hours');
      expect(s3.refused).toEqual([]);
      expect((await readdir(join(cwd, 'piece-cache'))).length).toBeGreaterThan(0);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(exited);
      await s3.stop();
      await redis.stop();
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
