import type { StageWarning } from '../ingest/article.js';
import { decodeText, type DecodedText } from '../ingest/decode-text.js';

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
const SNIFF_BYTES = 1024;

/**
 * Decodes a downloaded or feed document. A byte order mark wins; otherwise
 * the charset the server declared, else the one the document declares in
 * its first kilobyte (XML `encoding`, HTML `<meta charset>`), else UTF-8.
 *
 * @param source - the file or URL that warnings and errors start with
 * @throws BriefingError `INPUT_NOT_TEXT` for binary content, `INPUT_EMPTY` for no readable text
 */
export function decodeBytes(bytes: Uint8Array, source: string, declaredCharset?: string): DecodedText {
  if (hasByteOrderMark(bytes)) return decodeText(bytes, source);
  const label = (declaredCharset ?? sniffCharset(bytes))?.trim().toLowerCase();
  if (label === undefined || UTF8_LABELS.has(label)) return decodeText(bytes, source);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    const result = decodeText(bytes, source);
    const warning: StageWarning = {
      code: 'INPUT_UNKNOWN_CHARSET',
      source,
      message: `${source}: unknown character set "${label}"; read as UTF-8`,
    };
    return { text: result.text, warnings: [warning, ...result.warnings] };
  }
  if (decoder.encoding === 'utf-8') return decodeText(bytes, source);
  const text = decoder.decode(bytes);
  return decodeText(decoder.encoding === 'windows-1252' ? withWindows1252Punctuation(text) : text, source);
}

/**
 * Windows-1252 (which is also what `iso-8859-1` and `us-ascii` mean on the
 * web) puts curly quotes, dashes and the euro sign at 0x80–0x9F. Some Node
 * versions decode those bytes as C1 control characters instead, as Latin-1
 * does; they are mapped here to what the encoding standard says.
 */
function withWindows1252Punctuation(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

const WINDOWS_1252_HIGH = [...'\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'];

function hasByteOrderMark(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The encoding an XML declaration or an HTML meta element names near the start of the document. */
function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const declared = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head)?.[1];
  if (declared) return declared;
  return /<meta\s[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
}
