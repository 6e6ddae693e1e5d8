import type { SpeechPiece } from './speech-block.js';

const ALPHANUMERIC = /[\p{L}\p{N}\p{M}]/u;
const CLOSING_PUNCTUATION = ',.;:!?)';

function isAlphanumeric(character: string): boolean {
  if (character.length === 0) return false;
  const code = character.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return ALPHANUMERIC.test(character);
}

/**
 * Collects spoken text into pieces. White space is collapsed to single
 * spaces, and a space is put between two words that would otherwise touch
 * ("9" + "pm" → "nine p m").
 */
export class SpeechWriter {
  private readonly pieces: SpeechPiece[] = [];
  private buffer: string[] = [];
  private lastCharacter = '';
  private pendingSpace = false;
  private started = false;

  /** Appends spoken text (a word, an expansion or punctuation). */
  write(text: string): void {
    if (text.length === 0) return;
    if (text === ' ') {
      this.space();
      return;
    }
    const first = text[0]!;
    // A space before closing punctuation ("fans !") is dropped: it adds nothing a listener hears.
    const closing = CLOSING_PUNCTUATION.includes(first) && text !== '...';
    if (this.started && !closing && (this.pendingSpace || (isAlphanumeric(first) && isAlphanumeric(this.lastCharacter)))) {
      this.buffer.push(' ');
    }
    this.pendingSpace = false;
    this.buffer.push(text);
    this.lastCharacter = text[text.length - 1]!;
    this.started = true;
  }

  /** Appends punctuation that belongs to the preceding word (a generated comma): drops a pending space. */
  attach(text: string): void {
    if (!this.started) return;
    if (this.lastCharacter === text) {
      this.pendingSpace = false;
      return;
    }
    this.pendingSpace = false;
    this.buffer.push(text);
    this.lastCharacter = text[text.length - 1]!;
  }

  /** Marks a word boundary; consecutive spaces collapse, leading ones are dropped. */
  space(): void {
    if (this.started) this.pendingSpace = true;
  }

  /** Appends a lexicon hit as its own piece. */
  piece(piece: SpeechPiece): void {
    if (piece.text.length === 0) return;
    if (this.started && (this.pendingSpace || (isAlphanumeric(piece.text[0]!) && isAlphanumeric(this.lastCharacter)))) {
      this.buffer.push(' ');
    }
    this.pendingSpace = false;
    this.flush();
    this.pieces.push(piece);
    this.lastCharacter = piece.text[piece.text.length - 1]!;
    this.started = true;
  }

  /** The last character written, or '' at the start. */
  get last(): string {
    return this.lastCharacter;
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.pieces.push({ text: this.buffer.join('') });
    this.buffer = [];
  }

  /** The pieces written so far; the writer should not be used afterwards. */
  finish(): SpeechPiece[] {
    this.flush();
    return this.pieces;
  }
}
