import type { ValidationError, XMLParser } from 'fast-xml-parser';
import { fastXmlParser } from '../platform/fast-xml-parser.js';
import { XML_READING } from '../platform/xml-reading.js';
import type { Lexicon, LexiconEntry } from './lexicon-entry.js';

/** Elements that may repeat; kept as arrays even when they appear once. */
const REPEATED = new Set(['lexeme', 'grapheme', 'alias', 'phoneme']);

let parser: XMLParser | undefined;

/** The PLS parser, made with the first lexicon read. */
function plsParser(): XMLParser {
  return (parser ??= new (fastXmlParser().XMLParser)({
    ...XML_READING,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => REPEATED.has(name),
  }));
}

type XmlNode = string | Record<string, unknown>;

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function textOf(node: XmlNode): string {
  const text = typeof node === 'string' ? node : node['#text'];
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
}

function attributeOf(node: XmlNode | undefined, name: string): string | undefined {
  const value = node !== undefined && typeof node === 'object' ? node[`@_${name}`] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function isIpa(alphabet: string | undefined): boolean {
  return alphabet === undefined || alphabet.toLowerCase() === 'ipa';
}

/** The validator's finding in the words the rest of the lexicon messages use. */
function describeMalformed({ err }: ValidationError): string {
  const unclosed = /^Invalid '(\[.*\])' found\.$/s.exec(err.msg);
  const openTags = unclosed ? (JSON.parse(unclosed[1]!) as unknown) : undefined;
  if (Array.isArray(openTags) && openTags.length > 0) return `<${String(openTags[openTags.length - 1])}> is not closed`;
  const tag = /^Unclosed tag '(.+)'\.$/.exec(err.msg);
  if (tag) return `<${tag[1]}> is not closed`;
  return `not well-formed XML (line ${err.line}: ${err.msg})`;
}

/** One `<lexeme>` as entries, one per grapheme, or a sentence describing the problem. */
function readLexeme(lexeme: XmlNode, number: number, lexiconAlphabet: string | undefined): LexiconEntry[] | string {
  const graphemes = nodes(typeof lexeme === 'object' ? lexeme['grapheme'] : undefined).map(textOf).filter(Boolean);
  const aliases = nodes(typeof lexeme === 'object' ? lexeme['alias'] : undefined).map(textOf).filter(Boolean);
  const phonemes = nodes(typeof lexeme === 'object' ? lexeme['phoneme'] : undefined)
    .map((phoneme) => ({ text: textOf(phoneme), alphabet: attributeOf(phoneme, 'alphabet') ?? lexiconAlphabet }))
    .filter((phoneme) => phoneme.text !== '');
  if (graphemes.length === 0) return `lexeme ${number} has no grapheme`;
  const ipa = phonemes.find((phoneme) => isIpa(phoneme.alphabet));
  if (aliases.length === 0 && ipa === undefined) {
    return phonemes.length > 0
      ? `lexeme ${number} ("${graphemes[0]}"): phoneme alphabet "${phonemes[0]!.alphabet}" is not supported, use ipa or an alias`
      : `lexeme ${number} ("${graphemes[0]}") has no alias or phoneme`;
  }
  return graphemes.map((grapheme) => ({
    grapheme,
    ...(aliases[0] !== undefined ? { alias: aliases[0] } : {}),
    ...(ipa !== undefined ? { ipa: ipa.text } : {}),
  }));
}

/**
 * Parses W3C Pronunciation Lexicon Specification (PLS) XML with
 * fast-xml-parser. Returns the lexicon, or a sentence describing the
 * problem. A lexeme's first alias and first IPA phoneme are used; a phoneme
 * in another alphabet alone is an error, since no engine-independent
 * reading can be made of it.
 */
export function parsePlsLexicon(xml: string): Lexicon | string {
  const valid = fastXmlParser().XMLValidator.validate(xml);
  if (valid !== true) return describeMalformed(valid);
  const document = plsParser().parse(xml) as Record<string, unknown>;
  const rootName = Object.keys(document)[0];
  const root = document['lexicon'];
  if (rootName !== 'lexicon' || root === undefined) return 'not a PLS lexicon: the root element must be <lexicon>';
  const lexiconAlphabet = attributeOf(root as XmlNode, 'alphabet');
  const entries: LexiconEntry[] = [];
  const lexemes = nodes(typeof root === 'object' && root !== null ? (root as Record<string, unknown>)['lexeme'] : undefined);
  for (const [index, lexeme] of lexemes.entries()) {
    const read = readLexeme(lexeme, index + 1, lexiconAlphabet);
    if (typeof read === 'string') return read;
    entries.push(...read);
  }
  return { entries };
}
