import type { Manifest } from '../publish/manifest.js';
import { oneLine } from '../platform/plain-text.js';

/**
 * A plain-text description of an episode: the one its maker gave, else the standfirst of a one-story
 * episode (else its first paragraph), or the titles of the stories of a
 * briefing, one sentence.
 */
export function episodeDescription(manifest: Manifest): string {
  if (manifest.description !== undefined && oneLine(manifest.description) !== '') return oneLine(manifest.description);
  const titles = manifest.stories.map((story) => oneLine(story.title)).filter((title) => title !== '');
  if (titles.length > 1) return `${titles.length} stories: ${titles.join('; ')}.`;
  const lead = manifest.blocks.find((block) => block.kind === 'standfirst') ?? manifest.blocks.find((block) => block.kind === 'paragraph');
  return oneLine(lead?.text ?? '') || oneLine(manifest.title);
}
