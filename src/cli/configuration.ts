import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BriefingConfig } from '../config/briefing-config.js';
import { CONFIG_FILE_NAME } from '../config/config-file-name.js';
import { DEFAULT_ENGINE } from '../engines/default-engine.js';
import type { PrepareOptions } from '../pipeline/build-options.js';
import type { GlobalFlags } from './command-context.js';
import { prepareOptionsFromFlags, type PrepareFlags } from './flags/prepare-flags.js';

// The config's loader and schemas are imported when a command reads the
// config, so commands that do not never load the schema library.

/** The configuration in force: `--config FILE`, else ./briefing.config.json when present, else the defaults. */
export async function configuration(flags: Pick<GlobalFlags, 'config'>): Promise<BriefingConfig> {
  const { loadConfig } = await import('../config/load-config.js');
  return (await loadConfig(flags.config)).config;
}

/**
 * The config's engine section; with no config file at all, the default
 * engine, without loading the config's schemas (listing voices stays fast).
 */
export async function configuredEngine(flags: Pick<GlobalFlags, 'config'>): Promise<BriefingConfig['engine']> {
  if (flags.config === undefined && !existsSync(resolve(CONFIG_FILE_NAME))) return { id: DEFAULT_ENGINE, options: {} };
  return (await configuration(flags)).engine;
}

/** Prepare options for `inputs` from the config and the flags (`segments`, `ssml`). */
export async function preparedOptions(inputs: string[], flags: PrepareFlags & Pick<GlobalFlags, 'config'>): Promise<PrepareOptions> {
  const [{ buildOptionsFromConfig }, { mergeBuildOptions }] = await Promise.all([
    import('../config/build-options-from-config.js'),
    import('../pipeline/merge-build-options.js'),
  ]);
  return mergeBuildOptions(buildOptionsFromConfig(await configuration(flags)), prepareOptionsFromFlags(inputs, flags));
}
