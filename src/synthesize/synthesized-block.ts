import type { WordTiming } from '../engines/speech-engine.js';

/** A stretch of synthesized speech stored as a mono 16-bit WAV file. */
export interface AudioPiece {
  kind: 'audio';
  /** WAV file (44-byte header, then PCM). */
  path: string;
  sampleRate: number;
  /** PCM bytes after the header. */
  dataBytes: number;
  /** Indexes of the block's sentences this piece speaks. */
  sentences: number[];
  /** Characters of each of those sentences spoken here, for sharing time between them. */
  sentenceWeights: number[];
  /** Word timings relative to the piece, when the engine gives them. */
  words?: WordTiming[];
}

/** Silence the pipeline inserts itself. */
export interface SilencePiece {
  kind: 'silence';
  ms: number;
}

/** One block's audio, in playing order. */
export interface SynthesizedBlock {
  blockId: string;
  pieces: (AudioPiece | SilencePiece)[];
}

/** Counts of a synthesis run. */
export interface SynthesisStats {
  /** Speech requests the briefing needed. */
  requests: number;
  /** Of those, served from the cache. */
  cacheHits: number;
  /** Of those, sent to the engine. */
  cacheMisses: number;
  /** Retries after retryable errors. */
  retries: number;
  /** Characters sent to the engine (billed characters for SSML engines). */
  billedCharacters: number;
}
