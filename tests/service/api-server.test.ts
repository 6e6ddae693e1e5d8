import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiKeys } from '../../src/service/api-keys.js';
import { startApiServer, type RunningApi } from '../../src/service/api-server.js';
import { redisConnection } from '../../src/service/redis-connection.js';
import { REDIS_AVAILABLE, REDIS_MISSING_REASON, startRedis, type TestRedis } from './redis-server.js';

const KEY = 'publisher-key-0123456789';
const OTHER_KEY = 'other-key-0123456789abc';
const LIMITED_KEY = 'limited-key-0123456789ab';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: any;
}

function call(base: string, method: string, path: string, options: { key?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${base}${path}`,
      {
        method,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
          ...options.headers,
        },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json });
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

describe.skipIf(!REDIS_AVAILABLE)(`HTTP API${REDIS_AVAILABLE ? '' : ` (skipped: ${REDIS_MISSING_REASON})`}`, () => {
  let redis: TestRedis;
  let api: RunningApi;
  let limitedApi: RunningApi;
  let signingApi: RunningApi;
  let store: string;
  // Names resolved as a DNS server under the test's control would answer.
  const names: Record<string, string[]> = { 'news.example': ['93.184.216.34'], 'intranet.example': ['10.0.0.8'], 'dual.example': ['93.184.216.34', 'fd00::1'] };
  const resolveHost = async (hostname: string) => (names[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  beforeAll(async () => {
    redis = await startRedis();
    store = await mkdtemp(join(tmpdir(), 'briefing-api-'));
    const keys = await loadApiKeys({ env: { BRIEFING_API_KEYS: `cms:${KEY},other:${OTHER_KEY},limited:${LIMITED_KEY}` } });
    api = await startApiServer({ connection: redisConnection(redis.url), outputDirectory: store, keys, maxBodyBytes: 2048, rateLimit: 1000, resolveHost });
    limitedApi = await startApiServer({ connection: redisConnection(redis.url), outputDirectory: store, keys, rateLimit: 3, rateWindowMs: 3_600_000 });
    signingApi = await startApiServer({ connection: redisConnection(redis.url), outputDirectory: store, keys, rateLimit: 1000, resolveHost, webhookSecret: 'server-secret' });
  });

  afterAll(async () => {
    await api?.close();
    await limitedApi?.close();
    await signingApi?.close();
    await redis?.stop();
    if (store) await rm(store, { recursive: true, force: true });
  });

  it('refuses requests without a key and with a wrong key, in JSON with a stable code', async () => {
    const missing = await call(api.url, 'GET', '/v1/jobs/x');
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ error: { code: 'KEY_MISSING', message: expect.any(String) } });
    const wrong = await call(api.url, 'POST', '/v1/episodes', { key: 'not-a-key-at-all-000000', body: '{"text":"a"}' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('KEY_INVALID');
    const header = await call(api.url, 'GET', '/v1/jobs/x', { headers: { 'x-api-key': KEY } });
    expect(header.json.error.code).toBe('JOB_NOT_FOUND');
  });

  it('queues a post and answers 202 with the job; the same Idempotency-Key returns the same job', async () => {
    const body = JSON.stringify({ text: 'Rain in the north\n\nIt will rain tomorrow.' });
    const first = await call(api.url, 'POST', '/v1/episodes', { key: KEY, body, headers: { 'idempotency-key': 'story-1' } });
    expect(first.status).toBe(202);
    expect(first.headers.location).toBe(`/v1/jobs/${first.json.id}`);
    expect(first.json.state).toBe('waiting');
    const again = await call(api.url, 'POST', '/v1/episodes', { key: KEY, body, headers: { 'idempotency-key': 'story-1' } });
    expect(again.json.id).toBe(first.json.id);
    const other = await call(api.url, 'POST', '/v1/episodes', { key: KEY, body, headers: { 'idempotency-key': 'story-2' } });
    expect(other.json.id).not.toBe(first.json.id);
    const reused = await call(api.url, 'POST', '/v1/episodes', { key: KEY, body: JSON.stringify({ text: 'Something else' }), headers: { 'idempotency-key': 'story-1' } });
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const job = await call(api.url, 'GET', `/v1/jobs/${first.json.id}`, { key: KEY });
    expect(job.json).toMatchObject({ id: first.json.id, state: 'waiting', attempts: 0 });
    // Another key neither sees the job nor shares its idempotency keys.
    expect((await call(api.url, 'GET', `/v1/jobs/${first.json.id}`, { key: OTHER_KEY })).status).toBe(404);
    const theirs = await call(api.url, 'POST', '/v1/episodes', { key: OTHER_KEY, body, headers: { 'idempotency-key': 'story-1' } });
    expect(theirs.json.id).not.toBe(first.json.id);

    const notReady = await call(api.url, 'GET', `/v1/episodes/${first.json.id}`, { key: KEY });
    expect(notReady.status).toBe(409);
    expect(notReady.json.error.code).toBe('EPISODE_NOT_READY');

    const cancelled = await call(api.url, 'DELETE', `/v1/jobs/${other.json.id}`, { key: KEY });
    expect(cancelled.status).toBe(202);
    expect((await call(api.url, 'GET', `/v1/jobs/${other.json.id}`, { key: KEY })).json.error.code).toBe('JOB_NOT_FOUND');
  });

  it('refuses malformed JSON, unknown options, hostile addresses, other media types and oversize bodies', async () => {
    const cases: [string, number, string, Record<string, string>?][] = [
      ['{"text": "a",', 400, 'MALFORMED_JSON'],
      ['{"text":"a","voice":"x"}', 400, 'UNKNOWN_OPTION'],
      ['{"text":"a","options":{"show":{"title":"Mine"}}}', 400, 'OPTION_NOT_ALLOWED'],
      ['{"url":"file:///etc/passwd"}', 400, 'UNSUPPORTED_URL'],
      ['{"text":"a"}', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'text/plain' }],
      [JSON.stringify({ text: 'x'.repeat(4096) }), 413, 'BODY_TOO_LARGE'],
    ];
    for (const [body, status, code, headers] of cases) {
      const answer = await call(api.url, 'POST', '/v1/episodes', { key: KEY, body, ...(headers ? { headers } : {}) });
      expect({ status: answer.status, code: answer.json?.error?.code }).toEqual({ status, code });
      expect(answer.json.error.message).not.toContain('\n');
    }
    expect((await call(api.url, 'GET', '/v1/nothing', { key: KEY })).json.error.code).toBe('NOT_FOUND');
    expect((await call(api.url, 'PUT', '/v1/episodes', { key: KEY, body: '{}' })).status).toBe(405);
  });

  it('refuses urls, feeds and webhooks that lead to private, loopback, link-local or metadata addresses', async () => {
    const refused = [
      { url: 'http://127.0.0.1:8080/story' },
      { url: 'http://169.254.169.254/latest/meta-data/' },
      { url: 'http://[::ffff:127.0.0.1]/story' },
      { url: 'http://[fd00:ec2::254]/' },
      { url: 'http://dual.example/story' },
      { feed: 'http://intranet.example/feed.xml' },
    ];
    for (const body of refused) {
      const answer = await call(api.url, 'POST', '/v1/episodes', { key: KEY, body: JSON.stringify(body) });
      expect({ status: answer.status, code: answer.json?.error?.code }, JSON.stringify(body)).toEqual({ status: 422, code: 'URL_NOT_ALLOWED' });
      expect(answer.json.error.message).toMatch(/^(url|feed): http/);
    }
    expect((await call(api.url, 'POST', '/v1/episodes', { key: KEY, body: JSON.stringify({ url: 'https://news.example/story' }) })).status).toBe(202);
    const hook = await call(signingApi.url, 'POST', '/v1/episodes', { key: KEY, body: JSON.stringify({ text: 'a', webhook: 'http://intranet.example/hook' }) });
    expect({ status: hook.status, code: hook.json.error.code, message: hook.json.error.message }).toEqual({ status: 422, code: 'URL_NOT_ALLOWED', message: expect.stringMatching(/^webhook: /) });
  });

  it('accepts webhooks only with a server secret, and gives each key its own signing secret', async () => {
    const unsigned = await call(api.url, 'POST', '/v1/episodes', { key: KEY, body: JSON.stringify({ text: 'a', webhook: 'https://news.example/hook' }) });
    expect({ status: unsigned.status, code: unsigned.json.error.code }).toEqual({ status: 422, code: 'WEBHOOKS_DISABLED' });
    expect((await call(api.url, 'GET', '/v1/webhook-secret', { key: KEY })).json.error.code).toBe('WEBHOOKS_DISABLED');
    expect((await call(signingApi.url, 'POST', '/v1/episodes', { key: KEY, body: JSON.stringify({ text: 'a', webhook: 'https://news.example/hook' }) })).status).toBe(202);
    const mine = await call(signingApi.url, 'GET', '/v1/webhook-secret', { key: KEY });
    const theirs = await call(signingApi.url, 'GET', '/v1/webhook-secret', { key: OTHER_KEY });
    expect(mine.json).toMatchObject({ secret: expect.stringMatching(/^[0-9a-f]{64}$/), algorithm: 'HMAC-SHA256' });
    expect(theirs.json.secret).not.toBe(mine.json.secret);
    expect(mine.json.secret).not.toContain('server-secret');
    expect((await call(signingApi.url, 'GET', '/v1/webhook-secret')).status).toBe(401);
  });

  it('limits requests per key and says when to retry', async () => {
    const statuses: number[] = [];
    let last: Answer | undefined;
    for (let index = 0; index < 5; index++) {
      last = await call(limitedApi.url, 'GET', '/v1/jobs/none', { key: LIMITED_KEY });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    expect(last!.json.error.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another key has its own allowance.
    expect((await call(limitedApi.url, 'GET', '/v1/jobs/none', { key: OTHER_KEY })).status).toBe(404);
  });

  it('serves its OpenAPI document, a health check and Prometheus metrics without a key', async () => {
    const document = await call(api.url, 'GET', '/v1/openapi.json');
    expect(document.json.openapi).toBe('3.1.0');
    expect(Object.keys(document.json.paths)).toEqual(expect.arrayContaining(['/v1/episodes', '/v1/jobs/{id}', '/v1/episodes/{id}', '/v1/webhook-secret']));
    expect((await call(api.url, 'GET', '/healthz')).json).toEqual({ status: 'ok' });
    const metrics = await call(api.url, 'GET', '/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/briefing_jobs\{state="waiting"\} [1-9]/);
    expect(metrics.body).toMatch(/briefing_queue_depth [1-9]/);
    expect(metrics.body).toContain('briefing_synthesis_seconds_bucket');
    expect(metrics.body).toContain('briefing_build_seconds_bucket');
    expect(metrics.body).toContain('briefing_cache_hits_total');
  });
});
