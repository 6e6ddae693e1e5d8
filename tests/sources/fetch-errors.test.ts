import { describe, expect, it } from 'vitest';
import { httpStatusError } from '../../src/sources/fetch-errors.js';

describe('httpStatusError', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('reads Retry-After as seconds or as an HTTP-date against the given clock', () => {
    expect(httpStatusError('https://example.test/a', 429, 'Too Many Requests', '7', now).retryAfterMs).toBe(7000);
    expect(httpStatusError('https://example.test/a', 503, '', 'Sun, 01 Mar 2026 12:00:45 GMT', now).retryAfterMs).toBe(45_000);
    expect(httpStatusError('https://example.test/a', 503, '', 'Sun, 01 Mar 2026 11:00:00 GMT', now).retryAfterMs).toBe(0);
    expect(httpStatusError('https://example.test/a', 503, '', 'later', now).retryAfterMs).toBeUndefined();
  });

  it('keeps no wait on an answer that is not worth retrying, and says the status on one line', () => {
    const error = httpStatusError('https://example.test/a', 404, 'Not\nFound', '7', now);
    expect(error).toMatchObject({ code: 'INPUT_FETCH_FAILED', retryable: false, message: 'https://example.test/a: HTTP 404 Not Found' });
    expect(error.retryAfterMs).toBeUndefined();
  });
});
