import type { SynthesisStats } from '../synthesize/synthesized-block.js';

/**
 * What a build took from the synthesis cache, for the line that ends it:
 * " (9 of 12 speech pieces from the cache)", or nothing when the cache gave
 * nothing. The default cache is shared by every build of the user, so a
 * fresh checkout can be fast for a reason that should be said.
 */
export function cacheUse(synthesis: SynthesisStats): string {
  if (synthesis.cacheHits === 0) return '';
  return ` (${synthesis.cacheHits} of ${synthesis.requests} speech ${synthesis.requests === 1 ? 'piece' : 'pieces'} from the cache)`;
}
