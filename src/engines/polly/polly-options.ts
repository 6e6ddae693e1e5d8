import { z } from 'zod';
import { booleanOption, choiceOption, numberOption, textOption } from '../kit/option-schemas.js';
import { pollyOptionDefaults as defaults } from './polly-definition.js';
import { POLLY_ENGINE_TYPES } from './polly-ssml-tags.js';

/** Amazon Polly's options (`--engine-option key=value`). */
export const pollyOptionsSchema = z.strictObject({
  region: textOption().optional().describe('AWS region (default: AWS_REGION, then the AWS configuration)'),
  accessKeyId: textOption().optional().describe('access key id (default: the AWS credential chain)'),
  secretAccessKey: textOption().optional().describe('secret access key'),
  sessionToken: textOption().optional().describe('session token of temporary credentials'),
  endpoint: textOption().optional().describe('service URL (a proxy or test server)'),
  engine: choiceOption(POLLY_ENGINE_TYPES).default(defaults.engine).describe('Polly voice engine'),
  voice: textOption().optional().describe('default voice id (default Joanna; Danielle for long-form)'),
  sampleRate: choiceOption(['8000', '16000']).default(defaults.sampleRate).describe('sample rate of the PCM asked for, in Hz'),
  wordTimings: booleanOption().default(defaults.wordTimings).describe('ask for word speech marks (a second request)'),
  languageCode: textOption().optional().describe('for bilingual voices, the language to speak'),
  timeoutMs: numberOption({ min: 1 }).default(defaults.timeoutMs).describe('per-request timeout in milliseconds'),
});

/** Amazon Polly's options, checked. */
export type PollyOptions = z.output<typeof pollyOptionsSchema>;
