import { stat } from 'node:fs/promises';
import { BriefingError } from '../errors.js';
import { readFileInput } from './read-file-input.js';
import { readFolderInput } from './read-folder-input.js';
import type { SourceContext } from './source-context.js';
import type { SourceStory } from './source-story.js';

/**
 * Reads one input by its kind: an `http://` or `https://` address, `-` for
 * standard input, a folder, or a file. Its warnings go to `context.warn`.
 */
export async function readInputStories(input: string, context: SourceContext): Promise<SourceStory[]> {
  if (/^https?:\/\//i.test(input)) {
    if (!URL.canParse(input)) throw new BriefingError('USAGE', `${input}: is not a valid web address`);
    // What reads the web (the feed parser among it) is loaded for an address only.
    const { readUrlInput } = await import('./read-url-input.js');
    return readUrlInput(input, context);
  }
  context.progress(`reading ${input}`);
  if (input !== '-' && (await isFolder(input))) return readFolderInput(input, context);
  return readFileInput(input, context);
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
