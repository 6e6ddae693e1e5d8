/** Drops a trailing slash so paths can be appended to a base URL. */
export function trimBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `{ [key]: value }` when `value` is defined, else `{}`: for spreading optional fields. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** `value` rounded to three decimals and kept within [min, max] (speaking rates sent to vendors). */
export function clampRate(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value * 1000) / 1000));
}
