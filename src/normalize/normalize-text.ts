import type { AcronymReading } from './acronyms.js';
import { resolveDateOrder, type DateOrder } from './date-order.js';
import type { Lexicon } from './lexicon.js';
import { applyLexicon } from './lexicon-matcher.js';
import { readNumber } from './number-rules.js';
import { RuleContext, type RuleSettings } from './rule-context.js';
import type { SpeechPiece } from './speech-block.js';
import { SpeechWriter } from './speech-writer.js';
import { readSymbol, readSymbolNeutral } from './symbol-rules.js';
import { chunkText, joinSpacedThousands, tokenize } from './tokenize.js';
import { readAddress, readCompassStreet, readStateCode } from './address-rules.js';
import { readTelephone, readTelephoneAfterSymbol } from './telephone-rules.js';
import { readWebAddress, readWebAddressNeutral } from './web-address-rules.js';
import { readDotted, readWord } from './word-rules.js';

/** Options of {@link normalizeText}. */
export interface NormalizeOptions {
  /**
   * BCP 47 language of the text ('en', 'en-GB', 'de'). English gets the full
   * rules; other languages only white space, symbol and lexicon handling,
   * and their numbers are left for a voice of that language.
   */
  language: string;
  /** Pronunciation lexicon, applied to the original text before every other rule. */
  lexicon?: Lexicon;
  /**
   * User overrides for acronyms, by their written form: `'spell'` reads the
   * letters, `'word'` reads it as a word, any other string is said instead.
   */
  acronyms?: Record<string, AcronymReading>;
  /**
   * Order of day and month in numeric dates ("10/06/2005"). By default the
   * order of the language's region (month first for en-US, day first for
   * en-GB and most others); without a region, the order the text's own
   * unambiguous dates show, else day first.
   */
  dateOrder?: DateOrder;
}

/** Texts longer than this are normalized in pieces cut at line, sentence or word boundaries. */
const CHUNK_SIZE = 16_384;

function isEnglish(language: string): boolean {
  return /^en(?:$|[-_])/i.test(language.trim());
}

function settingsFor(options: NormalizeOptions, text: string): RuleSettings {
  const language = typeof options.language === 'string' ? options.language.trim() : '';
  return {
    american: /^en[-_]US\b/i.test(language),
    acronyms: options.acronyms ?? {},
    dateOrder: options.dateOrder ?? resolveDateOrder(language, text).order,
  };
}

function normalizeChunk(text: string, writer: SpeechWriter, options: NormalizeOptions, english: boolean, settings: RuleSettings): void {
  // Only English rules read "1 000" as one number; a voice of another language gets the digits as written.
  const tokens = applyLexicon(english ? joinSpacedThousands(tokenize(text)) : tokenize(text), options.lexicon);
  const context = new RuleContext(tokens, writer, settings);
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    let next: number;
    switch (token.kind) {
      case 'space':
        writer.space();
        next = index + 1;
        break;
      case 'lexicon': {
        const entry = token.entry!;
        const piece: SpeechPiece = { text: entry.alias ?? token.text, written: token.text };
        if (entry.ipa !== undefined) piece.ipa = entry.ipa;
        writer.piece(piece);
        next = index + 1;
        break;
      }
      case 'number':
        next = english ? (readAddress(context, index) ?? readTelephone(context, index) ?? readNumber(context, index)) : writeAsIs(context, index);
        break;
      case 'word':
        next = english ? (readCompassStreet(context, index) ?? readStateCode(context, index) ?? readWord(context, index)) : readWordNeutral(context, index);
        break;
      case 'dotted':
        next = english ? readDotted(context, index) : readWordNeutral(context, index);
        break;
      case 'web':
        next = english ? readWebAddress(context, index) : readWebAddressNeutral(context, index);
        break;
      default:
        next = english ? (readTelephoneAfterSymbol(context, index) ?? readSymbol(context, index)) : readSymbolNeutral(context, index);
    }
    // Every rule consumes at least one token; this guards the loop against a rule that does not.
    index = next > index ? next : index + 1;
  }
}

function writeAsIs(context: RuleContext, index: number): number {
  context.write(context.text(index));
  return index + 1;
}

function readWordNeutral(context: RuleContext, index: number): number {
  const text = context.text(index);
  const override = context.settings.acronyms[text];
  if (override === undefined) return writeAsIs(context, index);
  if (override === 'spell') context.write([...text.replaceAll('.', '')].join(' ').toUpperCase());
  else if (override === 'word') context.write(text.toLowerCase());
  else context.write(override);
  return index + 1;
}

/** Last-resort reading when a rule fails on some input: the text with white space collapsed and unsayable characters dropped. */
function fallbackPieces(text: string): SpeechPiece[] {
  const cleaned = text
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length === 0 ? [] : [{ text: cleaned }];
}

/**
 * Turns display text into the words sent to a speech engine, so that no
 * engine's own reading rules decide what is said. For English: acronyms
 * ("US" → "U S", "NATO" → "nato"), years, decades, dates, times, money,
 * percentages, ranges, scores, fractions, units, titles and abbreviations,
 * Roman numerals; emoji and unsayable symbols are dropped. For every
 * language: the lexicon, white space and symbols.
 *
 * Lexicon hits become their own pieces (`{ text: alias, written, ipa? }`);
 * everything else is in plain `{ text }` pieces. Joining the pieces' texts
 * gives the whole spoken string. Never throws; runs in time linear in the
 * length of the text.
 */
export function normalizeText(text: string, options: NormalizeOptions): SpeechPiece[] {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const safeOptions: NormalizeOptions = options ?? { language: 'en' };
  try {
    const english = isEnglish(typeof safeOptions.language === 'string' ? safeOptions.language : 'en');
    const settings = settingsFor(safeOptions, input);
    const writer = new SpeechWriter();
    for (const chunk of chunkText(input, CHUNK_SIZE)) {
      normalizeChunk(chunk, writer, safeOptions, english, settings);
    }
    return writer.finish();
  } catch {
    return fallbackPieces(input);
  }
}
