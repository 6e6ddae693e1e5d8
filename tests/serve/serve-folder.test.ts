import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import { parseRange, serveFolder, type ServedFolder } from '../../src/serve/index.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An HTTP request with the path sent exactly as given (no client-side normalization of `..`). */
function send(server: ServedFolder, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { port, hostname } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

let base: string;
let folder: string;
let server: ServedFolder;
const audio = randomBytes(10_000);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'briefing-serve-'));
  folder = join(base, 'output');
  const episode = join(folder, '2025-03-01-story');
  await mkdir(episode, { recursive: true });
  await writeFile(join(episode, 'episode.mp3'), audio);
  await writeFile(join(episode, 'episode.vtt'), 'WEBVTT\n');
  await writeFile(join(episode, 'episode.srt'), '1\n00:00:00,000 --> 00:00:01,000\nHi\n');
  await writeFile(join(episode, 'transcript.txt'), 'Hi\n');
  await writeFile(join(episode, 'chapters.json'), '{"version":"1.2.0","chapters":[]}\n');
  await writeFile(join(episode, 'index.html'), '<!DOCTYPE html><title>Episode</title>');
  await writeFile(join(folder, 'index.html'), '<!DOCTYPE html><title>Show</title>');
  await writeFile(join(folder, 'feed.xml'), '<?xml version="1.0"?><rss version="2.0"/>');
  await writeFile(join(folder, 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(folder, 'cover.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  await writeFile(join(folder, '.feed.xml.lock'), 'lock');
  await writeFile(join(base, 'secret.txt'), 'outside the folder');
  await symlink(join(base, 'secret.txt'), join(folder, 'link-out.txt'));
  await symlink(base, join(folder, 'dir-out'));
  await symlink(join(episode, 'transcript.txt'), join(folder, 'link-in.txt'));
  server = await serveFolder(folder);
});

afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

describe('serveFolder', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves files with their content types', async () => {
    const expected: [string, string][] = [
      ['/2025-03-01-story/episode.mp3', 'audio/mpeg'],
      ['/2025-03-01-story/episode.vtt', 'text/vtt; charset=utf-8'],
      ['/2025-03-01-story/episode.srt', 'application/x-subrip; charset=utf-8'],
      ['/2025-03-01-story/transcript.txt', 'text/plain; charset=utf-8'],
      ['/2025-03-01-story/chapters.json', 'application/json; charset=utf-8'],
      ['/2025-03-01-story/index.html', 'text/html; charset=utf-8'],
      ['/feed.xml', 'application/rss+xml; charset=utf-8'],
      ['/cover.png', 'image/png'],
      ['/cover.jpg', 'image/jpeg'],
    ];
    for (const [path, type] of expected) {
      const reply = await send(server, path);
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type'], path).toBe(type);
      expect(reply.headers['accept-ranges'], path).toBe('bytes');
    }
    const mp3 = await send(server, '/2025-03-01-story/episode.mp3');
    expect(mp3.body.equals(audio)).toBe(true);
    expect(mp3.headers['content-length']).toBe(String(audio.length));
  });

  it('serves index.html for folders and redirects a folder without its slash', async () => {
    expect((await send(server, '/')).body.toString()).toContain('<title>Show</title>');
    expect((await send(server, '/2025-03-01-story/')).body.toString()).toContain('<title>Episode</title>');
    const redirect = await send(server, '/2025-03-01-story');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/2025-03-01-story/');
  });

  it('serves a byte range with exactly the requested bytes', async () => {
    const reply = await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=100-1099' } });
    expect(reply.status).toBe(206);
    expect(reply.headers['content-range']).toBe(`bytes 100-1099/${audio.length}`);
    expect(reply.headers['content-length']).toBe('1000');
    expect(reply.body.equals(audio.subarray(100, 1100))).toBe(true);
  });

  it('serves open-ended and suffix ranges', async () => {
    const open = await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=9000-' } });
    expect(open.status).toBe(206);
    expect(open.headers['content-range']).toBe(`bytes 9000-9999/${audio.length}`);
    expect(open.body.equals(audio.subarray(9000))).toBe(true);

    const suffix = await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=-500' } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers['content-range']).toBe(`bytes 9500-9999/${audio.length}`);
    expect(suffix.body.equals(audio.subarray(-500))).toBe(true);

    const clamped = await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=9990-20000' } });
    expect(clamped.status).toBe(206);
    expect(clamped.body.equals(audio.subarray(9990))).toBe(true);
  });

  it('answers 416 for a range outside the file', async () => {
    const reply = await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=10000-10010' } });
    expect(reply.status).toBe(416);
    expect(reply.headers['content-range']).toBe(`bytes */${audio.length}`);
    expect((await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=-0' } })).status).toBe(416);
  });

  it('ignores a malformed range and sends the whole file', async () => {
    const reply = await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=50-10' } });
    expect(reply.status).toBe(200);
    expect(reply.body.length).toBe(audio.length);
  });

  it('honours If-Range: a current validator gets the range, a stale one the whole file', async () => {
    const head = await send(server, '/2025-03-01-story/episode.mp3', { method: 'HEAD' });
    const etag = String(head.headers.etag);
    const current = await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=0-9', 'If-Range': etag } });
    expect(current.status).toBe(206);
    const stale = await send(server, '/2025-03-01-story/episode.mp3', { headers: { Range: 'bytes=0-9', 'If-Range': '"old"' } });
    expect(stale.status).toBe(200);
    const notModified = await send(server, '/2025-03-01-story/episode.mp3', { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const reply = await send(server, '/2025-03-01-story/episode.mp3', { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String(audio.length));
    expect(reply.headers['content-type']).toBe('audio/mpeg');
    expect(reply.body.length).toBe(0);
    const ranged = await send(server, '/2025-03-01-story/episode.mp3', { method: 'HEAD', headers: { Range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-length']).toBe('100');
    expect(ranged.body.length).toBe(0);
  });

  it('never serves anything outside the folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/2025-03-01-story/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/2025-03-01-story/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/link-out.txt',
      '/dir-out/secret.txt',
      '/%00secret.txt',
      '/.feed.xml.lock',
    ];
    for (const path of attempts) {
      const reply = await send(server, path);
      expect([400, 403, 404], path).toContain(reply.status);
      expect(reply.body.toString(), path).not.toContain('outside the folder');
    }
    expect((await send(server, '/../secret.txt')).status).toBe(403);
    expect((await send(server, '/link-out.txt')).status).toBe(403);
    expect((await send(server, '/link-in.txt')).status).toBe(200);
  });

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await send(server, '/nothing.mp3')).status).toBe(404);
    const post = await send(server, '/feed.xml', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('fails clearly for a missing folder and a port in use', async () => {
    await expect(serveFolder(join(base, 'missing'))).rejects.toSatisfy((error) => isBriefingError(error, 'INPUT_NOT_FOUND'));
    const port = Number(new URL(server.url).port);
    await expect(serveFolder(folder, { port })).rejects.toSatisfy((error) => isBriefingError(error, 'OUTPUT_FAILED') && /in use/.test((error as Error).message));
  });
});

describe('parseRange', () => {
  it('reads the three forms and refuses what does not fit', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=0-0', 100)).toEqual({ kind: 'partial', start: 0, end: 0 });
    expect(parseRange('bytes=10-', 100)).toEqual({ kind: 'partial', start: 10, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-1000', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=abc', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=200-300,400-', 100)).toEqual({ kind: 'unsatisfiable' });
  });
});
