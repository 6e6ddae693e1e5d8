import { BriefingError } from '../../errors.js';
import { redactSecrets } from './redact.js';

/** What a vendor said about a failed request, parsed from its documented error body. */
export interface VendorFailure {
  /** HTTP status of the answer. */
  status: number;
  /** The vendor's own message (falls back to the HTTP status text). */
  message: string;
  /** The vendor's machine-readable code, when it sends one. */
  code?: string;
  /** How long the vendor asked us to wait, in milliseconds. */
  retryAfterMs?: number;
  /**
   * Overrides the status rule, for vendors that signal a temporary failure
   * with another status (Polly's `ThrottlingException` is an HTTP 400).
   */
  retryable?: boolean;
}

/** True for HTTP statuses worth repeating: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * The `ENGINE_REQUEST_FAILED` error for an HTTP answer that was not a success:
 * `<engine>: <vendor message> (HTTP <status>)`, retryable for 408, 429 and 5xx,
 * with secrets removed from the message.
 */
export function requestFailedError(
  engine: string,
  failure: VendorFailure,
  secrets: readonly (string | undefined)[],
  cause?: unknown,
): BriefingError {
  const retryable = failure.retryable ?? isRetryableStatus(failure.status);
  const message = redactSecrets(failure.message, secrets) || `HTTP ${failure.status}`;
  return new BriefingError('ENGINE_REQUEST_FAILED', `${engine}: ${message} (HTTP ${failure.status})`, {
    retryable,
    ...(retryable && failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The `VOICE_UNKNOWN` error: the vendor rejected the voice; never retryable. */
export function voiceUnknownError(
  engine: string,
  failure: VendorFailure,
  secrets: readonly (string | undefined)[],
  cause?: unknown,
): BriefingError {
  const message = redactSecrets(failure.message, secrets);
  return new BriefingError('VOICE_UNKNOWN', `${engine}: ${message} (HTTP ${failure.status})`, {
    retryable: false,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The `ABORTED` error an engine rejects with when its caller's signal fires. */
export function abortedError(engine: string, cause?: unknown): BriefingError {
  return new BriefingError('ABORTED', `${engine}: request aborted`, cause === undefined ? {} : { cause });
}

/** Throws {@link abortedError} when `signal` has already fired. */
export function throwIfAborted(engine: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(engine, signal.reason);
}

/**
 * The `ENGINE_CREDENTIALS_MISSING` error, one line naming both ways to give
 * the credential, e.g. `openai: no API key: pass --engine-option apiKey=… or set OPENAI_API_KEY`.
 *
 * @param engine - engine id
 * @param what - what is missing ("API key", "speech key", "region")
 * @param option - the `--engine-option` name
 * @param variables - the environment variable(s) that can hold it
 */
export function credentialsMissingError(engine: string, what: string, option: string, variables: string): BriefingError {
  return new BriefingError(
    'ENGINE_CREDENTIALS_MISSING',
    `${engine}: no ${what}: pass --engine-option ${option}=… or set ${variables}`,
  );
}

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'TimeoutError',
]);

/** The Node/undici error code of a network failure, looking through `cause` chains. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const record = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof record.code === 'string') return record.code;
    if (record.name === 'TimeoutError') return 'TimeoutError';
    current = record.cause;
  }
  return undefined;
}

/**
 * The error for a request that never got an HTTP answer: `ABORTED` when the
 * caller's signal fired, otherwise `ENGINE_REQUEST_FAILED`, retryable for
 * timeouts, resets and refused connections.
 */
export function networkFailureError(
  engine: string,
  error: unknown,
  signal: AbortSignal | undefined,
  secrets: readonly (string | undefined)[],
  timedOutAfterMs?: number,
): BriefingError {
  if (signal?.aborted) return abortedError(engine, error);
  if (timedOutAfterMs !== undefined) {
    return new BriefingError('ENGINE_REQUEST_FAILED', `${engine}: no answer within ${timedOutAfterMs} ms (timeout)`, {
      retryable: true,
      cause: error,
    });
  }
  const code = networkErrorCode(error);
  const detail = redactSecrets(describeNetworkError(error), secrets);
  return new BriefingError('ENGINE_REQUEST_FAILED', `${engine}: ${detail}`, {
    retryable: code === undefined || RETRYABLE_NETWORK_CODES.has(code),
    cause: error,
  });
}

function describeNetworkError(error: unknown): string {
  const code = networkErrorCode(error);
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause;
  const causeMessage = typeof cause?.message === 'string' ? cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const parts = [causeMessage && causeMessage !== message ? `${message}: ${causeMessage}` : message];
  if (code !== undefined && !parts[0]!.includes(code)) parts.push(`(${code})`);
  return `request failed: ${parts.join(' ')}`;
}
