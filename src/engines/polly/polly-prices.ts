import type { EnginePricing } from '../spec/index.js';
import type { PollyEngineType } from './polly-ssml-tags.js';

/** US dollars per million characters by voice engine, from Amazon Polly's price list. */
const PRICE_BY_ENGINE: Readonly<Record<PollyEngineType, number>> = {
  standard: 4,
  neural: 16,
  'long-form': 100,
  generative: 30,
};

/** What Polly charges for voices of `engine`. */
export function pollyPricing(engine: PollyEngineType): EnginePricing {
  return { usdPerMillionCharacters: PRICE_BY_ENGINE[engine], tier: engine };
}
