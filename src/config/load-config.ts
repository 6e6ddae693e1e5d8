import { defaultMusic, type MusicSettings } from '../assemble/music-mix.js';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { BriefingError } from '../errors.js';
import { templatePath } from '../publish/templates-folder.js';
import type { BriefingConfig } from './briefing-config.js';
import { briefingConfigSchema, type ParsedConfig } from './config-schema.js';
import { describeConfigIssues } from './config-issues.js';
import { CONFIG_FILE_NAME } from './config-file-name.js';

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

/** Relative paths of the file are relative to its folder; an absent cover is the bundled one. */
function withResolvedPaths(parsed: ParsedConfig, base: string): BriefingConfig {
  const { coverImage, ...show } = parsed.show;
  const cover = coverImage === false ? undefined : coverImage === undefined ? templatePath('cover.png') : resolve(base, coverImage);
  const engineId = /^\.\.?[\\/]/.test(parsed.engine.id) ? resolve(base, parsed.engine.id) : parsed.engine.id;
  return {
    ...parsed,
    show: { ...show, ...(cover ? { coverImage: cover } : {}) },
    engine: { ...parsed.engine, id: engineId },
    ...(parsed.lexicon !== undefined ? { lexicon: resolve(base, parsed.lexicon) } : {}),
    output: resolve(base, parsed.output),
    music: resolveMusic(parsed.music, base),
  };
}

/** `true` is the bundled music; files of the user's own are resolved against the config's folder. */
function resolveMusic(music: ParsedConfig['music'], base: string): MusicSettings | false {
  if (music === false) return false;
  if (music === true) return defaultMusic();
  return {
    ...(music.intro ? { intro: resolve(base, music.intro) } : {}),
    ...(music.outro ? { outro: resolve(base, music.outro) } : {}),
    ...(music.bed ? { bed: resolve(base, music.bed) } : {}),
    ...(music.bedLevelDb !== undefined ? { bedLevelDb: music.bedLevelDb } : {}),
    ...(music.fadeMs !== undefined ? { fadeMs: music.fadeMs } : {}),
  };
}

/**
 * Validates a config object as if read from `file` (a name for messages):
 * defaults filled, relative paths resolved against `baseDirectory`.
 * Throws `CONFIG_INVALID` listing every problem, one a line.
 */
export function parseConfig(input: unknown, file: string, baseDirectory: string): BriefingConfig {
  const result = briefingConfigSchema.safeParse(input);
  if (!result.success) {
    throw new BriefingError('CONFIG_INVALID', describeConfigIssues(file, result.error.issues, input).join('; '), { cause: result.error });
  }
  return withResolvedPaths(result.data, baseDirectory);
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
    if (path === undefined && code === 'ENOENT') return { config: parseConfig({}, CONFIG_FILE_NAME, cwd) };
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
  return { config: parseConfig(input, name, dirname(file)), path: file };
}
