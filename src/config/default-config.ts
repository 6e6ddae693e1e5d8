import type { ParsedConfig } from './config-schema.js';

/**
 * The config a build runs with when there is no config file: what the schema
 * fills in from `{}`, written out so that such a build does not load the
 * schema library (a tenth of a second of every command's start). A test
 * checks it against the schema, which stays the one statement of the
 * defaults.
 */
export const DEFAULT_PARSED_CONFIG: Readonly<ParsedConfig> = Object.freeze<ParsedConfig>({
  show: {
    title: 'Briefing',
    description: 'Spoken briefings of the news, made with briefing.',
    author: 'Briefing',
    language: 'en',
    category: 'News',
    explicit: false,
    baseUrl: 'http://127.0.0.1:8000',
    locked: false,
    feedUrl: 'http://127.0.0.1:8000/feed.xml',
    siteUrl: 'http://127.0.0.1:8000/',
  },
  engine: { id: 'flite', options: {} },
  voices: {},
  pauses: {},
  quotes: { emphasis: 'moderate', cues: false },
  loudness: { integratedLufs: -16, truePeakDbtp: -1 },
  bitrateKbps: 64,
  templates: {},
  prices: {},
  output: 'output',
  music: false,
});
