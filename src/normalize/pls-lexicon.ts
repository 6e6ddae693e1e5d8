import type { Lexicon, LexiconEntry } from './lexicon.js';

type XmlPart =
  | { type: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(Number.parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10), whole);
    return NAMED_ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  // Bounded name length keeps the scan linear even on a long run of name characters without "=".
  const pattern = /([\w:.-]{1,64})\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (const match of source.matchAll(pattern)) {
    attributes[localName(match[1]!)] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** Splits XML into tags and text; comments, declarations and doctypes are skipped. */
function scanXml(xml: string): XmlPart[] | string {
  const parts: XmlPart[] = [];
  let position = 0;
  while (position < xml.length) {
    const open = xml.indexOf('<', position);
    if (open === -1) {
      parts.push({ type: 'text', text: decodeEntities(xml.slice(position)) });
      break;
    }
    if (open > position) parts.push({ type: 'text', text: decodeEntities(xml.slice(position, open)) });
    if (xml.startsWith('<!--', open)) {
      const end = xml.indexOf('-->', open + 4);
      if (end === -1) return 'unclosed XML comment';
      position = end + 3;
    } else if (xml.startsWith('<![CDATA[', open)) {
      const end = xml.indexOf(']]>', open + 9);
      if (end === -1) return 'unclosed CDATA section';
      parts.push({ type: 'text', text: xml.slice(open + 9, end) });
      position = end + 3;
    } else if (xml.startsWith('<?', open) || xml.startsWith('<!', open)) {
      const end = xml.indexOf('>', open);
      if (end === -1) return 'unclosed XML declaration';
      position = end + 1;
    } else {
      const end = xml.indexOf('>', open);
      if (end === -1) return 'unclosed XML tag';
      const inner = xml.slice(open + 1, end);
      if (inner.startsWith('/')) {
        parts.push({ type: 'close', name: localName(inner.slice(1).trim()) });
      } else {
        const selfClosing = inner.endsWith('/');
        const body = selfClosing ? inner.slice(0, -1) : inner;
        const nameMatch = /^[\w:.-]+/.exec(body);
        if (nameMatch === null) return `malformed XML tag <${inner.slice(0, 20)}>`;
        parts.push({
          type: 'open',
          name: localName(nameMatch[0]),
          attributes: parseAttributes(body.slice(nameMatch[0].length)),
          selfClosing,
        });
      }
      position = end + 1;
    }
  }
  return parts;
}

function isIpa(alphabet: string | undefined): boolean {
  return alphabet === undefined || alphabet.toLowerCase() === 'ipa';
}

/**
 * Parses W3C Pronunciation Lexicon Specification (PLS) XML. Returns the
 * lexicon, or a sentence describing the problem.
 */
export function parsePlsLexicon(xml: string): Lexicon | string {
  const parts = scanXml(xml);
  if (typeof parts === 'string') return parts;
  const rootIndex = parts.findIndex((part) => part.type === 'open');
  const root = parts[rootIndex];
  if (root === undefined || root.type !== 'open' || root.name !== 'lexicon') {
    return 'not a PLS lexicon: the root element must be <lexicon>';
  }
  const lexiconAlphabet = root.attributes['alphabet'];
  const entries: LexiconEntry[] = [];
  const stack: string[] = [];
  let lexemeNumber = 0;
  let graphemes: string[] = [];
  let aliases: string[] = [];
  let phonemes: { text: string; alphabet: string | undefined }[] = [];
  let phonemeAlphabet: string | undefined;
  let text = '';

  for (let index = rootIndex; index < parts.length; index += 1) {
    const part = parts[index]!;
    if (part.type === 'text') {
      text += part.text;
      continue;
    }
    if (part.type === 'open') {
      if (part.name === 'lexeme') {
        if (stack.includes('lexeme')) return `lexeme ${lexemeNumber} is not closed`;
        lexemeNumber += 1;
        graphemes = [];
        aliases = [];
        phonemes = [];
      }
      if (part.name === 'phoneme') phonemeAlphabet = part.attributes['alphabet'] ?? lexiconAlphabet;
      text = '';
      if (!part.selfClosing) stack.push(part.name);
      continue;
    }
    const top = stack.pop();
    if (top !== part.name) return `unexpected </${part.name}>${top === undefined ? '' : ` (expected </${top}>)`}`;
    const value = text.replace(/\s+/g, ' ').trim();
    text = '';
    if (!stack.includes('lexeme') && part.name !== 'lexeme') continue;
    if (part.name === 'grapheme' && value.length > 0) graphemes.push(value);
    else if (part.name === 'alias' && value.length > 0) aliases.push(value);
    else if (part.name === 'phoneme' && value.length > 0) phonemes.push({ text: value, alphabet: phonemeAlphabet });
    else if (part.name === 'lexeme') {
      if (graphemes.length === 0) return `lexeme ${lexemeNumber} has no grapheme`;
      const ipa = phonemes.find((phoneme) => isIpa(phoneme.alphabet));
      if (aliases.length === 0 && ipa === undefined) {
        if (phonemes.length > 0) {
          return `lexeme ${lexemeNumber} ("${graphemes[0]}"): phoneme alphabet "${phonemes[0]!.alphabet}" is not supported, use ipa or an alias`;
        }
        return `lexeme ${lexemeNumber} ("${graphemes[0]}") has no alias or phoneme`;
      }
      for (const grapheme of graphemes) {
        const entry: LexiconEntry = { grapheme };
        if (aliases[0] !== undefined) entry.alias = aliases[0];
        if (ipa !== undefined) entry.ipa = ipa.text;
        entries.push(entry);
      }
    }
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is not closed`;
  return { entries };
}
