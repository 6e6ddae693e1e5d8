import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WordTiming } from '../engines/speech-engine.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { piecePath, temporaryPath } from '../cache/cache-layout.js';
import { AudioCache, type CachedPiece, type CacheLookup } from '../synthesize/audio-cache.js';
import type { S3Store } from './s3-store.js';

/** Where a piece lives in the bucket: the same layout as a cache folder, under `.cache/`. */
export function pieceObjectName(key: string): string {
  return `.cache/${key.slice(0, 2)}/${key}.wav`;
}

/**
 * The synthesis cache of an S3 store: pieces live in the bucket under their
 * content address, and this machine keeps a read-through copy in a local
 * cache folder. A piece missing here is fetched from the bucket, written
 * into the local folder atomically and then verified like any local entry
 * (its checksum chunk), so a damaged object is reported and removed, never
 * used; a piece made here is stored locally and then uploaded whole.
 */
export class S3AudioCache extends AudioCache {
  constructor(
    directory: string,
    private readonly store: S3Store,
  ) {
    super(directory);
  }

  override async read(key: string): Promise<CacheLookup> {
    const local = await super.read(key);
    if (local.status !== 'miss') return local;
    const remote = await this.store.get(pieceObjectName(key));
    if (!remote) return local;
    const path = piecePath(this.directory, key);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, remote.body, { temporaryPath: temporaryPath(path, randomUUID()), sync: false });
    } catch {
      // No room for the local copy: the piece is made again, as on any miss.
      return local;
    }
    const checked = await super.read(key);
    if (checked.status !== 'hit') await this.store.delete(pieceObjectName(key)).catch(() => undefined);
    return checked.status === 'damaged' ? { ...checked, path: this.store.describe(pieceObjectName(key)) } : checked;
  }

  override async put(key: string, sampleRate: number, pcm: Uint8Array, words?: WordTiming[]): Promise<CachedPiece> {
    const piece = await super.put(key, sampleRate, pcm, words);
    await this.store.put(pieceObjectName(key), await readFile(piece.path), 'audio/wav');
    return piece;
  }
}
