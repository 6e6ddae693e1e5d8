import { z } from 'zod';
import { numberOption, textOption } from '../kit/option-schemas.js';
import { azureOptionDefaults as defaults } from './azure-definition.js';

/** Azure Speech's options (`--engine-option key=value`). */
export const azureOptionsSchema = z.strictObject({
  key: textOption().optional().describe('Speech resource key (default: AZURE_SPEECH_KEY)'),
  region: textOption().optional().describe('region of the resource, e.g. westeurope (default: AZURE_SPEECH_REGION)'),
  endpoint: textOption().optional().describe('base URL replacing the regional one (a proxy or test server)'),
  voice: textOption().default(defaults.voice).describe('default voice'),
  timeoutMs: numberOption({ min: 1 }).default(defaults.timeoutMs).describe('per-request timeout in milliseconds'),
});

/** Azure Speech's options, checked. */
export type AzureOptions = z.output<typeof azureOptionsSchema>;
