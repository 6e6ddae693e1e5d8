import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

let installed: Promise<string> | undefined;

/**
 * The running copy of briefing: its version, and when its code was written.
 * A rebuilt or reinstalled briefing may read articles or render pages
 * differently, so what was made by another copy is not taken as unchanged.
 */
export function installedBriefing(): Promise<string> {
  installed ??= (async () => {
    const manifest = createRequire(import.meta.url)('../../package.json') as { version?: string };
    const facts = await stat(fileURLToPath(import.meta.url));
    return `${manifest.version ?? 'unknown'}:${facts.mtimeMs}:${facts.size}`;
  })();
  return installed;
}
