import type { SsmlDialect, SsmlFrame } from '../engines/spec/ssml-dialect.js';
import type { SpeechPiece } from '../normalize/speech-block.js';
import type { EmphasisLevel, PlanSentence, PlanSpan, QuoteStyle } from './speech-plan.js';
import {
  breakSsml,
  emphasisSsml,
  paragraphSsml,
  phonemeSsml,
  prosodySsml,
  sentenceSsml,
  ssmlMarkup,
  subSsml,
  textSsml,
} from './ssml-markup.js';
import { stripInvalidXmlCharacters } from '../platform/markup-escape.js';

/** What the SSML is rendered for. */
export interface SsmlTarget {
  /** The engine's dialect; absent means standard W3C SSML 1.1. */
  dialect?: SsmlDialect;
  /** Elements the engine honours; absent means all of SSML 1.1. */
  ssmlTags?: readonly string[];
  /** Longest break the engine honours. */
  maxBreakMs?: number;
  /** Engine id, used in warnings. */
  engineId: string;
  /** The main voice (some dialects name it inside the document). */
  voice?: string;
  language: string;
}

/** A feature the target could not honour, reported once per block. */
export type Degradation = string;

const W3C_NAMESPACE = 'http://www.w3.org/2001/10/synthesis';

/** Prosody that stands in for emphasis where `<emphasis>` is not honoured. */
const EMPHASIS_AS_PROSODY: Record<Exclude<EmphasisLevel, 'none'>, { rate: string; volume: string }> = {
  reduced: { rate: '100%', volume: '-2dB' },
  moderate: { rate: '90%', volume: '+2dB' },
  strong: { rate: '82%', volume: '+4dB' },
};

function supports(target: SsmlTarget, tag: string): boolean {
  return !target.ssmlTags || target.ssmlTags.includes(tag);
}

function cleanText(text: string): string {
  return stripInvalidXmlCharacters(text).replace(/\s+/g, ' ');
}

/** Article text as the target takes it: escaped SSML text, or the dialect's own form. */
function renderText(text: string, target: SsmlTarget): string {
  return target.dialect?.text ? target.dialect.text(text) : textSsml(text);
}

/** Renders pieces of speech as escaped SSML content. */
function renderPieces(pieces: readonly SpeechPiece[], target: SsmlTarget): string {
  const parts: string[] = [];
  const substitutions = target.dialect?.substitutions !== false;
  for (const piece of pieces) {
    const text = cleanText(piece.text).trim();
    if (text === '') continue;
    if (piece.written !== undefined && substitutions) {
      const written = cleanText(piece.written).trim();
      if (written !== '' && piece.ipa && supports(target, 'phoneme')) {
        parts.push(phonemeSsml(cleanText(piece.ipa).trim(), written));
        continue;
      }
      if (written !== '' && supports(target, 'sub')) {
        parts.push(subSsml(text, written));
        continue;
      }
    }
    const rendered = renderText(text, target).trim();
    if (rendered !== '') parts.push(rendered);
  }
  return parts.join(' ');
}

function renderSpan(span: PlanSpan, target: SsmlTarget, quotes: QuoteStyle, degrade: (feature: string) => void): string {
  const inner = renderPieces(span.pieces, target);
  if (!span.quote || inner === '') return inner;
  let content = inner;
  if (quotes.emphasis !== 'none') {
    if (supports(target, 'emphasis')) {
      content = emphasisSsml(quotes.emphasis, content);
    } else if (supports(target, 'prosody')) {
      content = prosodySsml(EMPHASIS_AS_PROSODY[quotes.emphasis], content);
      degrade(`<emphasis> is not honoured: quotes are marked with <prosody> instead`);
    } else {
      degrade(`<emphasis> is not honoured: quotes are read without emphasis`);
    }
  }
  if (quotes.voice) {
    if (supports(target, 'voice') && target.dialect?.nestedVoice !== false) {
      content = ssmlMarkup.element('voice', { name: cleanText(quotes.voice).trim() }, content);
    } else {
      degrade(`a second voice inside the document is not supported: quotes use the main voice`);
    }
  }
  return content;
}

/**
 * Renders sentences (whole or split parts) as one SSML request in the
 * target's dialect, ending with `pauseAfterMs` of silence when asked.
 */
export function renderSsml(
  sentences: readonly PlanSentence[],
  pauseAfterMs: number,
  target: SsmlTarget,
  quotes: QuoteStyle,
  degrade: (feature: string) => void = () => {},
): string {
  const sentenceTag = supports(target, 's');
  const paragraphTag = supports(target, 'p');
  const rendered: string[] = [];
  for (const sentence of sentences) {
    const content = sentence.spans
      .map((span) => renderSpan(span, target, quotes, degrade))
      .filter((part) => part !== '')
      .join(' ');
    if (content === '') continue;
    rendered.push(sentenceTag ? sentenceSsml(content) : content);
  }
  let inner = rendered.join(' ');
  if (paragraphTag && inner !== '') inner = paragraphSsml(inner);
  if (pauseAfterMs > 0) {
    let ms = pauseAfterMs;
    if (target.maxBreakMs !== undefined && ms > target.maxBreakMs) {
      degrade(`breaks longer than ${target.maxBreakMs} ms are not honoured: a ${ms} ms pause was shortened`);
      ms = target.maxBreakMs;
    }
    inner += ` ${target.dialect?.pause ? target.dialect.pause(ms, ssmlMarkup) : breakSsml(ms)}`;
  }
  const frame: SsmlFrame = { language: cleanText(target.language).trim(), voice: cleanText(target.voice ?? '').trim() };
  const content = inner.trim();
  return target.dialect?.document ? target.dialect.document(content, frame, ssmlMarkup) : standardDocument(content, frame);
}

/** The W3C SSML 1.1 root around `content`. */
function standardDocument(content: string, frame: SsmlFrame): string {
  return ssmlMarkup.element('speak', { version: '1.1', xmlns: W3C_NAMESPACE, 'xml:lang': frame.language }, content);
}

/** Characters an engine bills for in an SSML document: the text without tags. */
export function billedCharacters(ssml: string): number {
  return ssml
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|apos);/g, '_')
    .length;
}
