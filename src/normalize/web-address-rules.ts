import { looksPronounceable, spellLetters } from './acronyms.js';
import { digitByDigit, plainIntegerWords } from './number-words.js';
import type { RuleContext } from './rule-context.js';

/** Endings said as a word or spelled the way people say them. */
const SAID_ENDINGS: ReadonlyMap<string, string> = new Map([
  ['com', 'com'],
  ['org', 'org'],
  ['net', 'net'],
  ['gov', 'gov'],
  ['info', 'info'],
  ['biz', 'biz'],
  ['news', 'news'],
  ['app', 'app'],
  ['dev', 'dev'],
  ['co', 'co'],
  ['edu', 'E D U'],
]);

/** One label or path part: words as words, unpronounceable letter runs spelled, digits as numbers. */
function partWords(part: string): string {
  const words: string[] = [];
  for (const piece of part.match(/[A-Za-z]+|\d+/g) ?? []) {
    if (/^\d/.test(piece)) words.push(piece.length <= 2 ? plainIntegerWords(piece) : digitByDigit(piece));
    else if (piece.length === 1 || !/[aeiouy]/i.test(piece) || (piece.length <= 4 && !looksPronounceable(piece))) words.push(spellLetters(piece));
    else words.push(piece.toLowerCase());
  }
  return words.join(' ');
}

/** A host name: "www." dropped, labels joined by "dot". */
function hostWords(host: string): string {
  const labels = host.toLowerCase().replace(/^www\./, '').split('.').filter(Boolean);
  return labels
    .map((label, index) => (index === labels.length - 1 ? SAID_ENDINGS.get(label) ?? (label.length <= 2 ? spellLetters(label) : partWords(label)) : SAID_ENDINGS.get(label) ?? partWords(label)))
    .join(' dot ');
}

/** A path: each part after "slash", words inside a part split at "-", "_" and "."; the query and fragment are not said. */
function pathWords(path: string): string {
  const clean = path.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const parts = clean.split('/').filter(Boolean);
  return parts
    .map((part) => {
      const file = part.replace(/\.(?:html?|php|aspx?|jsp)$/i, '');
      return file
        .split(/[-_.~+%]+/)
        .map(partWords)
        .filter(Boolean)
        .join(' ');
    })
    .filter(Boolean)
    .map((words) => `slash ${words}`)
    .join(' ');
}

/**
 * The spoken form of a web or e-mail address, as a newsreader says it:
 * "https://www.example.com/news" → "example dot com slash news",
 * "jane.doe@example.org" → "jane dot doe at example dot org".
 */
export function webAddressWords(address: string): string {
  const at = address.indexOf('@');
  if (at > 0 && !address.includes('://')) {
    const local = address
      .slice(0, at)
      .split(/([._+-])/)
      .map((piece) => (piece === '.' ? 'dot' : piece === '_' ? 'underscore' : piece === '-' ? 'dash' : piece === '+' ? 'plus' : partWords(piece)))
      .filter(Boolean)
      .join(' ');
    return `${local} at ${hostWords(address.slice(at + 1))}`;
  }
  const withoutScheme = address.replace(/^[a-z]+:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  const host = slash < 0 ? withoutScheme : withoutScheme.slice(0, slash);
  const path = slash < 0 ? '' : withoutScheme.slice(slash);
  const hostPart = hostWords(host.replace(/:\d+$/, '').replace(/^[^@]*@/, ''));
  const pathPart = pathWords(path);
  return pathPart.length > 0 ? `${hostPart} ${pathPart}` : hostPart;
}

/** Reads the web or e-mail address token at `index`. */
export function readWebAddress(context: RuleContext, index: number): number {
  context.writeWord(webAddressWords(context.text(index)));
  return index + 1;
}

/**
 * A web address for a voice of another language: the scheme and "www."
 * dropped (no voice should say "https colon slash slash"), the rest left for
 * the voice to read in its own language.
 */
export function readWebAddressNeutral(context: RuleContext, index: number): number {
  const address = context.text(index);
  context.write(address.includes('://') || /^www\./i.test(address) ? address.replace(/^[a-z]+:\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '') : address);
  return index + 1;
}
