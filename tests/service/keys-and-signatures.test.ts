import { createHmac } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashApiKey, loadApiKeys } from '../../src/service/api-keys.js';
import { redisConnection } from '../../src/service/redis-connection.js';
import { sharedStore } from '../../src/service/shared-store.js';
import { deliverWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../src/service/webhook-delivery.js';

describe('API keys', () => {
  it('reads keys from the environment and from a file of hashes', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'briefing-keys-'));
    const file = join(folder, 'keys');
    await writeFile(file, `# publishers\ncms ${hashApiKey('file-key-0123456789')}\n\n`);
    const keys = await loadApiKeys({ env: { BRIEFING_API_KEYS: 'ops:env-key-0123456789' }, keyFile: file });
    expect(keys.size).toBe(2);
    expect(keys.identify('env-key-0123456789')).toBe('ops');
    expect(keys.identify('file-key-0123456789')).toBe('cms');
    expect(keys.identify('file-key-012345678')).toBeUndefined();
    expect(keys.identify(hashApiKey('file-key-0123456789'))).toBeUndefined();
    expect(keys.identify('')).toBeUndefined();
  });

  it('names the file and line of a bad entry, and refuses short keys', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'briefing-keys-'));
    const file = join(folder, 'keys');
    await writeFile(file, 'cms not-a-hash\n');
    await expect(loadApiKeys({ keyFile: file })).rejects.toThrow(`${file}: line 1:`);
    await expect(loadApiKeys({ env: { BRIEFING_API_KEYS: 'a:short' } })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('settings of the service commands', () => {
  it('reads Redis addresses and refuses others', () => {
    expect(redisConnection('redis://:pw@10.0.0.5:6380/2')).toMatchObject({ host: '10.0.0.5', port: 6380, password: 'pw', db: 2 });
    expect(() => redisConnection('http://x')).toThrow('--redis http://x: expected a redis:// or rediss:// address');
  });

  it('takes a shared folder or an S3 bucket and prefix as the store', () => {
    expect(sharedStore('/srv/briefing').cacheDirectory).toBe(join('/srv/briefing', '.cache'));
    expect(sharedStore('/srv/briefing').s3).toBeUndefined();
    expect(sharedStore('s3://shows/daily/news/', { env: {} }).s3).toEqual({ bucket: 'shows', prefix: 'daily/news', region: 'us-east-1' });
    expect(sharedStore('s3://shows', { endpoint: 'http://127.0.0.1:9000/', region: 'eu-west-3', env: {} }).s3).toEqual({ bucket: 'shows', prefix: '', endpoint: 'http://127.0.0.1:9000', region: 'eu-west-3' });
    expect(sharedStore('s3://shows', { env: { AWS_REGION: 'ap-south-1' } }).s3?.region).toBe('ap-south-1');
    expect(() => sharedStore('s3://Bad_Bucket/x')).toThrow('--store s3://Bad_Bucket/x: expected s3://bucket/prefix with a valid bucket name');
    expect(() => sharedStore('s3://shows/../x')).toThrow(/may not contain/);
    expect(() => sharedStore('gs://shows/x')).toThrow('--store gs://shows/x: expected a shared folder or s3://bucket/prefix');
    expect(() => sharedStore('/srv/briefing', { endpoint: 'http://127.0.0.1:9000' })).toThrow(/only for an s3:\/\/ store/);
    expect(() => sharedStore('/srv/briefing', { region: 'eu-west-3' })).toThrow(/--store-region: only for an s3:\/\/ store/);
    expect(sharedStore('s3://shows', { localCache: '/var/cache/pieces', env: {} }).cacheDirectory).toBe(resolve('/var/cache/pieces'));
  });
});

describe('completion webhooks', () => {
  it('are signed with HMAC-SHA256 over the timestamp and the body, and a refusal is an error to retry', async () => {
    const received: { body: string; signature: string; timestamp: string }[] = [];
    let status = 500;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ body, signature: String(request.headers[SIGNATURE_HEADER]), timestamp: String(request.headers[TIMESTAMP_HEADER]) });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const event = { type: 'episode.completed' as const, jobId: 'j1', episode: '2026-01-01-x', at: '2026-01-01T00:00:00.000Z' };
    try {
      await expect(deliverWebhook(url, event, 'secret')).rejects.toThrow('answered 500');
      status = 204;
      await deliverWebhook(url, event, 'secret');
    } finally {
      server.close();
    }
    const last = received.at(-1)!;
    expect(JSON.parse(last.body)).toEqual(event);
    expect(last.signature).toBe(`sha256=${createHmac('sha256', 'secret').update(`${last.timestamp}.${last.body}`).digest('hex')}`);
  });
});
