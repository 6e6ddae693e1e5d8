import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { BriefingError } from '../errors.js';
import type { BriefingConfig } from './briefing-config.js';
import { CONFIG_FILE_NAME } from './config-file-name.js';
import { DEFAULT_PARSED_CONFIG } from './default-config.js';
import { withResolvedPaths } from './resolve-config-paths.js';

export { CONFIG_FILE_NAME } from './config-file-name.js';

/** What {@link loadConfig} found. */
export interface LoadedConfig {
  config: BriefingConfig;
  /** Absolute path of the file read; absent when none was found and the defaults apply. */
  path?: string;
}

function label(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/** "line 3, column 7" for a JSON.parse error that says "at position N". */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/\s*in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} (line ${line}, column ${column})`;
}

/**
 * Reads the config: the file at `path` (relative to `cwd`) when given, else
 * `briefing.config.json` in `cwd` when present, else the defaults. Relative
 * paths inside the file are resolved against the file's folder (against `cwd`
 * for the defaults). Errors are `CONFIG_INVALID` and name the file and the
 * field, e.g. `briefing.config.json: show.explicit: expected boolean`.
 */
export async function loadConfig(path?: string, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const file = resolve(cwd, path ?? CONFIG_FILE_NAME);
  const name = label(file, cwd);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No file: the defaults, without loading the schema library to fill them in.
    if (path === undefined && code === 'ENOENT') return { config: withResolvedPaths(structuredClone(DEFAULT_PARSED_CONFIG), cwd) };
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})`;
    throw new BriefingError('CONFIG_INVALID', `${name}: ${reason}`, { cause: error });
  }
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BriefingError('CONFIG_INVALID', `${name}: not valid JSON: ${jsonErrorPlace(text, error)}`, { cause: error });
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new BriefingError('CONFIG_INVALID', `${name}: expected a JSON object at the top level`);
  }
  const { parseConfig } = await import('./parse-config.js');
  return { config: parseConfig(input, name, dirname(file)), path: file };
}
