import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BriefingError } from '../errors.js';

/** The API keys a server accepts, kept only as SHA-256 hashes. */
export interface ApiKeys {
  /** The name of the key `presented` hashes to, if any. */
  identify(presented: string): string | undefined;
  readonly size: number;
}

/** The hex SHA-256 of a key, as a key file holds it. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function keysFromHashes(hashes: Map<string, string>): ApiKeys {
  return {
    identify: (presented) => (presented === '' ? undefined : hashes.get(hashApiKey(presented))),
    size: hashes.size,
  };
}

/**
 * Reads the API keys: from `BRIEFING_API_KEYS` in `env` (comma-separated
 * `name:key` or bare keys, hashed at once and the plain text dropped) and
 * from a key file whose lines are `name sha256-hex` (or a bare hex hash;
 * `#` starts a comment). A key's name only labels it in job records,
 * rate limits and logs.
 *
 * @throws BriefingError `CONFIG_INVALID` naming the file and line of a bad entry
 */
export async function loadApiKeys(options: { env?: Record<string, string | undefined>; keyFile?: string }): Promise<ApiKeys> {
  const hashes = new Map<string, string>();
  const fromEnv = options.env?.BRIEFING_API_KEYS ?? '';
  fromEnv
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .forEach((entry, index) => {
      const colon = entry.indexOf(':');
      const [name, key] = colon > 0 ? [entry.slice(0, colon), entry.slice(colon + 1)] : [`key${index + 1}`, entry];
      if (key.length < 16) throw new BriefingError('CONFIG_INVALID', `BRIEFING_API_KEYS: key ${name} is shorter than 16 characters`);
      hashes.set(hashApiKey(key), name);
    });
  if (options.keyFile) {
    let text: string;
    try {
      text = await readFile(options.keyFile, 'utf8');
    } catch (error) {
      throw new BriefingError('CONFIG_INVALID', `${options.keyFile}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
    }
    text.split('\n').forEach((raw, index) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (line === '') return;
      const parts = line.split(/\s+/);
      const hash = (parts.length === 1 ? parts[0] : parts[1])!.replace(/^sha256:/, '').toLowerCase();
      const name = parts.length === 1 ? `key${index + 1}` : parts[0]!;
      if (parts.length > 2 || !/^[0-9a-f]{64}$/.test(hash)) {
        throw new BriefingError('CONFIG_INVALID', `${options.keyFile}: line ${index + 1}: expected "name sha256-hex-of-the-key"`);
      }
      hashes.set(hash, name);
    });
  }
  return keysFromHashes(hashes);
}
