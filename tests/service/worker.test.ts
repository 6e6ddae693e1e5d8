import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { loadApiKeys } from '../../src/service/api-keys.js';
import { startApiServer, type RunningApi } from '../../src/service/api-server.js';
import { redisConnection } from '../../src/service/redis-connection.js';
import { sharedStore } from '../../src/service/shared-store.js';
import { startWorker, type RunningWorker } from '../../src/service/start-worker.js';
import { REDIS_AVAILABLE, REDIS_MISSING_REASON, startRedis, type TestRedis } from './redis-server.js';

const KEY = 'worker-test-key-0123456789';
const SECRET = 'webhook-secret';

async function post(api: RunningApi, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${api.url}/v1/episodes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

async function get(api: RunningApi, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${KEY}`, ...headers } });
}

async function finished(api: RunningApi, id: string): Promise<any> {
  for (;;) {
    const job = (await (await get(api, `/v1/jobs/${id}`)).json()) as { state: string };
    if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') return job;
    await sleep(100);
  }
}

describe.skipIf(!REDIS_AVAILABLE)(`worker${REDIS_AVAILABLE ? '' : ` (skipped: ${REDIS_MISSING_REASON})`}`, () => {
  let redis: TestRedis;
  let api: RunningApi;
  let worker: RunningWorker;
  let folder: string;
  let hooks: Server;
  let hookUrl: string;
  const deliveries: { body: string; signature: string; timestamp: string }[] = [];
  let closed = false;
  const longText = ['Council meeting', ...Array.from({ length: 40 }, (_, index) => `Item ${index + 1} on the agenda was discussed at length by the members of the council, who asked many questions.`)].join('\n\n');

  async function active(id: string): Promise<void> {
    for (;;) {
      const job = (await (await get(api, `/v1/jobs/${id}`)).json()) as { state: string };
      if (job.state === 'active') return;
      await sleep(20);
    }
  }

  beforeAll(async () => {
    redis = await startRedis();
    folder = await mkdtemp(join(tmpdir(), 'briefing-worker-'));
    const store = sharedStore(join(folder, 'store'));
    const config = parseConfig({ show: { title: 'Test Show', coverImage: false } }, 'test', folder);
    const connection = redisConnection(redis.url);
    // The webhook receiver listens on loopback: this set-up allows private addresses.
    worker = await startWorker({ connection, workspace: { ...store, config, show: config.show, jobs: 1 }, webhookSecret: SECRET, allowPrivateUrls: true });
    api = await startApiServer({ connection, outputDirectory: store.outputDirectory, keys: await loadApiKeys({ env: { BRIEFING_API_KEYS: `cms:${KEY}` } }), attempts: 2, webhookSecret: SECRET, allowPrivateUrls: true });
    hooks = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        deliveries.push({ body, signature: String(request.headers['x-briefing-signature']), timestamp: String(request.headers['x-briefing-timestamp']) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/done`;
  });

  afterAll(async () => {
    await api?.close();
    if (!closed) await worker?.close();
    hooks?.close();
    await redis?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('builds a posted article, publishes it in the feed, serves it with byte ranges and tells the webhook, signed', async () => {
    const accepted = await post(api, { markdown: '# Harbour reopens\n\nThe harbour reopened on Monday after repairs.', webhook: hookUrl, options: { pauses: { betweenParagraphsMs: 200 } } });
    expect(accepted.status).toBe(202);
    const job = await finished(api, accepted.json.id);
    expect(job).toMatchObject({ state: 'completed', attempts: 1, episode: expect.stringMatching(/harbour-reopens$/) });

    const manifest = (await (await get(api, `/v1/episodes/${job.id}`)).json()) as any;
    expect(manifest.title).toBe('Harbour reopens');
    expect(manifest.durationMs).toBeGreaterThan(1000);
    expect(Object.keys(manifest.links)).toEqual(expect.arrayContaining(['episode.mp3', 'episode.vtt', 'manifest.json']));
    const range = await get(api, manifest.links['episode.mp3'], { range: 'bytes=0-9' });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).length).toBe(10);
    expect((await get(api, `/v1/episodes/${job.id}/..%2Ffeed.xml`)).status).not.toBe(200);

    const feed = await readFile(join(folder, 'store', 'feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(1);
    expect(feed).toContain('Harbour reopens');

    for (let attempt = 0; deliveries.length === 0 && attempt < 200; attempt++) await sleep(50);
    const delivery = deliveries[0]!;
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'episode.completed', jobId: job.id, episode: job.episode });
    // Signed with this key's own secret, read from the API: not the server's secret, which no caller knows.
    const own = (await (await get(api, '/v1/webhook-secret')).json()) as { secret: string; signatureHeader: string };
    expect(own.signatureHeader).toBe('x-briefing-signature');
    expect(own.secret).not.toBe(SECRET);
    expect(delivery.signature).toBe(`sha256=${createHmac('sha256', own.secret).update(`${delivery.timestamp}.${delivery.body}`).digest('hex')}`);

    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(/briefing_jobs\{state="completed"\} 1/);
  });

  it('takes the same text posted twice, without an Idempotency-Key, for the same episode, and publishes no path of the worker', async () => {
    const text = 'Ferry timetable changes\n\nThe ferry leaves ten minutes earlier from Monday.';
    const first = await post(api, { text });
    const second = await post(api, { text });
    expect(second.json.id).not.toBe(first.json.id);
    const [one, two] = [await finished(api, first.json.id), await finished(api, second.json.id)];
    expect([one.state, two.state]).toEqual(['completed', 'completed']);
    expect(two.episode).toBe(one.episode);
    expect(one.episode).toMatch(/ferry-timetable-changes$/);
    const names = await readdir(join(folder, 'store'));
    expect(names.filter((name) => name.includes('ferry-timetable-changes'))).toEqual([one.episode]);

    const manifestText = await readFile(join(folder, 'store', one.episode, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as { stories: { source: string }[] };
    expect(manifest.stories.map((story) => story.source)).toEqual([expect.stringMatching(/^posted:[0-9a-f]{32}$/)]);
    const feed = await readFile(join(folder, 'store', 'feed.xml'), 'utf8');
    expect(feed.split('<title>Ferry timetable changes</title>').length - 1).toBe(1);
    const texts = (await readdir(join(folder, 'store', one.episode))).filter((name) => !/\.(mp3|png|jpe?g)$/.test(name));
    for (const name of texts) {
      const published = await readFile(join(folder, 'store', one.episode, name), 'utf8');
      expect(published, name).not.toContain(tmpdir());
      expect(published, name).not.toMatch(/briefing-job-|article\.txt/);
    }
    expect(feed).not.toContain(tmpdir());
  });

  it('fails a poisoned job with its error on the job, and the next job goes on', async () => {
    const poisoned = await post(api, { html: '<html><body><script>while(true){}</script></body></html>' });
    const healthy = await post(api, { text: 'Bridge closes\n\nThe bridge closes for a week.' });
    const failed = await finished(api, poisoned.json.id);
    expect(failed.state).toBe('failed');
    expect(failed.error.code).toMatch(/^INPUT_/);
    expect(failed.error.message.length).toBeGreaterThan(0);
    expect((await finished(api, healthy.json.id)).state).toBe('completed');
    const feed = await readFile(join(folder, 'store', 'feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(3);
    const names = await readdir(join(folder, 'store'));
    expect(names.filter((name) => name.startsWith('.') && name !== '.cache' && name !== '.briefing-state.json')).toEqual([]);
    expect(existsSync(join(folder, 'store', '.cache'))).toBe(true);
  });

  it('cancels a running job: it stops, ends as cancelled and publishes nothing', async () => {
    const before = await readdir(join(folder, 'store'));
    const accepted = await post(api, { text: longText, webhook: hookUrl });
    await active(accepted.json.id);
    const cancel = await fetch(`${api.url}/v1/jobs/${accepted.json.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${KEY}` } });
    expect(cancel.status).toBe(202);
    const job = await finished(api, accepted.json.id);
    expect(job.state).toBe('cancelled');
    expect(job.attempts).toBe(1);
    expect((await readdir(join(folder, 'store'))).sort()).toEqual(before.sort());
    for (let attempt = 0; !deliveries.some((delivery) => delivery.body.includes(accepted.json.id)) && attempt < 200; attempt++) await sleep(50);
    expect(JSON.parse(deliveries.find((delivery) => delivery.body.includes(accepted.json.id))!.body).type).toBe('episode.cancelled');
    const again = await fetch(`${api.url}/v1/jobs/${accepted.json.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${KEY}` } });
    expect(again.status).toBe(409);
  });

  it('when stopped, finishes the job it holds before it closes', async () => {
    const accepted = await post(api, { text: longText.replace('Council meeting', 'Committee meeting') });
    await active(accepted.json.id);
    closed = true;
    await worker.close();
    const job = (await (await get(api, `/v1/jobs/${accepted.json.id}`)).json()) as { state: string; episode: string };
    expect(job.state).toBe('completed');
    expect(job.episode).toMatch(/committee-meeting$/);
  });
});
