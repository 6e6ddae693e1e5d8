import { STATUS_CODES } from 'node:http';
import { BriefingError } from '../errors.js';
import { oneLineAtMost } from '../platform/plain-text.js';
import { parseRetryAfter } from '../platform/retry-after.js';
import { formatByteSize, formatSeconds } from './byte-size.js';

/**
 * `INPUT_FETCH_FAILED` for an answer that is not 2xx: "<url>: HTTP 404 Not Found".
 * 429 and 5xx are retryable, after the answer's `Retry-After` when it has one.
 *
 * @param now - the current time in milliseconds since the epoch, for a `Retry-After` date
 */
export function httpStatusError(url: string, status: number, statusText: string, retryAfter: string | null, now: number = Date.now()): BriefingError {
  const reason = statusText.trim() || STATUS_CODES[status] || '';
  const retryable = status === 429 || status >= 500;
  const retryAfterMs = retryable ? parseRetryAfter(retryAfter, now) : undefined;
  return new BriefingError('INPUT_FETCH_FAILED', `${url}: HTTP ${status}${reason ? ` ${oneLineAtMost(reason, 200)}` : ''}`, {
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** `INPUT_TOO_LARGE`: "<url>: larger than 10 MB". */
export function responseTooLargeError(url: string, maxBytes: number): BriefingError {
  return new BriefingError('INPUT_TOO_LARGE', `${url}: larger than ${formatByteSize(maxBytes)}`);
}

/** `INPUT_FETCH_FAILED`, retryable: "<url>: no answer within 15 s". */
export function timeoutError(url: string, timeoutMs: number, cause?: unknown): BriefingError {
  return new BriefingError('INPUT_FETCH_FAILED', `${url}: no answer within ${formatSeconds(timeoutMs)}`, { cause, retryable: true });
}

/** `ABORTED`: the caller's signal stopped the request. */
export function abortedError(url: string, cause?: unknown): BriefingError {
  return new BriefingError('ABORTED', `${url}: stopped`, { cause });
}

/**
 * `INPUT_FETCH_FAILED` for a request that got no HTTP answer, worded from the
 * network error underneath fetch's generic "fetch failed":
 * "<url>: could not connect", "<url>: host not found", ...
 */
export function networkError(url: string, error: unknown): BriefingError {
  const code = errorCode(error);
  const reason = describeNetworkFailure(code, error);
  const retryable = code !== undefined && RETRYABLE_CODES.has(code);
  return new BriefingError('INPUT_FETCH_FAILED', `${url}: ${reason}`, { cause: error, retryable });
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

function describeNetworkFailure(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'could not connect';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed before the answer was complete';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'could not connect (timed out)';
    default:
      break;
  }
  if (code !== undefined && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `secure connection refused (${code})`;
  const message = deepestMessage(error);
  if (/redirect/i.test(message)) return 'too many redirects';
  return `could not be fetched${code ? ` (${code})` : message ? ` (${oneLineAtMost(message, 200)})` : ''}`;
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested) && nested.length > 0) {
      current = nested[0];
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function deepestMessage(error: unknown): string {
  let message = '';
  for (let current = error, depth = 0; current instanceof Error && depth < 6; depth++) {
    message = current.message;
    current = current.cause;
  }
  return message;
}
