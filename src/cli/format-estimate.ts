import type { BriefingEstimate, RequestEstimate } from '../synthesize/estimate.js';

function minutes(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What a request's block is: its kind and the title of its story (absent for the intro and outro of several). */
export interface BlockLabel {
  kind: string;
  /** Title of the block's story. */
  story?: string;
  /** Position of the story in the briefing, from 0. */
  storyIndex?: number;
}

/** Each request with its block's kind and story title, for `--dry-run --json`. */
export function labelledRequests(requests: readonly RequestEstimate[], labels: ReadonlyMap<string, BlockLabel>): (RequestEstimate & BlockLabel)[] {
  return requests.map((request) => ({ ...request, ...(labels.get(request.blockId) ?? { kind: 'unknown' }) }));
}

/**
 * The `--dry-run` report as text: one line a request under the title of its
 * story (the kind of block beside its id), then the totals.
 */
export function formatEstimate(title: string, estimate: BriefingEstimate, labels: ReadonlyMap<string, BlockLabel> = new Map()): string {
  const lines = [`${title}`, `engine: ${estimate.engine}`, '', 'block\tkind\tcharacters\testimated'];
  let storyIndex: number | undefined;
  for (const request of estimate.requests) {
    const label = labels.get(request.blockId);
    if (label?.story !== undefined && label.storyIndex !== storyIndex) {
      storyIndex = label.storyIndex;
      lines.push(`— ${label.story}`);
    }
    lines.push(`${request.blockId}\t${label?.kind ?? ''}\t${request.billedCharacters}\t${minutes(request.estimatedMs)}`);
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
