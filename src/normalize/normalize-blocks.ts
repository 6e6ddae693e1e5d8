import type { StageWarning } from '../ingest/article.js';
import type { NarrationBlock } from '../segment/narration-block.js';
import { normalizeText, type NormalizeOptions } from './normalize-text.js';
import { piecesToText, type SpeechBlock, type SpeechRun } from './speech-block.js';
import { dropUnspeakable } from './unspeakable-text.js';

/** What the normalize stage produces. */
export interface NormalizeResult {
  blocks: SpeechBlock[];
  warnings: StageWarning[];
}

/**
 * Turns display text into the words sent to the engine, run by run, so
 * quoted speech keeps its boundaries. Text in a script the block's language
 * cannot speak is left out with a warning rather than read as garbage.
 */
export function normalizeBlocks(blocks: readonly NarrationBlock[], options: Omit<NormalizeOptions, 'language'>): NormalizeResult {
  const warnings: StageWarning[] = [];
  const normalized = blocks.map((block): SpeechBlock => {
    const sentences = block.sentences.map((sentence) => {
      const runs: SpeechRun[] = sentence.runs.map((run) => {
        const { text, removed } = dropUnspeakable(run.text, block.language);
        if (removed.length > 0) {
          warnings.push({
            code: 'TEXT_UNSPEAKABLE',
            message: `skipped text the ${block.language} voice cannot speak: ${removed.join(' ')}`,
            blockId: block.id,
          });
        }
        return { ...run, speech: normalizeText(text, { ...options, language: block.language }) };
      });
      return { text: sentence.text, runs, speech: piecesToText(runs.flatMap((run) => run.speech)) };
    });
    return { ...block, sentences, speech: sentences.map((sentence) => sentence.speech).filter(Boolean).join(' ') };
  });
  return { blocks: normalized, warnings };
}
