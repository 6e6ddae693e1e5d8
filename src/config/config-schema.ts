import { z } from 'zod';

/** Placeholders the spoken templates may use. */
export const TEMPLATE_PLACEHOLDERS = ['show', 'weekday', 'date', 'count', 'title', 'headlines'] as const;

/** MP3 bitrates (kbps) an MPEG-1 Layer III encoder can write at constant bitrate. */
export const MP3_BITRATES = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320] as const;

/** Keys every section accepts and ignores, so a JSON file can carry comments. */
export const COMMENT_KEYS = ['$comment', '//'] as const;

const comment = z.union([z.string(), z.array(z.string())]).optional();

function dropComments<Value extends object>(value: Value): Omit<Value, '$comment' | '//'> {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of COMMENT_KEYS) delete copy[key];
  return copy as Omit<Value, '$comment' | '//'>;
}

/** A strict object (unknown keys are errors) that also accepts comment keys, which it drops. */
function section<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ ...shape, $comment: comment, '//': comment }).transform(dropComments);
}

/** A record whose comment keys are dropped before its values are checked. */
function record<Value extends z.ZodType>(value: Value) {
  return z.preprocess((input) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
    return Object.fromEntries(Object.entries(input).filter(([key]) => !(COMMENT_KEYS as readonly string[]).includes(key)));
  }, z.record(z.string(), value));
}

const text = z.string().trim().min(1, { error: 'must not be empty' });

const language = text.refine(
  (value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'expected a BCP 47 language tag such as "en" or "en-GB"' },
);

const webAddress = z
  .url({ protocol: /^https?$/, error: 'expected an http or https address' })
  .transform((value) => value.replace(/\/+$/, ''));

const milliseconds = z.number().int({ error: 'expected a whole number of milliseconds' }).min(0).max(60_000).optional();

const bitrateKbps = z
  .number()
  .refine((value) => (MP3_BITRATES as readonly number[]).includes(value), { error: `expected one of ${MP3_BITRATES.join(', ')}` });
const integratedLufs = z.number().min(-30).max(-10);
const truePeakDbtp = z.number().min(-9).max(0);
const keep = z.number().int({ error: 'expected a whole number of episodes' }).min(1);
const maxStories = z.number().int({ error: 'expected a whole number of stories' }).min(1);
const maxHeadlines = z.number().int({ error: 'expected a whole number of headlines' }).min(0);
const bedLevelDb = z.number().min(-60).max(0);
const coverImage = z.union([text, z.literal(false)]);

/**
 * The schemas of single settings, shared by the config file and the command
 * line so both accept and refuse the same values with the same words.
 * None has a default; the config file adds its own.
 */
export const SETTING_SCHEMAS = {
  text,
  language,
  webAddress,
  milliseconds: milliseconds.unwrap(),
  bitrateKbps,
  integratedLufs,
  truePeakDbtp,
  keep,
  maxStories,
  maxHeadlines,
  bedLevelDb,
  coverImage,
  /** Requests in flight at once (command line only). */
  jobs: z.number().int({ error: 'expected a whole number of requests' }).min(1).max(64),
  /** Retries of a retryable engine error (command line only). */
  retries: z.number().int({ error: 'expected a whole number of retries' }).min(0).max(10),
} as const;

const template = z
  .string()
  .superRefine((value, context) => {
    for (const [, name] of value.matchAll(/\{([^{}]*)\}/g)) {
      if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
        context.addIssue({
          code: 'custom',
          message: `unknown placeholder {${name}} (use ${TEMPLATE_PLACEHOLDERS.map((placeholder) => `{${placeholder}}`).join(', ')})`,
        });
      }
    }
  })
  .optional();

const showSchema = section({
  /** Name of the show. */
  title: text.default('Briefing'),
  /** What the show is about; the feed keeps at most 4000 bytes of it. */
  description: text.default('Spoken briefings of the news, made with briefing.'),
  /** Who makes the show (`itunes:author`). */
  author: text.default('Briefing'),
  /** BCP 47 language of the show, e.g. `en` or `en-GB`. */
  language: language.default('en'),
  /** Apple Podcasts category, e.g. `News`. */
  category: text.default('News'),
  /** Apple Podcasts subcategory inside `category`, e.g. `Daily News`. */
  subcategory: text.optional(),
  /** Whether the show has explicit content (`itunes:explicit`). */
  explicit: z.boolean().default(false),
  /** PNG or JPEG cover (1400–3000 px square for Apple), `false` for none; copied into the output folder as `cover.png` or `cover.jpg`. */
  coverImage: coverImage.optional(),
  /** Web address the output folder is served at, without a trailing slash: episode files are `<baseUrl>/<episode folder>/<file>`. */
  baseUrl: webAddress.default('http://127.0.0.1:8000'),
  /** Address of the feed; `<baseUrl>/feed.xml` when absent. Its `podcast:guid` derives from it, so keep it stable. */
  feedUrl: webAddress.optional(),
  /** The show's web site (`link` of the feed); `<baseUrl>/` when absent. */
  siteUrl: webAddress.optional(),
  /** Whether other platforms may not import the feed (`podcast:locked`). */
  locked: z.boolean().default(false),
  /** Owner contact for podcast directories (`itunes:owner`). */
  owner: section({
    /** Name shown as the owner. */
    name: text.optional(),
    /** Contact address directories use to verify ownership; never shown to listeners. */
    email: z.email({ error: 'expected an email address' }).optional(),
  }).optional(),
}).transform(({ siteUrl, feedUrl, ...show }) => ({
  ...show,
  feedUrl: feedUrl ?? `${show.baseUrl}/feed.xml`,
  siteUrl: siteUrl ?? `${show.baseUrl}/`,
}));

/**
 * The schema of `briefing.config.json`. Every section is optional and every
 * field has a default or may be absent; unknown fields are errors (typos do
 * not pass silently), except `$comment` and `//` in any section and `$schema`
 * at the top. Paths are returned as written: {@link loadConfig} resolves them.
 */
export const briefingConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    $comment: comment,
    '//': comment,
    /** The podcast show the episodes belong to. */
    show: showSchema.prefault({}),
    /** The speech engine and its settings. */
    engine: section({
      /** Engine id (`flite`, `espeak`, `polly`, ...) or the path of an engine module. */
      id: text.default('flite'),
      /** Engine-specific settings, as `--engine-option key=value` would give them. */
      options: record(z.union([z.string(), z.number(), z.boolean()])).default({}),
    }).prefault({}),
    /** Voices of the narration; the engine's default where absent. */
    voices: section({
      /** The narration. */
      main: text.optional(),
      /** Quoted speech. */
      quote: text.optional(),
      /** The intro, transitions and outro. */
      intro: text.optional(),
    }).prefault({}),
    /** Silences between blocks, in milliseconds; the pipeline's defaults where absent. */
    pauses: section({
      afterTitleMs: milliseconds,
      afterStandfirstMs: milliseconds,
      betweenParagraphsMs: milliseconds,
      beforeHeadingMs: milliseconds,
      afterHeadingMs: milliseconds,
      betweenListItemsMs: milliseconds,
      betweenStoriesMs: milliseconds,
      maxPauseMs: milliseconds,
    }).prefault({}),
    /** How quoted speech is read. */
    quotes: section({
      /** SSML emphasis on quoted spans. */
      emphasis: z.enum(['none', 'reduced', 'moderate', 'strong']).default('moderate'),
      /** Say "quote" and "end quote" around quoted spans. */
      cues: z.boolean().default(false),
    }).prefault({}),
    /** Loudness of the finished MP3. */
    loudness: section({
      /** Integrated loudness target, LUFS. */
      integratedLufs: integratedLufs.default(-16),
      /** True-peak ceiling, dBTP. */
      truePeakDbtp: truePeakDbtp.default(-1),
    }).prefault({}),
    /** MP3 bitrate, kbps (constant bitrate). */
    bitrateKbps: bitrateKbps.default(64),
    /**
     * Wording of the spoken frame; the built-in wording where absent.
     * Placeholders: `{show}`, `{weekday}`, `{date}`, `{count}`, `{title}`, `{headlines}`.
     */
    templates: section({
      /** Said first. */
      intro: template,
      /** Said last. */
      outro: template,
      /** Introduces each story between the first and the last of several ({title} is the story's). */
      transition: template,
      /** Introduces the first story of several. */
      firstStory: template,
      /** Introduces the last story of several. */
      lastStory: template,
    }).prefault({}),
    /** Pronunciation lexicon (JSON or W3C PLS). */
    lexicon: text.optional(),
    /** US dollars per million characters by engine id (or `engine:tier`), for `--dry-run` estimates. */
    prices: record(z.number().min(0)).default({}),
    /** How many episodes the feed keeps, newest first; all when absent. */
    keep: keep.optional(),
    /** Most stories in one briefing; the rest wait for the next one. 12 when absent. */
    maxStories: maxStories.optional(),
    /** Headlines the intro reads; the others are counted ("and 7 more"). 5 when absent. */
    maxHeadlines: maxHeadlines.optional(),
    /** Folder the episode folders, the feed and the show page are written in. */
    output: text.default('output'),
    /** Music around and under the narration: `true` for the bundled set; none when false. */
    music: z
      .union([
        z.boolean(),
        section({
          intro: text.optional(),
          outro: text.optional(),
          bed: text.optional(),
          bedLevelDb: bedLevelDb.optional(),
          fadeMs: milliseconds,
        }),
      ])
      .default(false),
  })
  .transform(({ $schema: _schema, $comment: _comment, '//': _slashes, ...config }) => config);

/** What the schema returns: defaults filled, comment keys dropped, paths as written. */
export type ParsedConfig = z.output<typeof briefingConfigSchema>;

/** The show section as the schema returns it: feed and site addresses filled from `baseUrl`, the cover as written. */
export type ParsedShow = ParsedConfig['show'];
