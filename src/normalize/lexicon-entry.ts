/** One pronunciation: how a written word or phrase is to be spoken. */
export interface LexiconEntry {
  /** The written word or phrase, matched as whole words. */
  grapheme: string;
  /** Words to say instead (becomes the spoken text and an SSML `<sub alias>`). */
  alias?: string;
  /** IPA transcription (becomes an SSML `<phoneme>` for engines that honour it). */
  ipa?: string;
  /** Match only with the same letter case; matching ignores case by default. */
  caseSensitive?: boolean;
}

/** A pronunciation lexicon: entries applied before every other normalization rule. */
export interface Lexicon {
  entries: LexiconEntry[];
}
