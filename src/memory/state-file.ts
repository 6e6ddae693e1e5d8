import { readFile } from 'node:fs/promises';
import { BriefingError } from '../errors.js';
import type { BriefedStory } from './state-file-schema.js';
import { STATE_FILE_VERSION } from './state-file-version.js';

export type { BriefedStory } from './state-file-schema.js';
export { STATE_FILE_VERSION } from './state-file-version.js';

/**
 * Reads the stories recorded in a state file; none when the file does not exist.
 *
 * @throws BriefingError `OUTPUT_FAILED`: "<path>: not a briefing state file: …"
 *   for a file that is not JSON or not of this shape, or one a newer version wrote
 */
export async function readStateFile(path: string): Promise<BriefedStory[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new BriefingError('OUTPUT_FAILED', `${path}: cannot be read${code ? ` (${code})` : ''}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw notStateFile(path, `not JSON (${(error as Error).message.split('\n')[0]})`, error);
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > STATE_FILE_VERSION) {
    throw notStateFile(path, `version ${version} was written by a newer briefing; this one reads version ${STATE_FILE_VERSION}`);
  }
  // The schema library is loaded only when there is a file to check.
  const { stateFileSchema } = await import('./state-file-schema.js');
  const parsed = stateFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw notStateFile(path, `${where}${issue.message}`, parsed.error);
  }
  return parsed.data.stories;
}

/** The text of a state file holding `stories`. */
export function stateFileText(stories: readonly BriefedStory[]): string {
  return `${JSON.stringify({ version: STATE_FILE_VERSION, stories }, null, 2)}\n`;
}

function notStateFile(path: string, reason: string, cause?: unknown): BriefingError {
  return new BriefingError('OUTPUT_FAILED', `${path}: not a briefing state file: ${reason}`, cause === undefined ? {} : { cause });
}
