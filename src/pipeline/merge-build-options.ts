import type { BuildOptions } from './build-options.js';

/** Build options without the inputs: the defaults a config file or a service sets for every build. */
export type BuildDefaults = Omit<BuildOptions, 'inputs'>;

/**
 * `overrides` laid over `base`, as a command line over a config file: a
 * field of `overrides` replaces the same field of `base`, except the nested
 * settings (engine options, pauses, quotes, frame wording), which are merged
 * field by field so that one flag changes one setting.
 */
export function mergeBuildOptions<Overrides extends Partial<BuildOptions>>(base: BuildDefaults, overrides: Overrides): BuildDefaults & Overrides {
  return {
    ...base,
    ...overrides,
    engineOptions: { ...base.engineOptions, ...overrides.engineOptions },
    pauses: { ...base.pauses, ...overrides.pauses },
    quotes: { ...base.quotes, ...overrides.quotes },
    frame: { ...base.frame, ...overrides.frame },
  };
}
