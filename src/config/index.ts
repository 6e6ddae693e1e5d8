/** The show configuration: `briefing.config.json`, its schema, loader and starter file. */
export type { ShowSettings, ShowOwner } from '../publish/show-settings.js';
export type {
  BriefingConfig,
  EngineSettings,
  VoiceSettings,
  PauseConfig,
  QuoteSettings,
  LoudnessSettings,
  TemplateSettings,
} from './briefing-config.js';
export { briefingConfigSchema, TEMPLATE_PLACEHOLDERS, MP3_BITRATES, COMMENT_KEYS, type ParsedConfig, type ParsedShow } from './config-schema.js';
export { describeConfigIssues } from './config-issues.js';
export { loadConfig, CONFIG_FILE_NAME, type LoadedConfig } from './load-config.js';
export { parseConfig } from './parse-config.js';
export { starterConfig } from './starter-config.js';
export { buildOptionsFromConfig } from './build-options-from-config.js';
export { showForBuild, type ShowOverrides } from './show-for-build.js';
