import type { VendorFailure } from '../kit/engine-errors.js';
import { plainTextMessage } from '../kit/vendor-request.js';

/**
 * Reads ElevenLabs' error body: `{ "detail": { "status", "message" } }` for API
 * errors (e.g. `invalid_api_key`, `voice_not_found`, `quota_exceeded`,
 * `too_many_concurrent_requests`), or FastAPI's validation list
 * `{ "detail": [ { "loc", "msg", "type" } ] }` for 422.
 */
export function readElevenLabsError(status: number, statusText: string, body: string): VendorFailure {
  let detail: unknown;
  try {
    detail = (JSON.parse(body) as { detail?: unknown }).detail;
  } catch {
    detail = undefined;
  }
  if (typeof detail === 'string' && detail !== '') return { status, message: detail };
  if (Array.isArray(detail)) {
    const messages = detail
      .map((item: { loc?: unknown; msg?: unknown }) => {
        const where = Array.isArray(item.loc) ? item.loc.join('.') : undefined;
        return typeof item.msg === 'string' ? (where ? `${where}: ${item.msg}` : item.msg) : undefined;
      })
      .filter((message): message is string => message !== undefined);
    if (messages.length > 0) return { status, message: messages.join('; ') };
  }
  if (detail && typeof detail === 'object') {
    const { status: code, message } = detail as { status?: unknown; message?: unknown };
    if (typeof message === 'string') {
      return {
        status,
        message: typeof code === 'string' ? `${message} [${code}]` : message,
        ...(typeof code === 'string' ? { code } : {}),
      };
    }
  }
  return { status, message: plainTextMessage(body, statusText) };
}

/** True when ElevenLabs answered that the voice does not exist. */
export function isElevenLabsVoiceUnknown(failure: VendorFailure): boolean {
  return failure.code === 'voice_not_found' || failure.code === 'voice_does_not_exist';
}
