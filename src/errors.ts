/**
 * Stable error codes. A code never changes meaning once released; tools may
 * match on it.
 */
export type BriefingErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'INPUT_NOT_TEXT'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_FETCH_FAILED'
  /** A page or article with a headline but no body text to read. */
  | 'INPUT_NO_ARTICLE_TEXT'
  /** Every story in the inputs was briefed before: not a failure, nothing to do. */
  | 'NOTHING_NEW'
  | 'USAGE'
  | 'CONFIG_INVALID'
  | 'ENGINE_UNKNOWN'
  /** An engine option the engine does not know, or a value of the wrong type. */
  | 'ENGINE_OPTION_INVALID'
  | 'ENGINE_INVALID'
  | 'ENGINE_UNAVAILABLE'
  | 'ENGINE_CREDENTIALS_MISSING'
  | 'ENGINE_REQUEST_FAILED'
  | 'ENGINE_INPUT_TOO_LONG'
  | 'VOICE_UNKNOWN'
  | 'FFMPEG_FAILED'
  | 'OUTPUT_FAILED'
  /** The disk (or the user's quota) holding the output or the cache folder is full. */
  | 'DISK_FULL'
  /** A folder named as a cache holds no cache this program wrote. */
  | 'NOT_A_CACHE'
  /** The Redis server of service mode (`--redis`) cannot be reached. */
  | 'REDIS_UNAVAILABLE'
  /** A web address given to the service leads to a private, loopback, link-local or other non-public address. */
  | 'URL_NOT_ALLOWED'
  | 'ABORTED';

/** Options accepted by {@link BriefingError}. */
export interface BriefingErrorOptions {
  /** The underlying error, kept for `--verbose` output. */
  cause?: unknown;
  /** True when repeating the same request may succeed (timeouts, 429, 5xx). */
  retryable?: boolean;
  /** For retryable errors: how long the remote side asked us to wait. */
  retryAfterMs?: number;
  /** The file or folder the error is about, when there is one. */
  path?: string;
}

/**
 * Marks every `BriefingError`. A registered symbol is the same in every copy
 * of the package, so an engine built against another installed copy throws
 * errors this copy recognizes (`instanceof` alone would not).
 */
const BRIEFING_ERROR_BRAND = Symbol.for('briefing.error');

/**
 * The one error class of the project. Every failure a user can cause or meet
 * is a `BriefingError` with a stable {@link BriefingErrorCode}; the CLI prints
 * its message as one line.
 */
export class BriefingError extends Error {
  /** Stable machine-readable code. */
  readonly code: BriefingErrorCode;
  /** Whether the operation may succeed if tried again. */
  readonly retryable: boolean;
  /** Delay the remote side asked for before a retry, when it said. */
  readonly retryAfterMs?: number;
  /** The file or folder the error is about, when there is one. */
  readonly path?: string;
  private readonly [BRIEFING_ERROR_BRAND] = true;

  /** True for a `BriefingError` from any copy of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRIEFING_ERROR_BRAND] === true;
  }

  constructor(code: BriefingErrorCode, message: string, options: BriefingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BriefingError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.path !== undefined) this.path = options.path;
  }
}

/**
 * True when `error` is a {@link BriefingError} (from this or another copy of
 * the package), optionally of the given code.
 */
export function isBriefingError(error: unknown, code?: BriefingErrorCode): error is BriefingError {
  return error instanceof BriefingError && (code === undefined || error.code === code);
}
