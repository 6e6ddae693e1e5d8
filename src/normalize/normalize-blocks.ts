import type { StageWarning } from '../ingest/article.js';
import type { NarrationBlock } from '../segment/narration-block.js';
import { normalizeText, type NormalizeOptions } from './normalize-text.js';
import { piecesToText, type SpeechBlock, type SpeechRun } from './speech-block.js';
import { dropUnspeakable } from './unspeakable-text.js';
import { resolveDateOrder, type DateOrder } from './date-order.js';

/**
 * One date order per language of the blocks, decided on all their text
 * together so that one unambiguous date ("25/12/2026") settles the others.
 * When the order had to be guessed for a date it decides, that is said in a
 * warning (it reaches the manifest), once per language.
 */
function dateOrdersByLanguage(blocks: readonly NarrationBlock[], options: Omit<NormalizeOptions, 'language'>, warnings: StageWarning[]): Map<string, DateOrder> {
  const texts = new Map<string, string[]>();
  for (const block of blocks) {
    const list = texts.get(block.language) ?? [];
    for (const sentence of block.sentences) for (const run of sentence.runs) list.push(run.text);
    texts.set(block.language, list);
  }
  const orders = new Map<string, DateOrder>();
  for (const [language, list] of texts) {
    if (options.dateOrder !== undefined) {
      orders.set(language, options.dateOrder);
      continue;
    }
    const resolved = resolveDateOrder(language, list.join('\n'));
    orders.set(language, resolved.order);
    if (resolved.guessed && /^en\b/i.test(language)) {
      warnings.push({
        code: 'DATE_ORDER_GUESSED',
        message: `numeric dates such as 10/06/2005 were read ${resolved.order === 'day-first' ? 'day first' : 'month first'}: the language "${language}" names no region with one date order (give one, e.g. en-US or en-GB, to choose)`,
      });
    }
  }
  return orders;
}

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
  const dateOrders = dateOrdersByLanguage(blocks, options, warnings);
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
        return { ...run, speech: normalizeText(text, { ...options, language: block.language, dateOrder: dateOrders.get(block.language)! }) };
      });
      return { text: sentence.text, runs, speech: piecesToText(runs.flatMap((run) => run.speech)) };
    });
    return { ...block, sentences, speech: sentences.map((sentence) => sentence.speech).filter(Boolean).join(' ') };
  });
  return { blocks: normalized, warnings };
}
