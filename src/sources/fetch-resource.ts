import { BriefingError } from '../errors.js';
import { abortedError, httpStatusError, networkError, responseTooLargeError, timeoutError } from './fetch-errors.js';

/** How {@link fetchResource} fetches. */
export interface FetchSettings {
  /** The fetch implementation (injected in tests and behind proxies). */
  fetch: typeof fetch;
  /** Limit for the whole request, body included, in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, in bytes (after decompression). */
  maxBytes: number;
  /** `User-Agent` header. */
  userAgent: string;
  /** Stops the request when aborted. */
  signal?: AbortSignal;
}

/** A fetched response body with what is needed to read it. */
export interface FetchedResource {
  /** The address as asked for. */
  url: string;
  /** The address the answer came from, after redirects. */
  finalUrl: string;
  /** Media type of the `Content-Type` header, lower case, without parameters; '' when absent. */
  mediaType: string;
  /** `charset` parameter of the `Content-Type` header, when present. */
  charset?: string;
  /** The body. */
  bytes: Uint8Array;
}

const ACCEPT =
  'text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/xml;q=0.8,text/*;q=0.7,*/*;q=0.5';

/**
 * Fetches an http(s) address: follows redirects, sends the `User-Agent`,
 * checks the status, and reads the body as a stream that stops as soon as it
 * passes `maxBytes`, all within `timeoutMs`.
 *
 * @throws BriefingError with a one-line message starting with `url`:
 *   `INPUT_FETCH_FAILED` ("HTTP 404 Not Found", "no answer within 15 s",
 *   "could not connect", ...), `INPUT_TOO_LARGE` ("larger than 10 MB"),
 *   `ABORTED` when `signal` fires
 */
export async function fetchResource(url: string, settings: FetchSettings): Promise<FetchedResource> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const stop = () => controller.abort();
  settings.signal?.addEventListener('abort', stop, { once: true });
  if (settings.signal?.aborted) controller.abort();
  const failure = (error: unknown): BriefingError => {
    if (error instanceof BriefingError) return error;
    if (timedOut) return timeoutError(url, settings.timeoutMs, error);
    if (settings.signal?.aborted) return abortedError(url, error);
    return networkError(url, error);
  };
  try {
    let response: Response;
    try {
      response = await settings.fetch(url, {
        headers: { 'User-Agent': settings.userAgent, Accept: ACCEPT },
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (error) {
      throw failure(error);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw httpStatusError(url, response.status, response.statusText, response.headers.get('retry-after'));
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > settings.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw responseTooLargeError(url, settings.maxBytes);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(response, url, settings.maxBytes);
    } catch (error) {
      throw failure(error);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const resource: FetchedResource = {
      url,
      finalUrl: response.url || url,
      mediaType: (contentType.split(';')[0] ?? '').trim().toLowerCase(),
      bytes,
    };
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1];
    if (charset) resource.charset = charset.toLowerCase();
    return resource;
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener('abort', stop);
  }
}

/** Reads the body chunk by chunk; past `maxBytes` it cancels the stream (closing the connection) and fails. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw responseTooLargeError(url, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
