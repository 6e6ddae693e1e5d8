import type { VendorFailure } from '../kit/engine-errors.js';
import { plainTextMessage } from '../kit/vendor-request.js';

/**
 * Reads an Azure Speech error answer. The text-to-speech REST API documents
 * its failures by status (400, 401, 415, 429, 502, 503) and usually sends an
 * empty body; when a body is present it is either the Cognitive Services JSON
 * shape `{ "error": { "code", "message" } }` or plain text.
 */
export function readAzureError(status: number, statusText: string, body: string): VendorFailure {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown }; message?: unknown };
    const message = parsed.error?.message ?? parsed.message;
    if (typeof message === 'string' && message.trim() !== '') {
      const code = typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
      return { status, message: code ? `${message} [${code}]` : message, ...(code ? { code } : {}) };
    }
  } catch {
    // not JSON: use the text
  }
  return { status, message: plainTextMessage(body, statusText || describeAzureStatus(status)) };
}

/** The documented meaning of each text-to-speech status, for empty answers. */
function describeAzureStatus(status: number): string {
  switch (status) {
    case 400:
      return 'Bad request: a required parameter is missing, empty or invalid';
    case 401:
      return 'Unauthorized: check the speech key and region';
    case 415:
      return 'Unsupported media type';
    case 429:
      return 'Too many requests: quota or rate exceeded';
    case 502:
      return 'Bad gateway';
    case 503:
      return 'Service unavailable';
    default:
      return `HTTP ${status}`;
  }
}

/** True when Azure rejected the request because of the voice name. */
export function isAzureVoiceUnknown(failure: VendorFailure): boolean {
  return failure.status === 400 && /voice/i.test(failure.message) && /(not found|unsupported|not supported|unknown|invalid)/i.test(failure.message);
}
