import { z } from 'zod';
import { choiceOption, listOption, numberOption, textOption } from '../kit/option-schemas.js';
import { OUTPUT_FORMATS } from './audio-output.js';
import { commandOptionDefaults as defaults } from './command-definition.js';

/** The command engine's options (`--engine-option key=value`). */
export const commandOptionsSchema = z.strictObject({
  command: textOption()
    .optional()
    .describe('the command template (required): placeholders {text}, {ssml}, {input}, {out}, {voice}, {rate}, {wpm}, {lengthScale}'),
  input: choiceOption(['text', 'ssml']).default(defaults.input).describe('what the program reads: plain text or W3C SSML'),
  format: choiceOption(OUTPUT_FORMATS).optional().describe('what the program writes (default: recognized from the bytes)'),
  sampleRate: numberOption({ min: 1000, max: 384_000, integer: true }).optional().describe('sample rate of raw output, in Hz'),
  voices: listOption().optional().describe('comma list of the voice names the program knows'),
  voice: textOption().optional().describe('default voice (default: the first of voices)'),
  language: textOption().default(defaults.language).describe('language of the voices'),
  wpm: numberOption({ min: 1, max: 2000 }).default(defaults.wpm).describe('base words a minute for {wpm}'),
  maxInput: numberOption({ min: 1, integer: true }).default(defaults.maxInput).describe('characters a request'),
  ssmlTags: listOption().default(defaults.ssmlTags).describe('comma list of the SSML tags the program honours (input=ssml)'),
  timeoutMs: numberOption({ min: 1 }).default(defaults.timeoutMs).describe('longest run in milliseconds'),
});

/** The command engine's options, checked. */
export type CommandOptions = z.output<typeof commandOptionsSchema>;
