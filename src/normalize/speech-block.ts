import type { NarrationBlock, TextRun } from '../segment/narration-block.js';

/**
 * A piece of speech text. Plain pieces carry only `text`; pieces that came
 * from the pronunciation lexicon also keep the `written` word so SSML engines
 * can receive `<sub alias>` or `<phoneme>`.
 */
export interface SpeechPiece {
  /** The words to speak. */
  text: string;
  /** The written word this piece replaces (lexicon entries only). */
  written?: string;
  /** IPA transcription from the lexicon, for engines that honour `<phoneme>`. */
  ipa?: string;
}

/** A run with its speech. */
export interface SpeechRun extends TextRun {
  /** The words sent to the engine for this run, in order. */
  speech: SpeechPiece[];
}

/** A sentence with its speech. */
export interface SpeechSentence {
  text: string;
  /** The whole sentence as spoken words. */
  speech: string;
  runs: SpeechRun[];
}

/** A narration block after normalization. */
export interface SpeechBlock extends Omit<NarrationBlock, 'sentences'> {
  sentences: SpeechSentence[];
  /** The whole block as spoken words. */
  speech: string;
}

/** Joins the pieces of runs into one spoken string. */
export function piecesToText(pieces: readonly SpeechPiece[]): string {
  return pieces.map((piece) => piece.text).join('').replace(/\s+/g, ' ').trim();
}
