/**
 * Parses an HTTP `Retry-After` value (RFC 9110 §10.2.3): either a number of
 * seconds or an HTTP-date. Returns the wait in milliseconds (never negative),
 * or `undefined` when the value is absent or unreadable.
 *
 * @param value - the header value, as received
 * @param now - the current time in milliseconds since the epoch (injected for tests)
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Parses a millisecond wait such as OpenAI's `retry-after-ms` header.
 * Returns `undefined` when the value is absent or not a non-negative number.
 */
export function parseRetryAfterMs(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed));
}

/**
 * Parses a protobuf `Duration` in its JSON form (`"30s"`, `"1.5s"`), as Google
 * sends in `google.rpc.RetryInfo.retryDelay`. Returns milliseconds or `undefined`.
 */
export function parseDurationSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}
