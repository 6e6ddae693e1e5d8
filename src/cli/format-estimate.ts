import type { BriefingEstimate } from '../synthesize/estimate.js';

function minutes(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The `--dry-run` report as text: one line a request, then the totals. */
export function formatEstimate(title: string, estimate: BriefingEstimate): string {
  const lines = [`${title}`, `engine: ${estimate.engine}`, '', 'block\tcharacters\testimated'];
  for (const request of estimate.requests) {
    lines.push(`${request.blockId}\t${request.billedCharacters}\t${minutes(request.estimatedMs)}`);
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
