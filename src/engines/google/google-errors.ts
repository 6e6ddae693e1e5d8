import type { VendorFailure } from '../kit/engine-errors.js';
import { parseDurationSeconds } from '../../platform/retry-after.js';
import { plainTextMessage } from '../kit/vendor-request.js';

interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { '@type'?: string; retryDelay?: unknown }[];
  };
}

/**
 * Reads Google's error body (`google.rpc.Status` in JSON:
 * `{ "error": { "code", "message", "status", "details" } }`), taking the wait
 * from a `RetryInfo` detail when there is one.
 */
export function readGoogleError(status: number, statusText: string, body: string): VendorFailure {
  let parsed: GoogleErrorBody | undefined;
  try {
    parsed = JSON.parse(body) as GoogleErrorBody;
  } catch {
    parsed = undefined;
  }
  const error = parsed?.error;
  if (!error || typeof error.message !== 'string') return { status, message: plainTextMessage(body, statusText) };
  const retryInfo = error.details?.find((detail) => detail['@type']?.endsWith('google.rpc.RetryInfo'));
  const retryAfterMs = parseDurationSeconds(retryInfo?.retryDelay);
  return {
    status,
    message: error.status ? `${error.message} [${error.status}]` : error.message,
    ...(error.status ? { code: error.status } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** Reads an OAuth 2.0 token endpoint error (`{ "error", "error_description" }`, RFC 6749 §5.2). */
export function readOAuthError(status: number, statusText: string, body: string): VendorFailure {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; error_description?: unknown };
    if (typeof parsed.error === 'string') {
      const description = typeof parsed.error_description === 'string' ? `: ${parsed.error_description}` : '';
      return { status, message: `token exchange failed: ${parsed.error}${description}`, code: parsed.error };
    }
  } catch {
    // not JSON: fall through to the plain text
  }
  return { status, message: `token exchange failed: ${plainTextMessage(body, statusText)}` };
}

/** True when Google rejected the request because the named voice does not exist. */
export function isGoogleVoiceUnknown(failure: VendorFailure): boolean {
  return failure.status === 400 && /voice/i.test(failure.message) && /(does not exist|not exist|not found|unknown)/i.test(failure.message);
}
