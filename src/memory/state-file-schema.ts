import { z } from 'zod';
import { STATE_FILE_VERSION } from './state-file-version.js';

const briefedStorySchema = z.object({
  // Read from JSON, where an absent field is never undefined.
  guid: z.string().min(1).exactOptional(),
  url: z.string().min(1).exactOptional(),
  hash: z.string().regex(/^[0-9a-f]{32}$/, { error: 'expected 32 hexadecimal digits' }),
  feed: z.string().min(1).exactOptional(),
  title: z.string(),
  episode: z.string(),
  briefedAt: z.iso.datetime({ offset: true }),
});

export const stateFileSchema = z.object({
  version: z.literal(STATE_FILE_VERSION),
  stories: z.array(briefedStorySchema),
});

/** One story recorded as briefed. */
export type BriefedStory = z.infer<typeof briefedStorySchema>;
