import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BriefingError, isBriefingError } from '../errors.js';
import { readFileInput } from './read-file-input.js';
import type { SourceContext } from './source-context.js';
import type { SourceStory } from './source-story.js';

/** Extensions of the files a folder input reads. */
export const FOLDER_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'xml', 'rss', 'atom'] as const;

/** Made on first use: ICU's collation data costs as much to load as the rest of this module. */
let byName: Intl.Collator | undefined;

/**
 * Reads every article and feed file directly inside a folder (see
 * {@link FOLDER_EXTENSIONS}; hidden files and subfolders are left out),
 * sorted by name with numbers in numeric order ("2-x.md" before "10-x.md").
 * A file without readable text, or one that is not text, is skipped with a
 * warning so one bad file does not sink the rest.
 *
 * @throws BriefingError `INPUT_EMPTY` naming the folder when it has no such
 *   files, or none of them has readable text
 */
export async function readFolderInput(folder: string, context: SourceContext): Promise<SourceStory[]> {
  const files = await articleFiles(folder);
  if (files.length === 0) {
    throw new BriefingError('INPUT_EMPTY', `${folder}: has no article or feed files (${FOLDER_EXTENSIONS.map((extension) => `.${extension}`).join(', ')})`);
  }
  const stories: SourceStory[] = [];
  let skipped = 0;
  for (const file of files) {
    context.progress(`reading ${file}`);
    try {
      stories.push(...(await readFileInput(file, context)));
    } catch (error) {
      if (!isBriefingError(error, 'INPUT_EMPTY') && !isBriefingError(error, 'INPUT_NOT_TEXT')) throw error;
      context.warn({ code: error.code, source: file, message: `${error.message}; skipped` });
      skipped++;
    }
  }
  if (skipped === files.length) {
    throw new BriefingError('INPUT_EMPTY', `${folder}: none of its files has readable text`);
  }
  return stories;
}

async function articleFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !hasFolderExtension(entry.name)) continue;
    if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(join(folder, entry.name))))) names.push(entry.name);
  }
  byName ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
  return names.sort(byName.compare).map((name) => join(folder, name));
}

function hasFolderExtension(name: string): boolean {
  const extension = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  return extension !== undefined && (FOLDER_EXTENSIONS as readonly string[]).includes(extension);
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}
