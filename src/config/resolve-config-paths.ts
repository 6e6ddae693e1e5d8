import { resolve } from 'node:path';
import { defaultMusic, type MusicSettings } from '../assemble/music-settings.js';
import { templatePath } from '../publish/templates-folder.js';
import type { BriefingConfig } from './briefing-config.js';
import type { ParsedConfig } from './config-schema.js';

/** Relative paths of the file are relative to its folder; an absent cover is the bundled one. */
export function withResolvedPaths(parsed: ParsedConfig, base: string): BriefingConfig {
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
