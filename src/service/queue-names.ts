/** Names the API and the workers agree on, in Redis. */
export const QUEUE_NAMES = {
  /** Build jobs: one episode each. */
  builds: 'briefing-builds',
  /** Parts of a long briefing's synthesis, children of its build job (a BullMQ flow). */
  synthesis: 'briefing-synthesis',
  /** Completion webhooks, retried with backoff. */
  webhooks: 'briefing-webhooks',
} as const;

/** Redis pub/sub channel on which the API asks workers to stop a running job. */
export const CANCEL_CHANNEL = 'briefing:cancel';

/** Redis key prefix of per-key rate-limit windows. */
export const RATE_LIMIT_PREFIX = 'briefing:rate:';
