import { z } from 'zod';
import { textOption } from '../kit/option-schemas.js';

/** eSpeak NG's options (`--engine-option key=value`). */
export const espeakOptionsSchema = z.strictObject({
  voice: textOption().optional().describe("default voice (see briefing voices --engine espeak); default: the block's language"),
});

/** eSpeak NG's options, checked. */
export type EspeakOptions = z.output<typeof espeakOptionsSchema>;
