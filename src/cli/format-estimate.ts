import type { BuildEstimate } from '../pipeline/estimate-build.js';

function minutes(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The `--dry-run` report as text: one line a request under the title of its
 * story (the kind of block beside its id), then the totals.
 */
export function formatEstimate(estimate: BuildEstimate): string {
  const lines = [`${estimate.title}`, `engine: ${estimate.engine}`, '', 'block\tkind\tcharacters\testimated'];
  let storyIndex: number | undefined;
  for (const request of estimate.requests) {
    if (request.story !== undefined && request.storyIndex !== storyIndex) {
      storyIndex = request.storyIndex;
      lines.push(`— ${request.story}`);
    }
    lines.push(`${request.blockId}\t${request.kind === 'unknown' ? '' : request.kind}\t${request.billedCharacters}\t${minutes(request.estimatedMs)}`);
  }
  lines.push('');
  lines.push(`requests: ${estimate.requests.length}`);
  lines.push(`billed characters: ${estimate.billedCharacters}`);
  lines.push(`estimated length: ${minutes(estimate.estimatedDurationMs)}`);
  if (estimate.estimatedCostUsd !== undefined) {
    lines.push(`estimated cost: $${estimate.estimatedCostUsd.toFixed(4)} (at $${estimate.pricePerMillion} per million characters)`);
  } else {
    lines.push('estimated cost: unknown (no price for this engine: add one under "prices" in the config)');
  }
  return `${lines.join('\n')}\n`;
}
