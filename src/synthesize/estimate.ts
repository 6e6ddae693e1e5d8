import type { RenderedBlock } from '../ssml/render-block.js';
import type { SpeechEngine } from '../engines/speech-engine.js';

/** Characters a newsreader speaks per second, for estimating length. */
const CHARACTERS_PER_SECOND = 14.5;

/** The estimate for one request. */
export interface RequestEstimate {
  blockId: string;
  billedCharacters: number;
  estimatedMs: number;
}

/** What `--dry-run` reports. */
export interface BriefingEstimate {
  engine: string;
  requests: RequestEstimate[];
  billedCharacters: number;
  estimatedDurationMs: number;
  /** Estimated cost in US dollars; 0 for offline engines; undefined when no price is known. */
  estimatedCostUsd?: number;
  pricePerMillion?: number;
}

/**
 * The price per million characters for `engine`: the user's price for its
 * tier (`prices["vendor:tier"]`), else the user's price for the engine
 * (`prices.vendor`), else the engine's own list price. An engine that names
 * no price costs nothing when it is offline; a network engine's price is
 * then unknown.
 */
export function pricePerMillion(engine: SpeechEngine, prices: Readonly<Record<string, number>> = {}): number | undefined {
  const tier = engine.pricing?.tier;
  return (
    (tier === undefined ? undefined : prices[`${engine.id}:${tier}`]) ??
    prices[engine.id] ??
    engine.pricing?.usdPerMillionCharacters ??
    (engine.capabilities.network ? undefined : 0)
  );
}

/** Estimates the billed characters, length and cost of synthesizing the blocks, without synthesizing. */
export function estimateBriefing(rendered: readonly RenderedBlock[], engine: SpeechEngine, prices?: Record<string, number>): BriefingEstimate {
  const requests: RequestEstimate[] = [];
  let silenceMs = 0;
  for (const block of rendered) {
    for (const request of block.requests) {
      if (request.kind === 'silence') {
        silenceMs += request.ms;
        continue;
      }
      const breaks = [...request.input.matchAll(/<break[^>]*time=['"](\d+(?:\.\d+)?)(ms|s)['"]/g)].reduce(
        (sum, match) => sum + Number(match[1]) * (match[2] === 's' ? 1000 : 1),
        0,
      );
      requests.push({
        blockId: block.blockId,
        billedCharacters: request.billedCharacters,
        estimatedMs: Math.round((request.text.length / CHARACTERS_PER_SECOND) * 1000 + breaks),
      });
    }
  }
  const billedCharacters = requests.reduce((sum, request) => sum + request.billedCharacters, 0);
  const price = pricePerMillion(engine, prices);
  return {
    engine: engine.id,
    requests,
    billedCharacters,
    estimatedDurationMs: requests.reduce((sum, request) => sum + request.estimatedMs, 0) + silenceMs,
    ...(price !== undefined ? { pricePerMillion: price, estimatedCostUsd: Math.round((billedCharacters / 1_000_000) * price * 10000) / 10000 } : {}),
  };
}
