import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/sources/index.js';
import { withWarningsAsync } from '../helpers/with-warnings.js';
import { answer, refusedAddress, startLocalServer, type LocalServer } from './local-server.js';
import { articlePage } from './source-fixtures.js';
import { failure } from '../helpers/expect-error.js';

const MB = 1024 * 1024;
let server: LocalServer;
/** Bytes the 50 MB routes managed to send before the client stopped reading. */
const sent: Record<string, Promise<number>> = {};

async function streamBytes(response: ServerResponse, total: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let written = 0;
  while (written < total && !response.destroyed) {
    written += chunk.length;
    if (!response.write(chunk)) await drainedOrClosed(response);
  }
  if (!response.destroyed) response.end();
  return written;
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

beforeAll(async () => {
  server = await startLocalServer({
    '/news/story': answer(
      articlePage('Lighthouse keeper retires after forty years', [
        'The keeper of the Carrick Point lighthouse has retired after forty years, handing the keys to the coastguard on Saturday.',
        'He climbed the 132 steps to the lamp room every evening, and kept a logbook of every ship he saw pass.',
      ], '<h2>A light that stays on</h2><p>The lamp itself will keep turning: it has been automatic since 1998, and the coastguard will check it monthly.</p>'),
      'text/html; charset=utf-8',
    ),
    '/old-address': (_request, response) => {
      response.writeHead(301, { Location: '/news/story' }).end();
    },
    '/latin': answer(
      Buffer.concat([
        Buffer.from('<!doctype html><html><head><title>Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' opens</title></head><body><article><h1>Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' opens</h1><p>The owner'),
        Buffer.from([0x92]),
        Buffer.from('s first customer arrived at dawn, long before the doors opened at seven in the morning.</p></article></body></html>'),
      ]),
      'text/html; charset=windows-1252',
    ),
    '/silent': () => {
      // Accepts the request and never answers.
    },
    '/huge': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      sent['/huge'] = streamBytes(response, 50 * MB);
    },
    '/huge-declared': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(50 * MB) });
      sent['/huge-declared'] = streamBytes(response, 50 * MB);
    },
    '/picture': answer(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image/png'),
    '/unavailable': answer('try later', 'text/plain', 503),
  });
});

afterAll(async () => {
  await server.close();
});

describe('web page input', () => {
  it("reads the page's main content, with the page address as url", async () => {
    const url = `${server.url}/news/story`;
    const { articles, warnings } = await withWarningsAsync((context) => readSources([url], { context }));
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article).toMatchObject({ title: 'Lighthouse keeper retires after forty years', url, source: url, language: 'en' });
    expect(article!.body.map((node) => `${node.type}: ${node.text}`)).toEqual([
      'paragraph: The keeper of the Carrick Point lighthouse has retired after forty years, handing the keys to the coastguard on Saturday.',
      'paragraph: He climbed the 132 steps to the lamp room every evening, and kept a logbook of every ship he saw pass.',
      'heading: A light that stays on',
      'paragraph: The lamp itself will keep turning: it has been automatic since 1998, and the coastguard will check it monthly.',
    ]);
  });

  it('sends the briefing User-Agent, or the one given', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    server.requests.length = 0;
    await readSources([`${server.url}/news/story`]);
    await readSources([`${server.url}/news/story`], { userAgent: 'custom-agent/2' });
    expect(server.requests.map((request) => request.headers['user-agent'])).toEqual([
      `briefing/${version} (+podcast briefing generator)`,
      'custom-agent/2',
    ]);
  });

  it('follows redirects and keeps the final address as url', async () => {
    const { articles } = await readSources([`${server.url}/old-address`]);
    expect(articles[0]).toMatchObject({ url: `${server.url}/news/story`, source: `${server.url}/old-address` });
  });

  it('decodes the charset the server declares', async () => {
    const { articles } = await readSources([`${server.url}/latin`]);
    expect(articles[0]!.title).toBe('Café opens');
    expect(articles[0]!.body[0]!.text).toMatch(/^The owner’s first customer/);
  });
});

describe('web input errors', () => {
  it('says when the server does not answer in time', async () => {
    const url = `${server.url}/silent`;
    expect(await failure(readSources([url], { timeoutMs: 300 }))).toEqual({ code: 'INPUT_FETCH_FAILED', message: `${url}: no answer within 0.3 s` });
  });

  it('names the HTTP status', async () => {
    const url = `${server.url}/nowhere`;
    expect(await failure(readSources([url]))).toEqual({ code: 'INPUT_FETCH_FAILED', message: `${url}: HTTP 404 Not Found` });
    const error = await readSources([`${server.url}/unavailable`]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INPUT_FETCH_FAILED', message: `${server.url}/unavailable: HTTP 503 Service Unavailable`, retryable: true });
  });

  it('stops reading a streamed 50 MB answer past 10 MB', async () => {
    const url = `${server.url}/huge`;
    expect(await failure(readSources([url]))).toEqual({ code: 'INPUT_TOO_LARGE', message: `${url}: larger than 10 MB` });
    // The connection was dropped: the server could not push much past the limit.
    expect(await sent['/huge']).toBeLessThan(30 * MB);
  });

  it('refuses a declared 50 MB answer before reading it', async () => {
    const url = `${server.url}/huge-declared`;
    expect(await failure(readSources([url]))).toEqual({ code: 'INPUT_TOO_LARGE', message: `${url}: larger than 10 MB` });
    expect(await sent['/huge-declared']).toBeLessThan(10 * MB);
  });

  it('applies a smaller maxBytes', async () => {
    const url = `${server.url}/news/story`;
    expect(await failure(readSources([url], { maxBytes: 512 }))).toEqual({ code: 'INPUT_TOO_LARGE', message: `${url}: larger than 512 bytes` });
  });

  it('says when nothing listens at the address', async () => {
    const url = await refusedAddress();
    expect(await failure(readSources([url]))).toEqual({ code: 'INPUT_FETCH_FAILED', message: `${url}: could not connect` });
  });

  it('refuses an answer that is not a page or a feed', async () => {
    const url = `${server.url}/picture`;
    expect(await failure(readSources([url]))).toEqual({ code: 'INPUT_NOT_TEXT', message: `${url}: is not a web page or feed (image/png)` });
  });

  it('gives one-line messages', async () => {
    const messages = await Promise.all(
      [`${server.url}/nowhere`, `${server.url}/huge-declared`, await refusedAddress()].map(async (url) => (await failure(readSources([url]))).message),
    );
    for (const message of messages) expect(message).not.toContain('\n');
  });
});
