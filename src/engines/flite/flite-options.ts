import { z } from 'zod';
import { textOption } from '../kit/option-schemas.js';
import { fliteOptionDefaults as defaults } from './flite-definition.js';

/** Flite's options (`--engine-option key=value`). */
export const fliteOptionsSchema = z.strictObject({
  voice: textOption().default(defaults.voice).describe('default voice: slt, rms, awb or kal'),
});

/** Flite's options, checked. */
export type FliteOptions = z.output<typeof fliteOptionsSchema>;
