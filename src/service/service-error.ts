/** Stable codes of the HTTP API's refusals; a code never changes meaning once released. */
export type ApiErrorCode =
  | 'MALFORMED_JSON'
  | 'INVALID_REQUEST'
  | 'UNKNOWN_OPTION'
  | 'OPTION_NOT_ALLOWED'
  | 'UNSUPPORTED_URL'
  /** A url, feed or webhook whose host is (or resolves to) a private, loopback, link-local or other non-public address. */
  | 'URL_NOT_ALLOWED'
  /** A webhook asked of a server that has no webhook secret to sign it with. */
  | 'WEBHOOKS_DISABLED'
  | 'KEY_MISSING'
  | 'KEY_INVALID'
  | 'RATE_LIMITED'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'JOB_NOT_FOUND'
  | 'JOB_FINISHED'
  | 'EPISODE_NOT_READY'
  | 'EPISODE_NOT_FOUND'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'SERVER_ERROR';

/** A refused API request: its HTTP status, a stable code and a one-line message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}
