import { BriefingError, isBriefingError } from '../errors.js';
import { whenAborted } from '../platform/when-aborted.js';

/** Retry policy for retryable engine errors. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay; doubles each retry. */
  baseDelayMs: number;
  /** Longest single wait, Retry-After included. */
  maxDelayMs: number;
}

/** Three retries, from half a second, never waiting more than 30 s at once. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new BriefingError('ABORTED', 'synthesis aborted'));
    let forget = () => {};
    const timer = setTimeout(() => {
      forget();
      resolve();
    }, ms);
    if (signal) {
      forget = whenAborted(signal, () => {
        clearTimeout(timer);
        reject(new BriefingError('ABORTED', 'synthesis aborted'));
      });
    }
  });
}

/** The delay before retry number `attempt` (1-based): Retry-After when given, else exponential backoff with full jitter. */
export function retryDelay(attempt: number, error: BriefingError, policy: RetryPolicy, random: () => number = Math.random): number {
  if (error.retryAfterMs !== undefined) return Math.min(Math.max(0, error.retryAfterMs), policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs `operation`, retrying retryable `BriefingError`s with backoff.
 * `onRetry` is told of each retry (for counting and progress).
 */
export async function withRetries<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
  onRetry?: (attempt: number, error: BriefingError, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isBriefingError(error) || !error.retryable || attempt > policy.retries || signal?.aborted) throw error;
      const delay = retryDelay(attempt, error, policy);
      onRetry?.(attempt, error, delay);
      await wait(delay, signal);
    }
  }
}
