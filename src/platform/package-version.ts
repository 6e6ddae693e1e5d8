import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const versions = new Map<string, string | undefined>();

/**
 * The version of an installed package as its `package.json` states it, or
 * undefined when the package is not installed (or hides its manifest). The
 * manifest is read as a file, not loaded as a module: looking up a version
 * loads nothing of the package.
 */
export function installedPackageVersion(name: string): string | undefined {
  if (!versions.has(name)) versions.set(name, readVersion(name));
  return versions.get(name);
}

function readVersion(name: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
