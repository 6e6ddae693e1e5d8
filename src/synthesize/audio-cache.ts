import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { wavHeader } from '../audio/wav.js';
import type { WordTiming } from '../engines/speech-engine.js';

/** What identifies a synthesized piece: everything that changes its audio. */
export interface CacheKeyParts {
  engine: string;
  engineVersion: string;
  voice: string;
  settings: Record<string, unknown>;
  inputType: string;
  input: string;
  prosody?: unknown;
}

/** A stored piece: mono 16-bit PCM in a WAV file. */
export interface CachedPiece {
  path: string;
  sampleRate: number;
  /** Bytes of PCM after the 44-byte header. */
  dataBytes: number;
  /** Word timings the engine gave, relative to the piece. */
  words?: WordTiming[];
}

/** The default cache folder: `$XDG_CACHE_HOME/briefing`, else `~/.cache/briefing`. */
export function defaultCacheDirectory(env: Record<string, string | undefined> = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'briefing');
}

/** Serializes with sorted keys, so equal settings give equal keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The content address of a piece. */
export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(stableJson(parts)).digest('hex');
}

/**
 * A content-addressed store of synthesized pieces. Entries are WAV files
 * written under a temporary name and renamed, so a reader never sees a
 * partial entry; a truncated or corrupt one is treated as missing.
 */
export class AudioCache {
  constructor(readonly directory: string) {}

  private pathOf(key: string): string {
    return join(this.directory, key.slice(0, 2), `${key}.wav`);
  }

  /** The stored piece for `key`, or undefined when absent or damaged. */
  async get(key: string): Promise<CachedPiece | undefined> {
    const path = this.pathOf(key);
    const piece = await readWavInfo(path);
    if (!piece) return undefined;
    const words = await readFile(`${path}.words.json`, 'utf8').then((text) => JSON.parse(text) as WordTiming[], () => undefined);
    return words ? { ...piece, words } : piece;
  }

  /** Stores PCM under `key` atomically and returns the entry. */
  async put(key: string, sampleRate: number, pcm: Uint8Array, words?: WordTiming[]): Promise<CachedPiece> {
    const path = this.pathOf(key);
    await mkdir(join(this.directory, key.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      // The timings go first: a reader that finds the audio finds its timings too.
      if (words && words.length > 0) {
        await writeFile(`${temporary}.words`, JSON.stringify(words));
        await rename(`${temporary}.words`, `${path}.words.json`);
      }
      await writeFile(temporary, Buffer.concat([wavHeader(sampleRate, pcm.byteLength), pcm]));
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { path, sampleRate, dataBytes: pcm.byteLength, ...(words && words.length > 0 ? { words } : {}) };
  }

  /** Entry count and total size. */
  async info(): Promise<{ directory: string; entries: number; bytes: number }> {
    let entries = 0;
    let bytes = 0;
    for (const shard of await readdir(this.directory).catch(() => [] as string[])) {
      for (const name of await readdir(join(this.directory, shard)).catch(() => [] as string[])) {
        if (!name.endsWith('.wav')) continue;
        entries += 1;
        bytes += (await stat(join(this.directory, shard, name))).size;
      }
    }
    return { directory: this.directory, entries, bytes };
  }

  /** Removes every entry. */
  async clear(): Promise<void> {
    for (const shard of await readdir(this.directory).catch(() => [] as string[])) {
      if (/^[0-9a-f]{2}$/.test(shard)) await rm(join(this.directory, shard), { recursive: true, force: true });
    }
  }
}

/** Reads a WAV header written by {@link AudioCache.put} and checks the file is whole. */
export async function readWavInfo(path: string): Promise<CachedPiece | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const header = Buffer.alloc(44);
    const { bytesRead } = await handle.read(header, 0, 44, 0);
    if (bytesRead < 44 || header.toString('ascii', 0, 4) !== 'RIFF' || header.toString('ascii', 36, 40) !== 'data') return undefined;
    const dataBytes = header.readUInt32LE(40);
    const { size } = await handle.stat();
    if (size !== 44 + dataBytes || header.readUInt32LE(4) !== 36 + dataBytes) return undefined;
    return { path, sampleRate: header.readUInt32LE(24), dataBytes };
  } finally {
    await handle.close();
  }
}
