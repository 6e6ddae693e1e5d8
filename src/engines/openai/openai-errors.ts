import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { BriefingError } from '../../errors.js';
import {
  abortedError,
  networkFailureError,
  requestFailedError,
  voiceUnknownError,
  type VendorFailure,
} from '../kit/engine-errors.js';
import { redactSecrets } from '../kit/redact.js';
import { parseRetryAfter, parseRetryAfterMs } from '../../platform/retry-after.js';

const ENGINE = 'openai';

/**
 * Turns anything the OpenAI SDK throws into a `BriefingError`. API errors carry
 * the documented body `{ "error": { "message", "type", "param", "code" } }`;
 * the wait comes from `retry-after-ms` or `Retry-After`.
 */
export function toOpenAiError(
  error: unknown,
  signal: AbortSignal | undefined,
  secrets: readonly (string | undefined)[],
  timeoutMs: number,
): BriefingError {
  if (error instanceof BriefingError) return error;
  if (signal?.aborted || error instanceof APIUserAbortError) return abortedError(ENGINE, error);
  if (error instanceof APIConnectionTimeoutError) return networkFailureError(ENGINE, error, signal, secrets, timeoutMs);
  if (error instanceof APIConnectionError) return networkFailureError(ENGINE, error.cause ?? error, signal, secrets);
  if (error instanceof APIError && typeof error.status === 'number') {
    const body = error.error as { message?: unknown } | undefined;
    const message = typeof body?.message === 'string' && body.message !== '' ? body.message : error.message;
    const headers = error.headers;
    const retryAfterMs =
      parseRetryAfterMs(headers?.get('retry-after-ms')) ?? parseRetryAfter(headers?.get('retry-after'));
    const failure: VendorFailure = {
      status: error.status,
      message: typeof error.code === 'string' ? `${message} [${error.code}]` : message,
      ...(typeof error.code === 'string' ? { code: error.code } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
    if (error.status === 400 && (error.param === 'voice' || /\bvoice\b/i.test(message))) {
      return voiceUnknownError(ENGINE, failure, secrets, error);
    }
    return requestFailedError(ENGINE, failure, secrets, error);
  }
  const text = error instanceof Error ? error.message : String(error);
  return new BriefingError('ENGINE_REQUEST_FAILED', `${ENGINE}: ${redactSecrets(text, secrets)}`, { cause: error });
}
