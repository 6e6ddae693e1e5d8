import type { StageWarning } from './article.js';
import { emptyInputError, notTextError } from './input-errors.js';

/** Text decoded from an input, with the warnings decoding raised. */
export interface DecodedText {
  text: string;
  warnings: StageWarning[];
}

const REPLACEMENT = '\uFFFD';
const SAMPLE_CHARS = 64 * 1024;

/**
 * Decodes the bytes of a text input: UTF-8 with or without a byte order mark,
 * UTF-16 with a byte order mark (or unmistakably UTF-16 without one).
 * Undecodable UTF-8 bytes are dropped with an `INPUT_INVALID_UTF8` warning.
 *
 * @param name - the file name errors and warnings start with
 * @throws BriefingError `INPUT_NOT_TEXT` for binary input, `INPUT_EMPTY` when
 *   nothing but whitespace is left
 */
export function decodeText(content: string | Uint8Array, name: string): DecodedText {
  const warnings: StageWarning[] = [];
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    const utf16 = utf16Encoding(content);
    if (utf16 !== undefined) {
      text = decodeUtf16(content, utf16.littleEndian, utf16.bomLength);
    } else {
      if (hasNulByte(content)) throw notTextError(name);
      text = decodeUtf8(content, name, warnings);
    }
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (looksBinary(text)) throw notTextError(name);
  if (!hasReadableText(text)) throw emptyInputError(name);
  return { text, warnings };
}

/** True when `text` has at least one character that is not whitespace or invisible. */
export function hasReadableText(text: string): boolean {
  return /[^\s\u200B-\u200D\u2060\uFEFF\u00AD]/u.test(text);
}

function decodeUtf8(bytes: Uint8Array, name: string, warnings: StageWarning[]): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
    if (replacementShare(lossy) > 0.2) throw notTextError(name);
    warnings.push({
      code: 'INPUT_INVALID_UTF8',
      source: name,
      message: `${name}: undecodable bytes dropped`,
    });
    return lossy.split(REPLACEMENT).join('');
  }
}

function utf16Encoding(bytes: Uint8Array): { littleEndian: boolean; bomLength: number } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { littleEndian: true, bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { littleEndian: false, bomLength: 2 };
  // Without a mark, ASCII-heavy UTF-16 shows as a NUL in every other byte.
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNul++;
    if (bytes[index + 1] === 0) oddNul++;
  }
  const pairs = length / 2;
  if (oddNul > pairs * 0.6 && evenNul === 0) return { littleEndian: true, bomLength: 0 };
  if (evenNul > pairs * 0.6 && oddNul === 0) return { littleEndian: false, bomLength: 0 };
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, bomLength: number): string {
  const body = bytes.subarray(bomLength, bomLength + ((bytes.length - bomLength) & ~1));
  if (littleEndian) return new TextDecoder('utf-16le').decode(body);
  const swapped = new Uint8Array(body.length);
  for (let index = 0; index < body.length; index += 2) {
    swapped[index] = body[index + 1]!;
    swapped[index + 1] = body[index]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

function replacementShare(text: string): number {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.length === 0) return 0;
  let count = 0;
  for (const char of sample) if (char === REPLACEMENT) count++;
  return count / sample.length;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.length === 0) return false;
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f;
    if (isControl) control++;
  }
  return control / sample.length > 0.1;
}
