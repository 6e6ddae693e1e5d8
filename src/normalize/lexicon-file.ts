import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { BriefingError } from '../errors.js';
import type { Lexicon, LexiconEntry } from './lexicon-entry.js';
import { parsePlsLexicon } from './pls-lexicon.js';

const entrySchema = z
  .object({
    grapheme: z.string().trim().min(1, 'grapheme must not be empty'),
    alias: z.string().trim().min(1, 'alias must not be empty').optional(),
    ipa: z.string().trim().min(1, 'ipa must not be empty').optional(),
    caseSensitive: z.boolean().optional(),
  })
  .strict()
  .refine((entry) => entry.alias !== undefined || entry.ipa !== undefined, {
    message: 'needs an alias or an ipa',
  });

const entriesSchema = z.object({ entries: z.array(entrySchema) }).catchall(z.unknown());
const mapSchema = z.record(z.string().trim().min(1, 'a word must not be empty'), z.string().trim().min(1, 'alias must not be empty'));

function invalid(fileName: string, problem: string, cause?: unknown): BriefingError {
  return new BriefingError('CONFIG_INVALID', `${fileName}: ${problem}`, cause === undefined ? {} : { cause });
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid lexicon';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

function withoutMetaKeys(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (!key.startsWith('$')) result[key] = entry;
  return result;
}

function parseJsonLexicon(content: string, fileName: string): Lexicon {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw invalid(fileName, `not valid JSON (${(error as Error).message})`, error);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw invalid(fileName, 'a JSON lexicon must be an object: {"word": "alias"} or {"entries": [...]}');
  }
  const object = withoutMetaKeys(data as Record<string, unknown>);
  if ('entries' in object) {
    const parsed = entriesSchema.safeParse(object);
    if (!parsed.success) throw invalid(fileName, describeIssue(parsed.error));
    return {
      entries: parsed.data.entries.map((entry) => {
        const result: LexiconEntry = { grapheme: entry.grapheme };
        if (entry.alias !== undefined) result.alias = entry.alias;
        if (entry.ipa !== undefined) result.ipa = entry.ipa;
        if (entry.caseSensitive !== undefined) result.caseSensitive = entry.caseSensitive;
        return result;
      }),
    };
  }
  const parsed = mapSchema.safeParse(object);
  if (!parsed.success) throw invalid(fileName, describeIssue(parsed.error));
  return { entries: Object.entries(parsed.data).map(([grapheme, alias]) => ({ grapheme: grapheme.trim(), alias })) };
}

/**
 * Parses a pronunciation lexicon. The format is chosen by the content: JSON
 * (a `{"word": "alias"}` map, or `{"entries": [{grapheme, alias?, ipa?,
 * caseSensitive?}]}`; keys starting with `$` are ignored) or W3C PLS XML
 * (`<lexicon><lexeme><grapheme/><alias/>|<phoneme/></lexeme></lexicon>`).
 *
 * @param content - The file's text.
 * @param fileName - Named in error messages.
 * @throws BriefingError `CONFIG_INVALID` with the message `<fileName>: <problem>`.
 */
export function parseLexicon(content: string, fileName: string): Lexicon {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const trimmed = text.trimStart();
  if (trimmed.length === 0) throw invalid(fileName, 'the lexicon is empty');
  if (trimmed.startsWith('{')) return parseJsonLexicon(trimmed, fileName);
  if (trimmed.startsWith('<')) {
    const result = parsePlsLexicon(trimmed);
    if (typeof result === 'string') throw invalid(fileName, result);
    return result;
  }
  throw invalid(fileName, 'not a lexicon: expected a JSON object or PLS XML');
}

/**
 * Reads and parses a lexicon file (JSON or PLS XML).
 *
 * @throws BriefingError `CONFIG_INVALID` when the file cannot be read or is not a valid lexicon.
 */
export async function loadLexicon(path: string): Promise<Lexicon> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw invalid(path, `lexicon ${reason}`, error);
  }
  return parseLexicon(content, path);
}
