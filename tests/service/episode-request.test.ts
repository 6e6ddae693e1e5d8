import { describe, expect, it } from 'vitest';
import { parseEpisodeRequest } from '../../src/service/episode-request.js';
import { ApiError } from '../../src/service/service-error.js';

function refusal(body: unknown): { code: string; message: string; status: number } {
  try {
    parseEpisodeRequest(body);
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, message: error.message, status: error.status };
    throw error;
  }
  throw new Error('accepted');
}

describe('parseEpisodeRequest', () => {
  it('accepts one article with options in the configuration file’s shape', () => {
    const now = new Date('2026-03-04T05:06:07Z');
    const data = parseEpisodeRequest({ markdown: '# Title\n\nBody.', title: 'Morning', options: { pauses: { betweenParagraphsMs: 300 }, engine: { id: 'flite' } } }, now);
    expect(data).toEqual({
      input: { kind: 'markdown', value: '# Title\n\nBody.' },
      title: 'Morning',
      options: { pauses: { betweenParagraphsMs: 300 }, engine: { id: 'flite' } },
      submittedAt: '2026-03-04T05:06:07.000Z',
    });
  });

  it('needs exactly one source', () => {
    expect(refusal({})).toMatchObject({ code: 'INVALID_REQUEST', status: 400 });
    expect(refusal({ text: 'a', html: '<p>b</p>' }).message).toContain('got text, html');
    expect(refusal({ text: '   ' })).toMatchObject({ code: 'INVALID_REQUEST', message: 'text: must not be empty' });
    expect(refusal([1])).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('refuses unknown fields and options by name', () => {
    expect(refusal({ text: 'a', speed: 2 })).toMatchObject({ code: 'UNKNOWN_OPTION', message: 'speed: unknown field' });
    expect(refusal({ text: 'a', options: { turbo: true } })).toMatchObject({ code: 'UNKNOWN_OPTION', message: 'options.turbo: unknown option' });
    expect(refusal({ text: 'a', options: { pauses: { betweenParagraphMs: 1 } } })).toMatchObject({ code: 'UNKNOWN_OPTION', message: 'options: pauses.betweenParagraphMs: unknown field' });
  });

  it('validates option values with the configuration schema', () => {
    expect(refusal({ text: 'a', options: { bitrateKbps: 33 } })).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(refusal({ text: 'a', options: { bitrateKbps: 33 } }).message).toContain('bitrateKbps: expected one of 32');
  });

  it('keeps the server’s settings, files and programs out of a caller’s reach', () => {
    for (const section of ['output', 'show', 'lexicon', 'music', 'prices', 'keep']) {
      expect(refusal({ text: 'a', options: { [section]: 'x' } })).toMatchObject({ code: 'OPTION_NOT_ALLOWED' });
    }
    expect(refusal({ text: 'a', options: { engine: { id: './evil.js' } } })).toMatchObject({ code: 'OPTION_NOT_ALLOWED' });
    expect(refusal({ text: 'a', options: { engine: { id: 'command' } } })).toMatchObject({ code: 'OPTION_NOT_ALLOWED' });
    // Where a cloud engine's requests go, and with whose credentials, is the server's choice: else its keys would go to the caller's address.
    for (const name of ['endpoint', 'baseURL', 'apiKey', 'region', 'credentialsFile']) {
      expect(refusal({ text: 'a', options: { engine: { id: 'openai', options: { [name]: 'http://169.254.169.254/' } } } }), name).toMatchObject({ code: 'OPTION_NOT_ALLOWED', message: `options.engine.options.${name}: set by the server, not by a request` });
    }
    expect(parseEpisodeRequest({ text: 'a', options: { engine: { id: 'flite', options: { voice: 'slt' } } } }).options).toEqual({ engine: { id: 'flite', options: { voice: 'slt' } } });
  });

  it('takes only http and https addresses', () => {
    expect(refusal({ url: 'file:///etc/passwd' })).toMatchObject({ code: 'UNSUPPORTED_URL' });
    expect(refusal({ feed: 'ftp://example.org/feed' })).toMatchObject({ code: 'UNSUPPORTED_URL' });
    expect(refusal({ url: 'http://user:secret@example.org/' })).toMatchObject({ code: 'UNSUPPORTED_URL' });
    expect(refusal({ text: 'a', webhook: 'javascript:alert(1)' })).toMatchObject({ code: 'UNSUPPORTED_URL' });
    expect(parseEpisodeRequest({ feed: 'https://example.org/feed.xml' }).input).toEqual({ kind: 'feed', value: 'https://example.org/feed.xml' });
  });
});
