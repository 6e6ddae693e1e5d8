import type { SpeechBlock, SpeechRun } from '../../src/normalize/speech-block.js';
import type { BlockKind } from '../../src/segment/narration-block.js';

/** A sentence written with curly quotes marking quoted runs; speech equals text. */
export function sentence(text: string, speaker?: string) {
  const runs: SpeechRun[] = [];
  text.split(/[\u201C\u201D]/).forEach((part, index) => {
    if (part === '') return;
    const quote = index % 2 === 1;
    runs.push({ text: part, speech: [{ text: part }], ...(quote ? { quote: true, ...(speaker ? { speaker } : {}) } : {}) });
  });
  return { text, speech: text.replace(/[\u201C\u201D]/g, ''), runs };
}

/** A normalized block made of sentences written as in {@link sentence}. */
export function speechBlock(id: string, kind: BlockKind, sentences: string[], options: { speaker?: string; story?: number; language?: string } = {}): SpeechBlock {
  const built = sentences.map((text) => sentence(text, options.speaker));
  return {
    id,
    kind,
    text: sentences.join(' '),
    story: options.story ?? 0,
    language: options.language ?? 'en',
    sentences: built,
    speech: built.map((item) => item.speech).join(' '),
  };
}
