import { BriefingError } from '../../errors.js';
import {
  networkFailureError,
  requestFailedError,
  throwIfAborted,
  voiceUnknownError,
  type VendorFailure,
} from './engine-errors.js';
import { parseRetryAfter } from '../../platform/retry-after.js';

/** Reads a vendor's documented error body into a {@link VendorFailure}. */
export type VendorErrorReader = (status: number, statusText: string, body: string, headers: Headers) => VendorFailure;

/**
 * Decides whether a failure means the voice does not exist; such failures
 * become `VOICE_UNKNOWN` instead of `ENGINE_REQUEST_FAILED`.
 */
export type VoiceUnknownTest = (failure: VendorFailure) => boolean;

/** One HTTP call to a vendor. */
export interface VendorRequest {
  /** Engine id, the prefix of every error message. */
  engine: string;
  /** `EngineOptions.fetch ?? globalThis.fetch`. */
  fetch: typeof fetch;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** The caller's signal: aborting it cancels the request and rejects with `ABORTED`. */
  signal?: AbortSignal;
  /** Give up (retryably) when the whole exchange takes longer. */
  timeoutMs: number;
  /** Parses the vendor's error body. */
  readError: VendorErrorReader;
  /** Values that must never appear in an error message. */
  secrets: readonly (string | undefined)[];
  /** Maps "no such voice" answers to `VOICE_UNKNOWN`. */
  isVoiceUnknown?: VoiceUnknownTest;
}

/** A successful answer, fully read. */
export interface VendorResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/**
 * Sends one request and reads the whole answer. Every failure becomes a
 * `BriefingError`: `ABORTED` when the caller aborts, `ENGINE_REQUEST_FAILED`
 * (retryable or not, with `retryAfterMs`) for network failures and error
 * statuses, `VOICE_UNKNOWN` when `isVoiceUnknown` says so.
 */
export async function sendVendorRequest(request: VendorRequest): Promise<VendorResponse> {
  throwIfAborted(request.engine, request.signal);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  let body: Uint8Array;
  try {
    response = await request.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
    });
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const timedOut = timeout.aborted && !request.signal?.aborted;
    throw networkFailureError(request.engine, error, request.signal, request.secrets, timedOut ? request.timeoutMs : undefined);
  }
  if (response.ok) return { status: response.status, headers: response.headers, body };
  const text = new TextDecoder().decode(body);
  const failure = request.readError(response.status, response.statusText, text, response.headers);
  const retryAfterMs = failure.retryAfterMs ?? parseRetryAfter(response.headers.get('retry-after'));
  const withRetryAfter: VendorFailure = { ...failure, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  const cause = new Error(`HTTP ${response.status}`);
  if (request.isVoiceUnknown?.(withRetryAfter)) {
    throw voiceUnknownError(request.engine, withRetryAfter, request.secrets, cause);
  }
  throw requestFailedError(request.engine, withRetryAfter, request.secrets, cause);
}

/** Parses a JSON answer body, turning malformed JSON into a final `ENGINE_REQUEST_FAILED`. */
export function parseJsonBody(engine: string, body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    throw new BriefingError('ENGINE_REQUEST_FAILED', `${engine}: the answer was not valid JSON`, { cause: error });
  }
}

/** The first line of a text body, or the HTTP status text when the body is empty. */
export function plainTextMessage(body: string, statusText: string): string {
  const line = body.split(/\r?\n/).find((candidate) => candidate.trim() !== '');
  return line?.trim() || statusText || 'request failed';
}
