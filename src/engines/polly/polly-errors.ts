import { BriefingError } from '../../errors.js';
import {
  abortedError,
  credentialsMissingError,
  networkFailureError,
  requestFailedError,
  voiceUnknownError,
  type VendorFailure,
} from '../kit/engine-errors.js';
import { parseRetryAfter } from '../../platform/retry-after.js';

const ENGINE = 'polly';

/** Polly exceptions that mean "try again later" whatever their HTTP status. */
const TEMPORARY_EXCEPTIONS = new Set(['ThrottlingException', 'ServiceFailureException', 'ServiceUnavailableException']);

/** The error for missing AWS credentials, naming every way to give them. */
export function pollyCredentialsMissing(): BriefingError {
  return credentialsMissingError(
    ENGINE,
    'AWS credentials',
    'accessKeyId=… --engine-option secretAccessKey',
    'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or configure an AWS profile)',
  );
}

/** The error for a missing AWS region. */
export function pollyRegionMissing(): BriefingError {
  return credentialsMissingError(ENGINE, 'AWS region', 'region', 'AWS_REGION');
}

interface AwsSdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

/**
 * Turns what the AWS SDK throws into a `BriefingError`. Service errors carry
 * Polly's documented body (`{ "message" }` with the exception name in
 * `x-amzn-ErrorType`); the SDK exposes them as `name`, `message` and `$metadata`.
 */
export function toPollyError(error: unknown, signal: AbortSignal | undefined, secrets: readonly (string | undefined)[]): BriefingError {
  if (error instanceof BriefingError) return error;
  if (signal?.aborted) return abortedError(ENGINE, error);
  const sdkError = (error ?? {}) as AwsSdkError;
  if (sdkError.name === 'AbortError') return abortedError(ENGINE, error);
  if (sdkError.name === 'CredentialsProviderError') return withCause(pollyCredentialsMissing(), error);
  if (typeof sdkError.message === 'string' && /region is missing/i.test(sdkError.message)) {
    return withCause(pollyRegionMissing(), error);
  }
  const status = sdkError.$metadata?.httpStatusCode ?? sdkError.$response?.statusCode;
  if (status === undefined) return networkFailureError(ENGINE, error, signal, secrets);
  const name = sdkError.name ?? 'Error';
  const message = sdkError.message && sdkError.message !== 'UnknownError' ? sdkError.message : `HTTP ${status}`;
  const retryAfterMs = parseRetryAfter(headerOf(sdkError, 'retry-after'));
  const failure: VendorFailure = {
    status,
    message: `${message} [${name}]`,
    code: name,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(TEMPORARY_EXCEPTIONS.has(name) || sdkError.$retryable?.throttling ? { retryable: true } : {}),
  };
  if (isVoiceProblem(name, message)) return voiceUnknownError(ENGINE, failure, secrets, error);
  return requestFailedError(ENGINE, failure, secrets, error);
}

function isVoiceProblem(name: string, message: string): boolean {
  return (name === 'ValidationException' || name === 'InvalidParameterValueException') && /voice/i.test(message);
}

function headerOf(error: AwsSdkError, header: string): string | undefined {
  const headers = error.$response?.headers ?? {};
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === header);
  return key === undefined ? undefined : headers[key];
}

function withCause(error: BriefingError, cause: unknown): BriefingError {
  return new BriefingError(error.code, error.message, { cause });
}
