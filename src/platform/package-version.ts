import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The version of an installed package as its `package.json` states it, or
 * undefined when the package is not installed (or hides its manifest).
 */
export function installedPackageVersion(name: string): string | undefined {
  try {
    const { version } = require(`${name}/package.json`) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
