import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '../../src/service/start-worker.js';
import { REDIS_AVAILABLE, REDIS_MISSING_REASON } from './redis-server.js';
import { startService, type RunningService } from './service-harness.js';

const KEY = 'worker-test-key-0123456789';
const SECRET = 'webhook-secret';

describe.skipIf(!REDIS_AVAILABLE)(`worker${REDIS_AVAILABLE ? '' : ` (skipped: ${REDIS_MISSING_REASON})`}`, () => {
  let service: RunningService;
  let worker: RunningWorker;
  let hooks: Server;
  let hookUrl: string;
  const deliveries: { body: string; signature: string; timestamp: string }[] = [];
  const longText = ['Council meeting', ...Array.from({ length: 40 }, (_, index) => `Item ${index + 1} on the agenda was discussed at length by the members of the council, who asked many questions.`)].join('\n\n');

  async function active(id: string): Promise<void> {
    for (;;) {
      const job = (await (await service.get(`/v1/jobs/${id}`)).json()) as { state: string };
      if (job.state === 'active') return;
      await sleep(20);
    }
  }

  beforeAll(async () => {
    service = await startService({ key: KEY, showTitle: 'Test Show', api: { attempts: 2, webhookSecret: SECRET, allowPrivateUrls: true } });
    // The webhook receiver listens on loopback: this set-up allows private addresses.
    worker = await service.startWorker({ webhookSecret: SECRET, allowPrivateUrls: true });
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
    await service?.close();
    hooks?.close();
  });

  it('builds a posted article, publishes it in the feed, serves it with byte ranges and tells the webhook, signed', async () => {
    const accepted = await service.post({ markdown: '# Harbour reopens\n\nThe harbour reopened on Monday after repairs.', webhook: hookUrl, options: { pauses: { betweenParagraphsMs: 200 } } });
    expect(accepted.status).toBe(202);
    const job = await service.finished(accepted.json.id);
    expect(job).toMatchObject({ state: 'completed', attempts: 1, episode: expect.stringMatching(/harbour-reopens$/) });

    const manifest = (await (await service.get(`/v1/episodes/${job.id}`)).json()) as any;
    expect(manifest.title).toBe('Harbour reopens');
    expect(manifest.durationMs).toBeGreaterThan(1000);
    expect(Object.keys(manifest.links)).toEqual(expect.arrayContaining(['episode.mp3', 'episode.vtt', 'manifest.json']));
    const range = await service.get(manifest.links['episode.mp3'], { range: 'bytes=0-9' });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).length).toBe(10);
    expect((await service.get(`/v1/episodes/${job.id}/..%2Ffeed.xml`)).status).not.toBe(200);

    const feed = await readFile(join(service.folder, 'store', 'feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(1);
    expect(feed).toContain('Harbour reopens');

    for (let attempt = 0; deliveries.length === 0 && attempt < 200; attempt++) await sleep(50);
    const delivery = deliveries[0]!;
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'episode.completed', jobId: job.id, episode: job.episode });
    // Signed with this key's own secret, read from the API: not the server's secret, which no caller knows.
    const own = (await (await service.get('/v1/webhook-secret')).json()) as { secret: string; signatureHeader: string };
    expect(own.signatureHeader).toBe('x-briefing-signature');
    expect(own.secret).not.toBe(SECRET);
    expect(delivery.signature).toBe(`sha256=${createHmac('sha256', own.secret).update(`${delivery.timestamp}.${delivery.body}`).digest('hex')}`);

    const metrics = await (await fetch(`${service.api.url}/metrics`)).text();
    expect(metrics).toMatch(/briefing_jobs\{state="completed"\} 1/);
  });

  it('takes the same text posted twice, without an Idempotency-Key, for the same episode, and publishes no path of the worker', async () => {
    const text = 'Ferry timetable changes\n\nThe ferry leaves ten minutes earlier from Monday.';
    const first = await service.post({ text });
    const second = await service.post({ text });
    expect(second.json.id).not.toBe(first.json.id);
    const [one, two] = [await service.finished(first.json.id), await service.finished(second.json.id)];
    expect([one.state, two.state]).toEqual(['completed', 'completed']);
    expect(two.episode).toBe(one.episode);
    expect(one.episode).toMatch(/ferry-timetable-changes$/);
    const names = await readdir(join(service.folder, 'store'));
    expect(names.filter((name) => name.includes('ferry-timetable-changes'))).toEqual([one.episode]);

    const manifestText = await readFile(join(service.folder, 'store', one.episode, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as { stories: { source: string }[] };
    expect(manifest.stories.map((story) => story.source)).toEqual([expect.stringMatching(/^posted:[0-9a-f]{32}$/)]);
    const feed = await readFile(join(service.folder, 'store', 'feed.xml'), 'utf8');
    expect(feed.split('<title>Ferry timetable changes</title>').length - 1).toBe(1);
    const texts = (await readdir(join(service.folder, 'store', one.episode))).filter((name) => !/\.(mp3|png|jpe?g)$/.test(name));
    for (const name of texts) {
      const published = await readFile(join(service.folder, 'store', one.episode, name), 'utf8');
      expect(published, name).not.toContain(tmpdir());
      expect(published, name).not.toMatch(/briefing-job-|article\.txt/);
    }
    expect(feed).not.toContain(tmpdir());
  });

  it('fails a poisoned job with its error on the job, and the next job goes on', async () => {
    const poisoned = await service.post({ html: '<html><body><script>while(true){}</script></body></html>' });
    const healthy = await service.post({ text: 'Bridge closes\n\nThe bridge closes for a week.' });
    const failed = await service.finished(poisoned.json.id);
    expect(failed.state).toBe('failed');
    expect(failed.error.code).toMatch(/^INPUT_/);
    expect(failed.error.message.length).toBeGreaterThan(0);
    expect((await service.finished(healthy.json.id)).state).toBe('completed');
    const feed = await readFile(join(service.folder, 'store', 'feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(3);
    const names = await readdir(join(service.folder, 'store'));
    expect(names.filter((name) => name.startsWith('.') && name !== '.cache' && name !== '.briefing-state.json')).toEqual([]);
    expect(existsSync(join(service.folder, 'store', '.cache'))).toBe(true);
  });

  it('cancels a running job: it stops, ends as cancelled and publishes nothing', async () => {
    const before = await readdir(join(service.folder, 'store'));
    const accepted = await service.post({ text: longText, webhook: hookUrl });
    await active(accepted.json.id);
    const cancel = await fetch(`${service.api.url}/v1/jobs/${accepted.json.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${KEY}` } });
    expect(cancel.status).toBe(202);
    const job = await service.finished(accepted.json.id);
    expect(job.state).toBe('cancelled');
    expect(job.attempts).toBe(1);
    expect((await readdir(join(service.folder, 'store'))).sort()).toEqual(before.sort());
    for (let attempt = 0; !deliveries.some((delivery) => delivery.body.includes(accepted.json.id)) && attempt < 200; attempt++) await sleep(50);
    expect(JSON.parse(deliveries.find((delivery) => delivery.body.includes(accepted.json.id))!.body).type).toBe('episode.cancelled');
    const again = await fetch(`${service.api.url}/v1/jobs/${accepted.json.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${KEY}` } });
    expect(again.status).toBe(409);
  });

  it('when stopped, finishes the job it holds before it closes', async () => {
    const accepted = await service.post({ text: longText.replace('Council meeting', 'Committee meeting') });
    await active(accepted.json.id);
    await worker.close();
    const job = (await (await service.get(`/v1/jobs/${accepted.json.id}`)).json()) as { state: string; episode: string };
    expect(job.state).toBe('completed');
    expect(job.episode).toMatch(/committee-meeting$/);
  });
});
