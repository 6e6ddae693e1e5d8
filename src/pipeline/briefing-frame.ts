import { canonicalLanguage } from '../ingest/language-tag.js';
import { splitSentences } from '../segment/index.js';
import type { BlockKind, NarrationBlock, SegmentedStory } from '../segment/narration-block.js';

/** The spoken frame of a briefing: what is said before, between and after the stories. */
export interface FrameTemplates {
  /** Said first. Placeholders: {show} {weekday} {date} {count} {title} {headlines}. */
  intro: string;
  /** Introduces the first story of several. Placeholders as above, {title} being the story's. */
  firstStory: string;
  /** Introduces each later story. */
  nextStory: string;
  /** Introduces the last story of several. */
  lastStory: string;
  /** Said last. */
  outro: string;
}

/** The default wording, in English. */
export const DEFAULT_FRAME: FrameTemplates = {
  intro: 'This is {show} for {weekday}, {date}. {headlines}',
  firstStory: 'First: {title}.',
  nextStory: 'Next: {title}.',
  lastStory: 'Finally: {title}.',
  outro: 'That was {show} for {weekday}, {date}. Thanks for listening.',
};

/** Headlines the intro reads by default; the rest are counted ("and 7 more"). */
export const DEFAULT_MAX_HEADLINES = 5;

/** Values for the placeholders. */
export interface FrameContext {
  show: string;
  date: Date;
  language: string;
  /** Title of the whole briefing. */
  title: string;
  /** Most headlines `{headlines}` reads; the others are counted. Default {@link DEFAULT_MAX_HEADLINES}. */
  maxHeadlines?: number;
}

function fill(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match)
    .replace(/\s+/g, ' ')
    .trim();
}

/** "A; B; and C". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`;
}

/**
 * The `{headlines}` sentence: "In this briefing, 3 stories: A; B; and C.", or
 * with more stories than `max`, the first `max` and a count of the others:
 * "In this briefing, 12 stories: A; B; C; D; E; and 7 more." Empty for one story.
 */
export function headlinesSentence(titles: readonly string[], max: number = DEFAULT_MAX_HEADLINES): string {
  if (titles.length <= 1) return '';
  const read = Math.max(0, Math.min(Math.floor(max), titles.length));
  const opening = `In this briefing, ${titles.length} stories`;
  if (read === titles.length) return `${opening}: ${listOf(titles)}.`;
  if (read === 0) return `${opening}.`;
  return `${opening}: ${titles.slice(0, read).join('; ')}; and ${titles.length - read} more.`;
}

function frameBlock(id: string, kind: BlockKind, text: string, story: number, language: string): NarrationBlock {
  const sentences = splitSentences(text).map((sentence) => ({ text: sentence, runs: [{ text: sentence }] }));
  return { id, kind, text, sentences, story, language };
}

/**
 * Adds the spoken frame to the stories' blocks: an intro with the date (and,
 * when there are several stories, their number and the first few headlines,
 * see {@link headlinesSentence}), a transition naming each
 * story in place of its title block, and an outro.
 */
export function frameBriefing(
  stories: readonly SegmentedStory[],
  context: FrameContext,
  templates: Partial<FrameTemplates> = {},
  include: { intro: boolean; outro: boolean } = { intro: true, outro: true },
): NarrationBlock[] {
  const wording = { ...DEFAULT_FRAME, ...templates };
  const locale = canonicalLanguage(context.language) ?? 'en';
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(context.date);
  const date = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric' }).format(context.date);
  const titles = stories.map((story) => story.title);
  const values = {
    show: context.show,
    weekday,
    date,
    count: String(stories.length),
    title: context.title,
    headlines: headlinesSentence(titles, context.maxHeadlines),
  };
  const blocks: NarrationBlock[] = [];
  if (include.intro) blocks.push(frameBlock('intro', 'intro', fill(wording.intro, values), 0, locale));
  stories.forEach((story, index) => {
    if (stories.length === 1) {
      blocks.push(...story.blocks);
      return;
    }
    const template = index === 0 ? wording.firstStory : index === stories.length - 1 ? wording.lastStory : wording.nextStory;
    blocks.push(frameBlock(`s${index}-next`, 'transition', fill(template, { ...values, title: story.title }), index, story.language));
    blocks.push(...story.blocks.filter((block) => block.kind !== 'title'));
  });
  if (include.outro) blocks.push(frameBlock('outro', 'outro', fill(wording.outro, values), Math.max(0, stories.length - 1), locale));
  return blocks;
}
