import type { SpeechEngine, SynthesisRequest } from '../engines/speech-engine.js';
import { billedCharacters, renderSsml } from '../ssml/render-ssml.js';
import { DEFAULT_QUOTE_STYLE } from '../ssml/speech-plan.js';

/** Words the suite pads long requests with: plain English, nothing to normalize or escape. */
const FILLER = 'The ferry left the harbour at dawn and the captain said the sea was calm today. ';

/**
 * A request for `engine` speaking `text`: plain text for a text engine, or a
 * document in the engine's own SSML dialect (rendered as the pipeline renders
 * it, so an Azure request carries its `<voice>`) for an SSML engine.
 */
export function sampleRequest(engine: SpeechEngine, text: string, language: string, voice?: string): SynthesisRequest {
  const { capabilities } = engine;
  if (capabilities.input === 'text') {
    return { input: text, inputType: 'text', language, ...(voice === undefined ? {} : { voice }) };
  }
  const input = renderSsml(
    [{ index: 0, spans: [{ pieces: [{ text }] }] }],
    0,
    {
      ...(capabilities.dialect ? { dialect: capabilities.dialect } : {}),
      ...(capabilities.ssmlTags ? { ssmlTags: capabilities.ssmlTags } : {}),
      ...(capabilities.maxBreakMs === undefined ? {} : { maxBreakMs: capabilities.maxBreakMs }),
      engineId: engine.id,
      voice: voice ?? engine.defaultVoice,
      language,
    },
    DEFAULT_QUOTE_STYLE,
  );
  return { input, inputType: 'ssml', language, ...(voice === undefined ? {} : { voice }) };
}

/** The size of `input` in the unit the engine counts its limit in. */
export function inputSize(engine: SpeechEngine, input: string): number {
  switch (engine.capabilities.inputUnit) {
    case 'bytes':
      return Buffer.byteLength(input, 'utf8');
    case 'billed-chars':
      return billedCharacters(input);
    default:
      return input.length;
  }
}

/**
 * A request whose input measures exactly `size` of the engine's input units
 * (the SSML markup included where the engine counts it), made of whole
 * sentences of filler text. Where the dialect's markup grows in steps (a
 * `<mark>` per word, say) and no text measures exactly `size`, the nearest
 * request on the side `bound` asks for: the longest under `size`, or the
 * shortest over it.
 */
export function requestOfSize(engine: SpeechEngine, size: number, language: string, bound: 'at-most' | 'at-least' = 'at-most'): SynthesisRequest {
  const measure = (length: number) => inputSize(engine, sampleRequest(engine, fillerText(length), language).input);
  const overhead = measure(1) - 1;
  let length = Math.max(1, size - overhead);
  for (let attempt = 0; attempt < 64; attempt += 1) {
    const measured = measure(length);
    if (measured === size) return sampleRequest(engine, fillerText(length), language);
    length += size - measured;
    if (length < 1) break;
  }
  // No exact fit found by stepping: search the lengths around the boundary for the nearest on the asked side.
  let low = 1;
  let high = Math.max(2, size);
  while (measure(high) <= size) high *= 2;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (measure(middle) <= size) low = middle;
    else high = middle;
  }
  let best: { length: number; measured: number } | undefined;
  for (let candidate = Math.max(1, low - 64); candidate <= low + 64; candidate += 1) {
    const measured = measure(candidate);
    const fits = bound === 'at-most' ? measured <= size : measured >= size;
    if (!fits) continue;
    if (!best || Math.abs(size - measured) < Math.abs(size - best.measured)) best = { length: candidate, measured };
  }
  if (!best || best.measured <= 0) throw new Error(`${engine.id}: cannot build a request of about ${size} ${engine.capabilities.inputUnit}`);
  return sampleRequest(engine, fillerText(best.length), language);
}

/** Filler text of exactly `length` characters, ending on a letter or a full stop. */
function fillerText(length: number): string {
  const text = FILLER.repeat(Math.ceil(length / FILLER.length) + 1).slice(0, length);
  return text.endsWith(' ') ? `${text.slice(0, -1)}.` : text;
}
