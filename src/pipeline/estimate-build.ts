import type { StageWarning } from '../ingest/article.js';
import { withPlaceholderCredentials } from '../engines/registry.js';
import { estimateBriefing, type BriefingEstimate, type RequestEstimate } from '../synthesize/estimate.js';
import type { PrepareOptions } from './build-options.js';
import { prepareBriefing, type PreparedBriefing } from './prepare-briefing.js';

/** What a request's block is: its kind and, within a briefing, its story. */
export interface BlockLabel {
  kind: string;
  /** Title of the block's story; absent for the intro and outro of several stories. */
  story?: string;
  /** Position of the story in the briefing, from 0; absent with `story`. */
  storyIndex?: number;
}

/** One request of an estimate with its block's label. */
export type LabelledRequest = RequestEstimate & BlockLabel;

/** What a build would send and cost, without synthesizing anything. */
export interface BuildEstimate extends Omit<BriefingEstimate, 'requests'> {
  /** Title the episode would have. */
  title: string;
  requests: LabelledRequest[];
  warnings: StageWarning[];
}

/** Options of {@link estimateBuild}. */
export interface BuildEstimateOptions extends PrepareOptions {
  /** US dollars per million characters by engine id (or `engine:tier`), over the built-in price list. */
  prices?: Record<string, number>;
}

function blockLabels(prepared: PreparedBriefing): Map<string, BlockLabel> {
  const framed = prepared.stories.length > 1;
  return new Map(
    prepared.blocks.map((block): [string, BlockLabel] => {
      const ownStory = !(framed && (block.kind === 'intro' || block.kind === 'outro'));
      return [block.id, { kind: block.kind, ...(ownStory ? { story: prepared.stories[block.story]?.title ?? prepared.title, storyIndex: block.story } : {}) }];
    }),
  );
}

/**
 * Estimates a build (`briefing build --dry-run`): the same stories in the
 * same order as the build would take, the requests the engine would get,
 * their billed characters, the length and the cost. Nothing is sent, so a
 * cloud engine needs no real credentials: missing ones are filled with
 * placeholders (real ones in `env` are kept).
 */
export async function estimateBuild(options: BuildEstimateOptions): Promise<BuildEstimate> {
  const { prices, ...prepareOptions } = options;
  const prepared = await prepareBriefing({ ...prepareOptions, env: withPlaceholderCredentials(options.env ?? process.env) });
  try {
    const estimate = estimateBriefing(prepared.rendered, prepared.engine, prices);
    const labels = blockLabels(prepared);
    return {
      title: prepared.title,
      ...estimate,
      requests: estimate.requests.map((request) => ({ ...request, ...(labels.get(request.blockId) ?? { kind: 'unknown' }) })),
      warnings: prepared.context.warnings,
    };
  } finally {
    await prepared.engine.close?.();
  }
}
