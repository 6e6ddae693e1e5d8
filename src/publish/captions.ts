import type { Manifest, ManifestBlock, ManifestSentence } from './manifest.js';
import { cueText, type CaptionCue } from './caption-cue.js';
import { resolveCaptionRules, type CaptionRules } from './caption-rules.js';
import { captionWords, visibleLength, wrapCaptionLines } from './caption-lines.js';
import { quotedSpeaker } from './quoted-speaker.js';
import { splitCaptionText, type TimedWord } from './split-caption-text.js';

export type { CaptionCue } from './caption-cue.js';
export { DEFAULT_CAPTION_RULES, type CaptionRules } from './caption-rules.js';
export { renderWebVtt } from './render-webvtt.js';
export { renderSrt } from './render-srt.js';

/** A manifest sentence that may carry word timings (engines that report them). */
type CaptionSentence = ManifestSentence & { words?: readonly TimedWord[] };

/**
 * Caption cues for an episode: one cue per sentence of each block (display
 * text, not the speech), timed from the manifest. A cue of quoted speech
 * carries its speaker: the sentence's, the quote block's, or that of the
 * block's quote that makes up most of the cue (see {@link quotedSpeaker}). A sentence too long for one
 * cue is split at clause boundaries, else between words, its time shared by
 * the word timings when present, else by characters. Then the readability
 * rules are applied where the timing allows: a cue too short to be read is
 * merged with a neighbour of the same block or extended into the following
 * silence, a long one is cut to `maxDurationMs`, and the reading speed is
 * kept under `maxCharsPerSecond` by using silence after the cue.
 *
 * The cues are sorted, never overlap, and the first cue of each block starts
 * exactly where the block's first sentence starts (times are whole ms).
 *
 * @param rules overrides of {@link DEFAULT_CAPTION_RULES}
 * @throws BriefingError `CONFIG_INVALID` for rules that make no sense
 */
export function buildCaptionCues(manifest: Manifest, rules: Partial<CaptionRules> = {}): CaptionCue[] {
  const limits = resolveCaptionRules(rules);
  const cues = manifest.blocks.flatMap((block) => blockCues(block, limits));
  cues.sort((a, b) => a.startMs - b.startMs);
  const ordered = removeDegenerateCues(cues, limits);
  const merged = mergeShortCues(ordered, limits, manifest.durationMs);
  return fitDurations(merged, limits, manifest.durationMs);
}

function blockCues(block: ManifestBlock, rules: CaptionRules): CaptionCue[] {
  return (block.sentences as readonly CaptionSentence[]).flatMap((sentence) => {
    const startMs = Math.round(sentence.startMs);
    const endMs = Math.round(sentence.endMs);
    const pieces = splitCaptionText(
      { text: sentence.text, startMs, endMs, ...(sentence.words ? { words: sentence.words } : {}) },
      rules,
    );
    return pieces.map((piece) => {
      const speaker = sentence.speaker ?? block.speaker ?? quotedSpeaker(piece.lines.join(' '), block.quotes);
      return {
        startMs: Math.round(piece.startMs),
        endMs: Math.round(piece.endMs),
        lines: piece.lines,
        ...(speaker ? { speaker } : {}),
        blockId: block.id,
      };
    });
  });
}

/** Cues that start where the next one starts (broken source timing) give their text to the next cue. */
function removeDegenerateCues(cues: CaptionCue[], rules: CaptionRules): CaptionCue[] {
  const result: CaptionCue[] = [];
  for (let index = 0; index < cues.length; index += 1) {
    const cue = cues[index]!;
    const next = cues[index + 1];
    if (next && next.startMs <= cue.startMs) {
      cues[index + 1] = { ...next, startMs: cue.startMs, lines: rewrap(`${cueText(cue)} ${cueText(next)}`, rules) };
      continue;
    }
    result.push(cue);
  }
  return result;
}

/**
 * Merges a cue that cannot stay up for `minDurationMs` (the next cue starts
 * too soon) with its neighbour in the same block, when both have the same
 * speaker and the merged text still fits the lines and the longest duration.
 */
function mergeShortCues(cues: CaptionCue[], rules: CaptionRules, episodeEndMs: number): CaptionCue[] {
  const result = [...cues];
  let index = 0;
  while (index < result.length) {
    const cue = result[index]!;
    const roomMs = (result[index + 1]?.startMs ?? Math.max(episodeEndMs, cue.endMs)) - cue.startMs;
    if (roomMs >= rules.minDurationMs) {
      index += 1;
      continue;
    }
    const next = result[index + 1];
    const previous = result[index - 1];
    const withNext = next && mergeable(cue, next, rules);
    if (withNext) {
      result.splice(index, 2, withNext);
      continue;
    }
    const withPrevious = previous && mergeable(previous, cue, rules);
    if (withPrevious) {
      result.splice(index - 1, 2, withPrevious);
      index -= 1;
      continue;
    }
    index += 1;
  }
  return result;
}

function mergeable(first: CaptionCue, second: CaptionCue, rules: CaptionRules): CaptionCue | undefined {
  if (first.blockId !== second.blockId || first.speaker !== second.speaker) return undefined;
  if (second.endMs - first.startMs > rules.maxDurationMs) return undefined;
  const lines = rewrap(`${cueText(first)} ${cueText(second)}`, rules);
  if (lines.length > rules.maxLines) return undefined;
  return { ...first, endMs: second.endMs, lines };
}

/**
 * Lengthens cues into the silence after them (never past the next cue) until
 * they last `minDurationMs` and read at `maxCharsPerSecond` or slower, cuts
 * cues longer than `maxDurationMs`, and clears any overlap.
 */
function fitDurations(cues: CaptionCue[], rules: CaptionRules, episodeEndMs: number): CaptionCue[] {
  return cues.map((cue, index) => {
    const limitMs = cues[index + 1]?.startMs ?? Math.max(Math.round(episodeEndMs), cue.endMs);
    const readingMs = Math.ceil((visibleLength(cueText(cue)) * 1000) / rules.maxCharsPerSecond);
    const wantedMs = Math.min(Math.max(rules.minDurationMs, readingMs), rules.maxDurationMs);
    let endMs = cue.endMs;
    if (endMs - cue.startMs < wantedMs) endMs = Math.min(cue.startMs + wantedMs, limitMs);
    endMs = Math.min(endMs, cue.startMs + rules.maxDurationMs, limitMs);
    if (endMs <= cue.startMs) endMs = Math.min(cue.startMs + 1, limitMs);
    return { ...cue, endMs };
  });
}

function rewrap(text: string, rules: CaptionRules): string[] {
  return wrapCaptionLines(captionWords(text, rules.maxLineChars), rules.maxLineChars);
}
