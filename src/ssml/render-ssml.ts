import Speech from 'ssml-builder';
import type { SsmlDialect } from '../engines/speech-engine.js';
import type { SpeechPiece } from '../normalize/speech-block.js';
import type { EmphasisLevel, PlanSentence, PlanSpan, QuoteStyle } from './speech-plan.js';
import { escapeXml, stripInvalidXmlCharacters } from '../platform/markup-escape.js';

/** What the SSML is rendered for. */
export interface SsmlTarget {
  dialect: SsmlDialect;
  /** Elements the engine honours; absent means all of SSML 1.1. */
  ssmlTags?: readonly string[];
  /** Longest break the engine honours. */
  maxBreakMs?: number;
  /** Engine id, used in warnings. */
  engineId: string;
  /** The main voice (Azure needs it inside the document). */
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

/** Renders pieces of speech as escaped SSML content. */
function renderPieces(pieces: readonly SpeechPiece[], target: SsmlTarget): string {
  const speech = new Speech();
  let empty = true;
  for (const piece of pieces) {
    const text = cleanText(piece.text);
    if (text.trim() === '') continue;
    empty = false;
    if (piece.written !== undefined && target.dialect !== 'elevenlabs') {
      const written = cleanText(piece.written);
      if (piece.ipa && supports(target, 'phoneme')) {
        speech.sayWithSSML(`<phoneme alphabet="ipa" ph="${escapeXml(piece.ipa)}">${escapeXml(written)}</phoneme>`);
        continue;
      }
      if (supports(target, 'sub')) {
        // ssml-builder escapes neither the alias nor (reliably) the word of <sub>.
        speech.sayWithSSML(`<sub alias="${escapeXml(text.trim())}">${escapeXml(written.trim())}</sub>`);
        continue;
      }
    }
    if (target.dialect === 'elevenlabs') {
      speech.sayWithSSML(text.replace(/[<>]/g, ' ').trim());
    } else {
      speech.say(text.trim());
    }
  }
  return empty ? '' : speech.ssml(true);
}

function renderSpan(span: PlanSpan, target: SsmlTarget, quotes: QuoteStyle, degrade: (feature: string) => void): string {
  const inner = renderPieces(span.pieces, target);
  if (!span.quote || inner === '') return inner;
  let content = inner;
  if (quotes.emphasis !== 'none') {
    if (supports(target, 'emphasis') && target.dialect !== 'elevenlabs') {
      content = `<emphasis level="${quotes.emphasis}">${content}</emphasis>`;
    } else if (supports(target, 'prosody') && target.dialect !== 'elevenlabs') {
      const prosody = EMPHASIS_AS_PROSODY[quotes.emphasis];
      content = `<prosody rate="${prosody.rate}" volume="${prosody.volume}">${content}</prosody>`;
      degrade(`<emphasis> is not honoured: quotes are marked with <prosody> instead`);
    } else {
      degrade(`<emphasis> is not honoured: quotes are read without emphasis`);
    }
  }
  if (quotes.voice) {
    if (supports(target, 'voice') && target.dialect !== 'azure' && target.dialect !== 'elevenlabs') {
      content = `<voice name="${escapeXml(quotes.voice)}">${content}</voice>`;
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
  const body = new Speech();
  const sentenceTag = supports(target, 's') && target.dialect !== 'elevenlabs';
  const paragraphTag = supports(target, 'p') && target.dialect !== 'elevenlabs';
  for (const sentence of sentences) {
    const content = sentence.spans
      .map((span) => renderSpan(span, target, quotes, degrade))
      .filter((part) => part !== '')
      .join(' ');
    if (content === '') continue;
    body.sayWithSSML(sentenceTag ? `<s>${content}</s>` : content);
  }
  let inner = body.ssml(true).trim();
  if (paragraphTag && inner !== '') inner = `<p>${inner}</p>`;
  if (pauseAfterMs > 0) {
    let ms = pauseAfterMs;
    if (target.maxBreakMs !== undefined && ms > target.maxBreakMs) {
      degrade(`breaks longer than ${target.maxBreakMs} ms are not honoured: a ${ms} ms pause was shortened`);
      ms = target.maxBreakMs;
    }
    if (target.dialect === 'elevenlabs') {
      inner += ` <break time="${(ms / 1000).toFixed(2).replace(/0+$/, '').replace(/\.$/, '')}s" />`;
    } else {
      inner += ` ${new Speech().pause(`${ms}ms`).ssml(true)}`;
    }
  }
  return wrapDocument(inner.trim(), target);
}

function wrapDocument(inner: string, target: SsmlTarget): string {
  const language = escapeXml(target.language);
  switch (target.dialect) {
    case 'elevenlabs':
      return inner;
    case 'polly':
    case 'google':
      return `<speak>${inner}</speak>`;
    case 'azure':
      return (
        `<speak version="1.0" xmlns="${W3C_NAMESPACE}" xmlns:mstts="https://www.w3.org/2001/mstts" xml:lang="${language}">` +
        `<voice name="${escapeXml(target.voice ?? '')}">${inner}</voice></speak>`
      );
    default:
      return `<speak version="1.1" xmlns="${W3C_NAMESPACE}" xml:lang="${language}">${inner}</speak>`;
  }
}

/** Characters an engine bills for in an SSML document: the text without tags. */
export function billedCharacters(ssml: string): number {
  return ssml
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|apos);/g, '_')
    .length;
}
