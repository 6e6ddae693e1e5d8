import { BriefingError } from '../errors.js';
import { stageReporter, type RunContext } from '../platform/run-context.js';
import type { SpeechBlock } from '../normalize/speech-block.js';
import type { EngineCapabilities, ProsodySettings } from '../engines/speech-engine.js';
import { billedCharacters, renderSsml, type SsmlTarget } from './render-ssml.js';
import { splitSentence } from './split-sentence.js';
import { planSentences, spanText, type EmphasisLevel, type PlanSentence, type QuoteStyle } from './speech-plan.js';

/** One step of playing a block: a request to the engine, or silence. */
export type PlannedRequest =
  | {
      kind: 'speech';
      /** Exactly what is sent to the engine. */
      input: string;
      inputType: 'ssml' | 'text';
      voice: string;
      prosody?: ProsodySettings;
      /** Indexes of the block's sentences this request speaks (wholly or in part). */
      sentences: number[];
      /** Spoken characters of each of those sentences in this request, for sharing its time between them. */
      weights: number[];
      /** The spoken words, for continuity hints and estimates. */
      text: string;
      /** What the vendor bills for this request, in characters. */
      billedCharacters: number;
    }
  | { kind: 'silence'; ms: number };

/** A block rendered for one engine. */
export interface RenderedBlock {
  blockId: string;
  /** BCP 47 language of the block. */
  language: string;
  /** The block's SSML: the engine's dialect, or W3C SSML that the pipeline plays for a text engine. */
  ssml: string;
  requests: PlannedRequest[];
}

/** The engine facts rendering needs. */
export interface RenderEngine {
  id: string;
  capabilities: EngineCapabilities;
}

/** How to render. */
export interface RenderSettings {
  voice: string;
  quotes: QuoteStyle;
  /** One request per sentence (embedded engines: exact sentence timings and more parallel work). */
  requestPerSentence: boolean;
  /** The run the warnings go to (stage `ssml`): each feature the engine cannot play, once per block. Without one they are not kept. */
  context?: RunContext;
}

/** Prosody standing in for emphasis on engines that take plain text. */
export const EMPHASIS_PROSODY: Record<Exclude<EmphasisLevel, 'none'>, ProsodySettings> = {
  reduced: { rate: 1.04, pitchPercent: -5 },
  moderate: { rate: 0.88, pitchPercent: 12 },
  strong: { rate: 0.8, pitchPercent: 22 },
};

function measure(engine: RenderEngine, input: string): number {
  switch (engine.capabilities.inputUnit) {
    case 'bytes':
      return Buffer.byteLength(input, 'utf8');
    case 'billed-chars':
      return Math.max(billedCharacters(input), Math.ceil(input.length / 2));
    default:
      return input.length;
  }
}

function tooLong(block: SpeechBlock, engine: RenderEngine): BriefingError {
  return new BriefingError(
    'ENGINE_INPUT_TOO_LONG',
    `block ${block.id}: a single word is longer than ${engine.id}'s limit of ${engine.capabilities.maxInput} ${engine.capabilities.inputUnit}`,
  );
}

/**
 * Renders a normalized block into the requests and silences that play it on
 * `engine`. What the engine cannot play is said once per feature and block,
 * in `settings.context`, stage `ssml`.
 */
export function renderBlock(
  block: SpeechBlock,
  pauseAfterMs: number,
  engine: RenderEngine,
  settings: RenderSettings,
): RenderedBlock {
  const reporter = stageReporter(settings.context, 'ssml');
  const seen = new Set<string>();
  const degrade = (feature: string) => {
    if (seen.has(feature)) return;
    seen.add(feature);
    reporter.warn({ code: 'SSML_UNSUPPORTED', message: `${engine.id}: ${feature}`, blockId: block.id });
  };
  const sentences = planSentences(block, settings.quotes);
  const capabilities = engine.capabilities;
  if (capabilities.input === 'ssml') {
    const target: SsmlTarget = {
      ...(capabilities.dialect ? { dialect: capabilities.dialect } : {}),
      ...(capabilities.ssmlTags ? { ssmlTags: capabilities.ssmlTags } : {}),
      ...(capabilities.maxBreakMs !== undefined ? { maxBreakMs: capabilities.maxBreakMs } : {}),
      engineId: engine.id,
      voice: settings.voice,
      language: block.language,
    };
    const ssml = renderSsml(sentences, pauseAfterMs, target, settings.quotes, degrade);
    const requests = planSsmlRequests(block, sentences, pauseAfterMs, engine, settings, target, degrade);
    return { blockId: block.id, language: block.language, ssml, requests };
  }
  const ssml = renderSsml(sentences, pauseAfterMs, { engineId: engine.id, language: block.language }, settings.quotes);
  const requests = planTextRequests(block, sentences, pauseAfterMs, engine, settings, degrade);
  return { blockId: block.id, language: block.language, ssml, requests };
}

function planSsmlRequests(
  block: SpeechBlock,
  sentences: PlanSentence[],
  pauseAfterMs: number,
  engine: RenderEngine,
  settings: RenderSettings,
  target: SsmlTarget,
  degrade: (feature: string) => void,
): PlannedRequest[] {
  const limit = engine.capabilities.maxInput;
  const render = (group: readonly PlanSentence[], pause: number) => renderSsml(group, pause, target, settings.quotes, degrade);
  const fits = (group: readonly PlanSentence[], pause = 0) => measure(engine, render(group, pause)) <= limit;
  const units: PlanSentence[] = [];
  for (const sentence of sentences) {
    if (sentence.spans.length === 0) continue;
    if (fits([sentence])) {
      units.push(sentence);
      continue;
    }
    const parts = splitSentence(sentence, (part) => fits([part]));
    if (!parts) throw tooLong(block, engine);
    units.push(...parts);
  }
  const groups: PlanSentence[][] = [];
  for (const unit of units) {
    const current = groups.at(-1);
    if (current && !settings.requestPerSentence && fits([...current, unit])) current.push(unit);
    else groups.push([unit]);
  }
  const requests: PlannedRequest[] = [];
  groups.forEach((group, index) => {
    const last = index === groups.length - 1;
    const pause = last && fits(group, pauseAfterMs) ? pauseAfterMs : 0;
    const input = render(group, pause);
    requests.push({
      kind: 'speech',
      input,
      inputType: 'ssml',
      voice: settings.voice,
      ...sentenceWeights(group),
      text: spanText(group.flatMap((part) => part.spans)),
      billedCharacters: billedCharacters(input),
    });
    if (last && pause === 0 && pauseAfterMs > 0) requests.push({ kind: 'silence', ms: pauseAfterMs });
  });
  if (groups.length === 0 && pauseAfterMs > 0) requests.push({ kind: 'silence', ms: pauseAfterMs });
  return requests;
}

function planTextRequests(
  block: SpeechBlock,
  sentences: PlanSentence[],
  pauseAfterMs: number,
  engine: RenderEngine,
  settings: RenderSettings,
  degrade: (feature: string) => void,
): PlannedRequest[] {
  const limit = engine.capabilities.maxInput;
  const offered = engine.capabilities.prosody ?? [];
  const quoteProsody = (): ProsodySettings | undefined => {
    if (settings.quotes.emphasis === 'none') return undefined;
    const wanted = EMPHASIS_PROSODY[settings.quotes.emphasis];
    const prosody: ProsodySettings = {};
    if (offered.includes('rate') && wanted.rate !== undefined) prosody.rate = wanted.rate;
    if (offered.includes('pitch') && wanted.pitchPercent !== undefined) prosody.pitchPercent = wanted.pitchPercent;
    if (Object.keys(prosody).length === 0) {
      degrade('emphasis cannot be played on this engine: quotes are read without emphasis');
      return undefined;
    }
    return prosody;
  };
  const requests: PlannedRequest[] = [];
  const speak = (part: PlanSentence, quoted: boolean) => {
    const text = spanText(part.spans);
    if (text === '') return;
    const prosody = quoted ? quoteProsody() : undefined;
    requests.push({
      kind: 'speech',
      input: text,
      inputType: 'text',
      voice: quoted && settings.quotes.voice ? settings.quotes.voice : settings.voice,
      ...(prosody ? { prosody } : {}),
      sentences: [part.index],
      weights: [text.length],
      text,
      billedCharacters: text.length,
    });
  };
  for (const sentence of sentences) {
    // Consecutive spans of the same style are one request.
    const segments: PlanSentence[] = [];
    for (const span of sentence.spans) {
      const current = segments.at(-1);
      if (current && Boolean(current.spans[0]!.quote) === Boolean(span.quote)) current.spans.push(span);
      else segments.push({ index: sentence.index, spans: [span] });
    }
    for (const segment of segments) {
      const quoted = Boolean(segment.spans[0]!.quote);
      if (spanText(segment.spans).length <= limit) {
        speak(segment, quoted);
        continue;
      }
      const parts = splitSentence(segment, (part) => spanText(part.spans).length <= limit);
      if (!parts) throw tooLong(block, engine);
      for (const part of parts) speak(part, quoted);
    }
  }
  if (pauseAfterMs > 0) requests.push({ kind: 'silence', ms: pauseAfterMs });
  return requests;
}

function sentenceWeights(group: readonly PlanSentence[]): { sentences: number[]; weights: number[] } {
  const sentences: number[] = [];
  const weights: number[] = [];
  for (const part of group) {
    const length = Math.max(1, spanText(part.spans).length);
    if (sentences.at(-1) === part.index) weights[weights.length - 1]! += length;
    else {
      sentences.push(part.index);
      weights.push(length);
    }
  }
  return { sentences, weights };
}
