import type { BuildOptions } from '../pipeline/build-options.js';
import type { BriefingConfig } from './briefing-config.js';

/**
 * The build options a config sets, for the CLI to overlay its own flags on:
 * engine, voices, pauses, quotes, lexicon, frame wording, loudness, bitrate,
 * output folder, the story and headline limits and the show's name, author and cover. Only fields the
 * config defines are present in `pauses` and `frame`.
 */
export function buildOptionsFromConfig(config: BriefingConfig): Omit<BuildOptions, 'inputs'> {
  const { templates } = config;
  const frame = {
    ...(templates.intro !== undefined ? { intro: templates.intro } : {}),
    ...(templates.outro !== undefined ? { outro: templates.outro } : {}),
    ...(templates.transition !== undefined ? { nextStory: templates.transition } : {}),
    ...(templates.firstStory !== undefined ? { firstStory: templates.firstStory } : {}),
    ...(templates.lastStory !== undefined ? { lastStory: templates.lastStory } : {}),
  };
  const pauses = Object.fromEntries(Object.entries(config.pauses).filter(([, value]) => value !== undefined));
  return {
    engine: config.engine.id,
    engineOptions: { ...config.engine.options },
    ...(config.voices.main ? { voice: config.voices.main } : {}),
    ...(config.voices.intro ? { introVoice: config.voices.intro } : {}),
    pauses,
    quotes: { emphasis: config.quotes.emphasis, cues: config.quotes.cues, ...(config.voices.quote ? { voice: config.voices.quote } : {}) },
    ...(config.lexicon ? { lexicon: config.lexicon } : {}),
    frame,
    outputDirectory: config.output,
    bitrateKbps: config.bitrateKbps,
    loudnessLufs: config.loudness.integratedLufs,
    truePeakDbtp: config.loudness.truePeakDbtp,
    show: config.show.title,
    showAuthor: config.show.author,
    // An absent cover after loading means the file said `false` (the default is the bundled cover).
    coverImage: config.show.coverImage ?? false,
    ...(config.music ? { music: config.music } : {}),
    ...(config.maxStories !== undefined ? { maxStories: config.maxStories } : {}),
    ...(config.maxHeadlines !== undefined ? { maxHeadlines: config.maxHeadlines } : {}),
  };
}
