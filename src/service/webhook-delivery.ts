import { createHmac } from 'node:crypto';

/** What a completion webhook says. */
export interface WebhookEvent {
  type: 'episode.completed' | 'episode.failed' | 'episode.cancelled';
  jobId: string;
  /** The episode folder, for a completed job. */
  episode?: string;
  /** `CODE: message`, for a failed job. */
  error?: string;
  at: string;
}

/** Name of the header carrying the signature. */
export const SIGNATURE_HEADER = 'x-briefing-signature';
/** Name of the header carrying the time signed. */
export const TIMESTAMP_HEADER = 'x-briefing-timestamp';

/**
 * The signature of a webhook body: `sha256=` and the hex HMAC-SHA256, keyed
 * with the shared secret, of `<timestamp>.<body>`. The timestamp is signed
 * too, so a receiver can refuse replays of old deliveries.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The secret that signs the webhooks of jobs posted with the API key named
 * `owner`: HMAC-SHA256 of the owner's name keyed with the server's secret
 * (`BRIEFING_WEBHOOK_SECRET`), hex. Each key holder gets its own secret
 * (`GET /v1/webhook-secret`), so no caller can sign webhooks for another;
 * the workers need only the server's secret to derive it. A job queued
 * without an owner (not through the API) is signed with the server's
 * secret itself.
 */
export function webhookSecretFor(serverSecret: string, owner: string | undefined): string {
  if (owner === undefined) return serverSecret;
  return createHmac('sha256', serverSecret).update(`briefing webhook secret\0${owner}`).digest('hex');
}

/**
 * Posts `event` to `url`, signed. Resolves when the receiver answers 2xx;
 * throws otherwise, so the queue retries with backoff.
 */
export async function deliverWebhook(url: string, event: WebhookEvent, secret: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook ${url} answered ${response.status}`);
}
