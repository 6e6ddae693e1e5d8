import { readFile } from 'node:fs/promises';

let cached: Promise<string> | undefined;

/**
 * The `User-Agent` sent with every request unless the caller gives one:
 * `briefing/<version> (+podcast briefing generator)`, the version read from
 * the package's own `package.json` (two folders up from this module, in
 * `src/` and in `dist/` alike).
 */
export function defaultUserAgent(): Promise<string> {
  cached ??= readFile(new URL('../../package.json', import.meta.url), 'utf8')
    .then((text) => (JSON.parse(text) as { version?: unknown }).version)
    .catch(() => undefined)
    .then((version) => `briefing/${typeof version === 'string' ? version : 'unknown'} (+podcast briefing generator)`);
  return cached;
}
