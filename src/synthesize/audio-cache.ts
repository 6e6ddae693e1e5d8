import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeFileAtomicWith } from '../platform/atomic-file.js';
import { readFileHead } from '../platform/file-start.js';
import { isPcm16Mono, readWaveFile, wavHeader } from '../platform/wav.js';
import { cacheContents, clearCache, markCacheFolder } from '../cache/cache-folder.js';
import { piecePath, temporaryPath } from '../cache/cache-layout.js';
import { asDiskFull } from '../disk-full.js';
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

/** A stored piece: mono 16-bit PCM in a WAV file (the PCM starts at byte 44). */
export interface CachedPiece {
  path: string;
  sampleRate: number;
  /** Bytes of PCM after the 44-byte header. */
  dataBytes: number;
  /** Word timings the engine gave, relative to the piece. */
  words?: WordTiming[];
}

/** What a cache lookup found. */
export type CacheLookup =
  | { status: 'hit'; piece: CachedPiece }
  | { status: 'miss' }
  /** The entry failed its checks and was removed; `problem` says how it was damaged. */
  | { status: 'damaged'; path: string; problem: string };

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

/** The RIFF chunk after the audio that holds an entry's checksum and word timings. */
const CHECK_CHUNK = 'brif';
const ENTRY_FORMAT = 1;
const HEADER_BYTES = 44;

/** What the check chunk holds. */
interface EntryCheck {
  format: number;
  /** sha256 of the WAV header (but its RIFF size, checked against the file's), the PCM and the JSON of the word timings. */
  sha256: string;
  words?: WordTiming[];
}

function entryChecksum(header: Uint8Array, pcm: Uint8Array, words: WordTiming[] | undefined): string {
  return createHash('sha256')
    .update(header.subarray(0, 4))
    .update(header.subarray(8, HEADER_BYTES))
    .update(pcm)
    .update(words ? JSON.stringify(words) : '')
    .digest('hex');
}

/**
 * A whole entry, in the parts it is written in (the PCM is not copied): the
 * WAV header, the PCM, a pad byte when the PCM is odd, and the check chunk,
 * with the RIFF size counting all of it.
 */
function entryParts(sampleRate: number, pcm: Uint8Array, words: WordTiming[] | undefined): Uint8Array[] {
  const pad = pcm.byteLength % 2;
  const header = Buffer.from(wavHeader(sampleRate, pcm.byteLength));
  const check: EntryCheck = { format: ENTRY_FORMAT, sha256: entryChecksum(header, pcm, words), ...(words ? { words } : {}) };
  const body = Buffer.from(JSON.stringify(check));
  const chunk = Buffer.alloc(8 + body.byteLength + (body.byteLength % 2));
  chunk.write(CHECK_CHUNK, 0, 'ascii');
  chunk.writeUInt32LE(body.byteLength, 4);
  body.copy(chunk, 8);
  header.writeUInt32LE(HEADER_BYTES + pcm.byteLength + pad + chunk.byteLength - 8, 4);
  return [header, pcm, Buffer.alloc(pad), chunk];
}

/** The piece in `bytes`, or what is wrong with it; `former` for a whole entry of the format before checksums. */
function decodeEntry(path: string, bytes: Buffer): CachedPiece | { problem: string } | 'former' {
  const wave = readWaveFile(bytes);
  // The pipeline reads a piece's PCM at byte 44: only that layout is an entry.
  if (!wave || wave.data.byteOffset - bytes.byteOffset !== HEADER_BYTES) return { problem: 'it is not a WAV file' };
  const dataBytes = bytes.readUInt32LE(40);
  const riffBytes = bytes.readUInt32LE(4) + 8;
  if (riffBytes === HEADER_BYTES + dataBytes && bytes.byteLength === riffBytes) return 'former';
  if (riffBytes !== bytes.byteLength) return { problem: `it is ${bytes.byteLength} bytes long where its header says ${riffBytes}` };
  const chunkAt = HEADER_BYTES + dataBytes + (dataBytes % 2);
  if (chunkAt + 8 > bytes.byteLength || bytes.toString('ascii', chunkAt, chunkAt + 4) !== CHECK_CHUNK) return { problem: 'its checksum is missing' };
  const bodyBytes = bytes.readUInt32LE(chunkAt + 4);
  if (chunkAt + 8 + bodyBytes > bytes.byteLength) return { problem: 'its checksum is cut short' };
  let check: EntryCheck;
  try {
    check = JSON.parse(bytes.toString('utf8', chunkAt + 8, chunkAt + 8 + bodyBytes)) as EntryCheck;
  } catch {
    return { problem: 'its checksum is unreadable' };
  }
  if (check.format !== ENTRY_FORMAT || typeof check.sha256 !== 'string') return { problem: 'its checksum is unreadable' };
  const words = Array.isArray(check.words) ? check.words : undefined;
  if (entryChecksum(bytes, bytes.subarray(HEADER_BYTES, HEADER_BYTES + dataBytes), words) !== check.sha256) return { problem: 'its checksum does not match its audio' };
  if (!isPcm16Mono(wave) || wave.sampleRate <= 0) return { problem: 'it is not mono 16-bit audio' };
  return { path, sampleRate: wave.sampleRate, dataBytes, ...(words ? { words } : {}) };
}

/**
 * A content-addressed store of synthesized pieces in a cache folder. Each
 * entry is one WAV file carrying a checksum of its audio and word timings,
 * written under a temporary name and renamed, so a reader never sees part of
 * an entry; every read verifies the checksum, and a damaged entry is removed
 * and reported, never used.
 */
export class AudioCache {
  private marked?: Promise<void>;

  constructor(readonly directory: string) {}

  /** Looks `key` up: a verified piece, nothing, or a damaged entry (removed, so it can be made again). */
  async read(key: string): Promise<CacheLookup> {
    const path = piecePath(this.directory, key);
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) return { status: 'miss' };
    const decoded = decodeEntry(path, bytes);
    if (decoded !== 'former' && 'path' in decoded) return { status: 'hit', piece: decoded };
    await rm(path, { force: true });
    return decoded === 'former' ? { status: 'miss' } : { status: 'damaged', path, problem: decoded.problem };
  }

  /** The verified piece for `key`, or undefined when absent or damaged. */
  async get(key: string): Promise<CachedPiece | undefined> {
    const found = await this.read(key);
    return found.status === 'hit' ? found.piece : undefined;
  }

  /**
   * Stores PCM under `key` atomically and returns the entry. A full disk is
   * a `DISK_FULL` error naming the cache folder, and leaves no partial file.
   */
  async put(key: string, sampleRate: number, pcm: Uint8Array, words?: WordTiming[]): Promise<CachedPiece> {
    const path = piecePath(this.directory, key);
    const kept = words && words.length > 0 ? words : undefined;
    this.marked ??= markCacheFolder(this.directory);
    await this.marked;
    try {
      await mkdir(dirname(path), { recursive: true });
      const parts = entryParts(sampleRate, pcm, kept);
      await writeFileAtomicWith(
        path,
        async (handle) => {
          // Each part from where the last ended (writeFile on a handle writes at its position, all of it).
          for (const part of parts) await handle.writeFile(part);
        },
        { temporaryPath: temporaryPath(path, randomUUID()), sync: false },
      );
    } catch (error) {
      throw asDiskFull(error, this.directory, 'cache folder');
    }
    return { path, sampleRate, dataBytes: pcm.byteLength, ...(kept ? { words: kept } : {}) };
  }

  /** Pieces, finished episodes and bytes held by the cache. */
  async info(): Promise<{ directory: string; entries: number; episodes: number; bytes: number }> {
    const contents = await cacheContents(this.directory);
    return { directory: this.directory, entries: contents.pieces, episodes: contents.episodes, bytes: contents.bytes };
  }

  /** Removes everything the cache wrote (pieces and finished episodes), and nothing else. */
  async clear(): Promise<void> {
    await clearCache(this.directory);
  }
}

/** Reads the header of a bare 44-byte-header mono WAV (as ffmpeg writes it) and checks the file is whole. */
export async function readWavInfo(path: string): Promise<CachedPiece | undefined> {
  const head = await readFileHead(path, HEADER_BYTES);
  if (!head || head.start.byteLength < HEADER_BYTES) return undefined;
  const header = Buffer.from(head.start.buffer, head.start.byteOffset, head.start.byteLength);
  if (header.toString('ascii', 0, 4) !== 'RIFF' || header.toString('ascii', 36, 40) !== 'data') return undefined;
  const dataBytes = header.readUInt32LE(40);
  if (head.size !== HEADER_BYTES + dataBytes || header.readUInt32LE(4) !== 36 + dataBytes) return undefined;
  return { path, sampleRate: header.readUInt32LE(24), dataBytes };
}
