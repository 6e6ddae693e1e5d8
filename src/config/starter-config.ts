import { DEFAULT_FRAME } from '../pipeline/briefing-frame.js';
import { DEFAULT_PAUSES } from '../ssml/pauses.js';
import { MP3_BITRATES, TEMPLATE_PLACEHOLDERS } from './config-schema.js';
import { DEFAULT_PARSED_CONFIG } from './default-config.js';

const placeholders = TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(' ');

/**
 * A starter `briefing.config.json` for `briefing init`: every section with
 * its defaults, and a `$comment` in each section explaining every field
 * (the schema accepts and ignores `$comment` and `//` keys). Behaves as
 * no file at all: the values written are the defaults. Ends with a newline.
 */
export function starterConfig(): string {
  const config = {
    $comment: [
      'Settings of briefing. Every section and field is optional: delete what you do not change.',
      'Relative paths are relative to this file. "$comment" and "//" keys are ignored anywhere.',
      'Command-line options override these values. Top-level fields:',
      `bitrateKbps: MP3 bitrate, constant, one of ${MP3_BITRATES.join(', ')}; 64 suits mono speech.`,
      'lexicon (optional): pronunciation lexicon file, JSON or W3C PLS, e.g. "lexicon.json".',
      'keep (optional): how many episodes the feed keeps, newest first; absent: all.',
      'maxStories (optional): most stories in one briefing (default 12); the rest wait for the next briefing.',
      'maxHeadlines (optional): headlines the intro reads (default 5); the others are counted, "and 7 more".',
      'output: folder the episode folders, feed.xml and the show page are written in.',
      'music: false (none), true (the bundled intro, outro and bed), or { "intro", "outro", "bed": files, "bedLevelDb": level of the bed under speech (default -22), "fadeMs" }. With music the MP3 is stereo at 128 kbps or more.',
      'prices: see its own $comment. The other sections explain their fields the same way.',
    ],
    show: {
      $comment: [
        'title: name of the show, in the feed, on the pages and as the MP3 album.',
        'description: what the show is about (the feed keeps at most 4000 bytes).',
        'author: who makes the show (itunes:author).',
        'language: BCP 47 language tag of the show, e.g. "en" or "en-GB".',
        'category: Apple Podcasts category, e.g. "News".',
        'subcategory (optional): Apple Podcasts subcategory inside the category, e.g. "Daily News".',
        'explicit: true when episodes contain explicit content.',
        'coverImage: PNG or JPEG, square, 1400 to 3000 pixels; absent: the bundled cover; false: none.',
        'baseUrl: web address the output folder is served at; episode files are <baseUrl>/<episode folder>/<file>. The default suits `briefing serve`: change it before publishing.',
        'feedUrl (optional): address of feed.xml, default <baseUrl>/feed.xml. The feed\'s podcast:guid derives from it: keep it stable.',
        'siteUrl (optional): the show\'s web site, default <baseUrl>/.',
        'locked: true asks other podcast platforms not to import the feed (podcast:locked).',
        'owner (optional): {"name": "...", "email": "..."}, the contact podcast directories use to verify ownership.',
      ],
      ...starterShow(),
    },
    engine: {
      $comment: [
        'id: speech engine: flite (English, default), espeak (many languages), command, polly, google, azure, openai, elevenlabs, or the path of an engine module. `briefing engines` lists them.',
        'options: engine settings as "key": value, the same as --engine-option key=value.',
      ],
      ...DEFAULT_PARSED_CONFIG.engine,
    },
    voices: {
      $comment: [
        'main (optional): voice of the narration; the engine\'s default when absent. `briefing voices --engine ID` lists voice ids.',
        'quote (optional): a second voice for quoted speech.',
        'intro (optional): voice of the intro, transitions and outro.',
      ],
    },
    pauses: {
      $comment: [
        'Silences in milliseconds:',
        'afterTitleMs: after the title of a story.',
        'afterStandfirstMs: after the standfirst.',
        'betweenParagraphsMs: between paragraphs, and after quotes.',
        'beforeHeadingMs: before a section heading.',
        'afterHeadingMs: after a section heading.',
        'betweenListItemsMs: between list items.',
        'betweenStoriesMs: between two stories of a briefing.',
        'maxPauseMs: the longest pause ever inserted.',
      ],
      ...DEFAULT_PAUSES,
    },
    quotes: {
      $comment: [
        'emphasis: emphasis on quoted speech: "none", "reduced", "moderate" or "strong".',
        'cues: true to say "quote" and "end quote" around quoted speech.',
      ],
      ...DEFAULT_PARSED_CONFIG.quotes,
    },
    loudness: {
      $comment: [
        'integratedLufs: loudness target of the MP3 in LUFS (podcasts: -16).',
        'truePeakDbtp: true-peak ceiling in dBTP (podcasts: -1).',
      ],
      ...DEFAULT_PARSED_CONFIG.loudness,
    },
    bitrateKbps: DEFAULT_PARSED_CONFIG.bitrateKbps,
    templates: {
      $comment: [
        `Wording of the spoken frame. Placeholders: ${placeholders}.`,
        'intro: said first ({headlines} lists the stories when there are several).',
        'outro: said last.',
        'transition: introduces each story between the first and the last of several ({title} is the story\'s title).',
        'firstStory: introduces the first of several stories.',
        'lastStory: introduces the last of several stories.',
      ],
      intro: DEFAULT_FRAME.intro,
      outro: DEFAULT_FRAME.outro,
      transition: DEFAULT_FRAME.nextStory,
      firstStory: DEFAULT_FRAME.firstStory,
      lastStory: DEFAULT_FRAME.lastStory,
    },
    prices: {
      $comment: [
        'Price of each engine for --dry-run estimates, in US dollars per million characters, keyed by engine id',
        'or "engine:tier" (e.g. "polly:neural": 16). Entries here override the built-in price list.',
      ],
    },
    output: DEFAULT_PARSED_CONFIG.output,
    music: DEFAULT_PARSED_CONFIG.music,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The show's defaults as a starter file writes them: the addresses that derive from `baseUrl` are left to derive. */
function starterShow() {
  const { title, description, author, language, category, explicit, baseUrl, locked } = DEFAULT_PARSED_CONFIG.show;
  return { title, description, author, language, category, explicit, baseUrl, locked };
}
