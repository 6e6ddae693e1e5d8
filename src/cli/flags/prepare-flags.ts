import type { InferredOptionTypes, Options } from 'yargs';
import type { PrepareOptions } from '../../pipeline/build-options.js';
import { ENGINE_FLAGS, engineOptionsFromFlags, type EngineFlags } from './engine-flags.js';

/** The flags of every command that reads articles: the engine's, then how the narration is shaped. */
export const PREPARE_FLAGS = {
  ...ENGINE_FLAGS,
  title: { alias: 't', type: 'string', describe: 'episode title (default: the article title)' },
  language: { type: 'string', describe: 'language of the articles as a BCP 47 tag (default: detected, else en)' },
  lexicon: { type: 'string', describe: 'pronunciation lexicon file (JSON or W3C PLS)' },
  'quote-emphasis': { choices: ['none', 'reduced', 'moderate', 'strong'], describe: 'emphasis on quoted speech (default moderate)' },
  'quote-cues': { type: 'boolean', describe: 'say "quote" and "end quote" around quoted speech (default off)' },
  'quote-voice': { type: 'string', describe: 'a second voice for quoted speech' },
  'pause-title': { type: 'number', describe: 'pause after the title, ms (default 900)' },
  'pause-paragraph': { type: 'number', describe: 'pause between paragraphs, ms (default 450)' },
  'pause-heading': { type: 'number', describe: 'pause before a heading, ms (default 900)' },
  'pause-story': { type: 'number', describe: 'pause between stories, ms (default 1500)' },
  'max-pause': { type: 'number', describe: 'longest pause ever inserted, ms (default 3000)' },
  show: { type: 'string', describe: 'show name: said in the intro, the ID3 album, the title of the feed and the show page (default: the config\'s, else "Briefing")' },
  intro: { type: 'boolean', describe: 'speak an intro with the date (default: on for several stories, off for one article)' },
  outro: { type: 'boolean', describe: 'speak an outro (default: as --intro)' },
  'intro-voice': { type: 'string', describe: 'voice for the intro, transitions and outro' },
} as const satisfies Record<string, Options>;

/** The parsed {@link PREPARE_FLAGS}. */
export type PrepareFlags = InferredOptionTypes<typeof PREPARE_FLAGS> & EngineFlags;

/** Pauses of the flags, in the build options' names: only those given. */
function pausesFromFlags(flags: PrepareFlags): NonNullable<PrepareOptions['pauses']> {
  return {
    ...(flags['pause-title'] !== undefined ? { afterTitleMs: flags['pause-title'] } : {}),
    ...(flags['pause-paragraph'] !== undefined ? { betweenParagraphsMs: flags['pause-paragraph'] } : {}),
    ...(flags['pause-heading'] !== undefined ? { beforeHeadingMs: flags['pause-heading'] } : {}),
    ...(flags['pause-story'] !== undefined ? { betweenStoriesMs: flags['pause-story'] } : {}),
    ...(flags['max-pause'] !== undefined ? { maxPauseMs: flags['max-pause'] } : {}),
  };
}

/**
 * The prepare options the flags set, for `inputs`: only what was given, so
 * that laid over the config's options they change nothing else.
 */
export function prepareOptionsFromFlags(inputs: string[], flags: PrepareFlags): PrepareOptions {
  return {
    inputs,
    ...engineOptionsFromFlags(flags),
    ...(flags.title ? { title: flags.title } : {}),
    ...(flags.language ? { language: flags.language } : {}),
    ...(flags.lexicon ? { lexicon: flags.lexicon } : {}),
    pauses: pausesFromFlags(flags),
    ...(flags.show ? { show: flags.show } : {}),
    ...(flags.intro !== undefined ? { intro: flags.intro } : {}),
    ...(flags.outro !== undefined ? { outro: flags.outro } : {}),
    ...(flags['intro-voice'] ? { introVoice: flags['intro-voice'] } : {}),
    quotes: {
      ...(flags['quote-emphasis'] ? { emphasis: flags['quote-emphasis'] } : {}),
      ...(flags['quote-cues'] !== undefined ? { cues: flags['quote-cues'] } : {}),
      ...(flags['quote-voice'] ? { voice: flags['quote-voice'] } : {}),
    },
  };
}
