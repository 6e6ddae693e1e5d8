/**
 * US dollars per million characters, by voice family, from Google's price
 * list: Standard voices cost least, Studio voices most; WaveNet, Neural2,
 * Chirp and the rest cost the same.
 */
const PRICE_BY_FAMILY: Readonly<Record<string, number>> = { standard: 4, studio: 160 };
const DEFAULT_PRICE = 16;

/** The price tier of `voice` (`en-US-Standard-A` → `standard`) and its price. */
export function googlePricing(voice: string): { usdPerMillionCharacters: number; tier?: string } {
  const family = /^[a-z]{2,3}-[A-Za-z]{2,4}-([A-Za-z0-9]+)-/.exec(voice)?.[1]?.toLowerCase();
  const price = family === undefined ? undefined : PRICE_BY_FAMILY[family];
  return price === undefined ? { usdPerMillionCharacters: DEFAULT_PRICE } : { usdPerMillionCharacters: price, tier: family! };
}
