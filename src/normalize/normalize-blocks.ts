import { stageReporter, type RunContext, type StageReporter } from '../platform/run-context.js';
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
function dateOrdersByLanguage(blocks: readonly NarrationBlock[], options: NormalizeBlocksOptions, reporter: StageReporter): Map<string, DateOrder> {
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
      reporter.warn({
        code: 'DATE_ORDER_GUESSED',
        message: `numeric dates such as 10/06/2005 were read ${resolved.order === 'day-first' ? 'day first' : 'month first'}: the language "${language}" names no region with one date order (give one, e.g. en-US or en-GB, to choose)`,
      });
    }
  }
  return orders;
}

/** Options of {@link normalizeBlocks}: those of {@link normalizeText} but the language, which each block carries. */
export interface NormalizeBlocksOptions extends Omit<NormalizeOptions, 'language'> {
  /** The run the warnings go to (stage `normalize`): unspeakable text left out, a guessed date order. Without one they are not kept. */
  context?: RunContext;
}

/**
 * Turns display text into the words sent to the engine, run by run, so
 * quoted speech keeps its boundaries. Text in a script the block's language
 * cannot speak is left out with a warning rather than read as garbage.
 * Warnings go to `options.context`, stage `normalize`.
 */
export function normalizeBlocks(blocks: readonly NarrationBlock[], options: NormalizeBlocksOptions = {}): SpeechBlock[] {
  const { context, ...textOptions } = options;
  const reporter = stageReporter(context, 'normalize');
  const dateOrders = dateOrdersByLanguage(blocks, textOptions, reporter);
  const normalized = blocks.map((block): SpeechBlock => {
    const sentences = block.sentences.map((sentence) => {
      const runs: SpeechRun[] = sentence.runs.map((run) => {
        const { text, removed } = dropUnspeakable(run.text, block.language);
        if (removed.length > 0) {
          reporter.warn({
            code: 'TEXT_UNSPEAKABLE',
            message: `skipped text the ${block.language} voice cannot speak: ${removed.join(' ')}`,
            blockId: block.id,
          });
        }
        return { ...run, speech: normalizeText(text, { ...textOptions, language: block.language, dateOrder: dateOrders.get(block.language)! }) };
      });
      return { text: sentence.text, runs, speech: piecesToText(runs.flatMap((run) => run.speech)) };
    });
    return { ...block, sentences, speech: sentences.map((sentence) => sentence.speech).filter(Boolean).join(' ') };
  });
  return normalized;
}
