import type { RenderedBlock } from '../ssml/render-block.js';
import type { SpeechEngine } from '../engines/speech-engine.js';

/**
 * US dollars per million billed characters, from the vendors' published
 * price lists (standard tiers, before free allowances). Users override or
 * extend this with `prices` in the config file: keys are `engine` or
 * `engine:tier` (the tier is the engine's `engine`/`model` setting).
 */
export const DEFAULT_PRICES_PER_MILLION: Readonly<Record<string, number>> = {
  flite: 0,
  espeak: 0,
  command: 0,
  'polly:standard': 4,
  'polly:neural': 16,
  'polly:long-form': 100,
  'polly:generative': 30,
  polly: 16,
  google: 16,
  'google:standard': 4,
  'google:studio': 160,
  azure: 15,
  openai: 15,
  'openai:tts-1-hd': 30,
  elevenlabs: 300,
};

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

/** The price per million characters for `engine`, most specific key first. */
export function pricePerMillion(engine: SpeechEngine, prices: Record<string, number> = {}): number | undefined {
  const table = { ...DEFAULT_PRICES_PER_MILLION, ...prices };
  const settings = engine.settings?.() ?? {};
  for (const tierKey of ['engine', 'model', 'tier']) {
    const tier = settings[tierKey];
    if (typeof tier === 'string' && table[`${engine.id}:${tier}`] !== undefined) return table[`${engine.id}:${tier}`];
  }
  return table[engine.id] ?? (engine.capabilities.network ? undefined : 0);
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
