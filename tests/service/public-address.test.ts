import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKind, checkPublicUrl, isPublicAddress, type ResolveHost } from '../../src/service/public-address.js';
import { publicOnlyFetch } from '../../src/service/public-only-fetch.js';

/** A resolver answering from a table, as a DNS server under the test's control would. */
function table(entries: Record<string, string[]>): ResolveHost {
  return async (hostname) => {
    const addresses = entries[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

describe('public addresses', () => {
  it('refuses loopback, private, link-local, metadata, shared and reserved addresses, IPv4 and IPv6', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.100.100.200', '0.0.0.0', '255.255.255.255', '224.0.0.1', '192.0.2.1', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', 'ff02::1']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('judges an IPv4-mapped or IPv4-embedding IPv6 address by what it carries or refuses it', () => {
    expect(addressKind('::ffff:127.0.0.1')).toBe('loopback');
    expect(addressKind('::ffff:7f00:1')).toBe('loopback');
    expect(addressKind('[::ffff:169.254.169.254]')).toBe('linkLocal');
    expect(isPublicAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isPublicAddress('64:ff9b::7f00:1')).toBe(false);
    expect(isPublicAddress('2002:7f00:1::')).toBe(false);
    expect(isPublicAddress('::ffff:93.184.216.34')).toBe(true);
  });

  it('accepts ordinary public addresses', () => {
    for (const address of ['93.184.216.34', '1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) expect(isPublicAddress(address), address).toBe(true);
    expect(addressKind('not an address')).toBeUndefined();
  });

  it('checks a URL by its literal address or by every address its name resolves to', async () => {
    const resolve = table({ 'news.example': ['93.184.216.34', '2606:4700:4700::1111'], 'mixed.example': ['93.184.216.34', '10.0.0.7'], 'inside.example': ['::ffff:127.0.0.1'] });
    await expect(checkPublicUrl('https://news.example/story', resolve)).resolves.toBeUndefined();
    await expect(checkPublicUrl('https://mixed.example/story', resolve)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED', message: expect.stringMatching(/^https:\/\/mixed\.example\/story: mixed\.example, which resolves to a private address \(10\.0\.0\.7\)/) });
    await expect(checkPublicUrl('http://inside.example/', resolve)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
    await expect(checkPublicUrl('http://169.254.169.254/latest/meta-data/', resolve)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED', message: expect.stringContaining('link-local') });
    await expect(checkPublicUrl('http://[::1]:8080/', resolve)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
    await expect(checkPublicUrl('http://[::ffff:7f00:1]/', resolve)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
    await expect(checkPublicUrl('http://2130706433/', resolve)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
  });
});

describe('a fetch that reaches allowed addresses only', () => {
  // Two servers on loopback: 127.0.0.1 plays the public internet, 127.0.0.2 the private network behind the worker.
  let outside: Server;
  let inside: Server;
  let outsidePort: number;
  let insidePort: number;
  let insideHits = 0;
  const guarded = publicOnlyFetch({
    resolveHost: table({ 'news.test': ['127.0.0.1'], 'rebound.test': ['127.0.0.2'], 'split.test': ['127.0.0.1', '127.0.0.2'] }),
    isAllowed: (address) => address === '127.0.0.1',
  });

  beforeAll(async () => {
    inside = createServer((_request, response) => {
      insideHits += 1;
      response.end('secret');
    });
    insidePort = await listen(inside, '127.0.0.2');
    outside = createServer((request, response) => {
      if (request.url === '/to-address') response.writeHead(302, { location: `http://127.0.0.2:${insidePort}/` }).end();
      else if (request.url === '/to-name') response.writeHead(301, { location: `http://rebound.test:${insidePort}/` }).end();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('public story');
    });
    outsidePort = await listen(outside, '127.0.0.1');
  });

  afterAll(async () => {
    await guarded.close();
    outside?.close();
    inside?.close();
  });

  it('fetches an allowed address, by name or literally', async () => {
    expect(await (await guarded.fetch(`http://news.test:${outsidePort}/story`)).text()).toBe('public story');
    expect(await (await guarded.fetch(`http://127.0.0.1:${outsidePort}/story`)).text()).toBe('public story');
  });

  it('refuses a refused address, a name resolving to one, any of several addresses, and redirects to either', async () => {
    await expect(guarded.fetch(`http://127.0.0.2:${insidePort}/`)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
    await expect(guarded.fetch(`http://rebound.test:${insidePort}/`)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED', message: expect.stringContaining('rebound.test, which resolves to a loopback address (127.0.0.2)') });
    await expect(guarded.fetch(`http://split.test:${outsidePort}/story`)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
    await expect(guarded.fetch(`http://news.test:${outsidePort}/to-address`)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED', message: expect.stringContaining('redirected to 127.0.0.2') });
    await expect(guarded.fetch(`http://news.test:${outsidePort}/to-name`)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED', message: expect.stringContaining('redirected to rebound.test') });
    expect(insideHits).toBe(0);
  });
});
