import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMp3, resolveFfmpegPath } from '../src/platform/ffmpeg.js';
import { asDiskFull, diskFullError, isNoSpaceError } from '../src/disk-full.js';
import { BriefingError } from '../src/errors.js';
import { rejection } from './helpers/expect-error.js';
import { sinePcm16, wavFile } from './helpers/test-audio.js';

// Every write to /dev/full fails with ENOSPC: a real full disk without mounting one.
const DEV_FULL = '/dev/full';
const haveDevFull = existsSync(DEV_FULL);
const reason = haveDevFull ? '' : ' (skipped: this system has no /dev/full)';
const ffmpegPath = resolveFfmpegPath();
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-dev-full-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writeError(): Promise<unknown> {
  return writeFile(DEV_FULL, Buffer.alloc(4096)).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('a full disk', () => {
  it.skipIf(!haveDevFull)(`is recognised in a real failed write and named by the folder it belongs to${reason}`, async () => {
    const error = await writeError();
    expect(isNoSpaceError(error)).toBe(true);
    const named = asDiskFull(error, '/srv/podcast', 'output folder') as BriefingError;
    expect(named).toBeInstanceOf(BriefingError);
    expect(named.code).toBe('DISK_FULL');
    expect(named.message).toBe('output folder /srv/podcast: the disk is full (no space left on device)');
    expect(named.cause).toBe(error);
    // A named error keeps its folder when it passes through an outer folder's handler.
    const cache = diskFullError('/srv/podcast/cache', error, 'cache folder');
    expect(asDiskFull(cache, '/srv/podcast', 'output folder')).toBe(cache);
    // An error about a file inside a folder is restated as that folder's.
    const inner = diskFullError('/srv/podcast/.episode.partial', error);
    expect((asDiskFull(inner, '/srv/podcast', 'output folder') as BriefingError).message).toBe('output folder /srv/podcast: the disk is full (no space left on device)');
    const other = new Error('other');
    expect(asDiskFull(other, '/srv/podcast')).toBe(other);
  });

  it.skipIf(!haveDevFull)(`stops an ffmpeg encode with DISK_FULL naming the folder written to${reason}`, async () => {
    const wav = join(folder, 'tone.wav');
    await writeFile(wav, wavFile(sinePcm16(20_000, 16000), 16000));
    const error = await rejection(encodeMp3(wav, DEV_FULL, { gainDb: 0, limiterCeilingDb: -2, bitrateKbps: 64, channels: 1 }, ffmpegPath));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toBe('/dev: the disk is full (no space left on device)');
  });
});
