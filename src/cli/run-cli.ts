import { existsSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, resolve } from 'node:path';
import yargs, { type Argv } from 'yargs';
import { BriefingError, isBriefingError } from '../errors.js';
import type { BuildOptions, PrepareOptions } from '../pipeline/build-options.js';
import { createEngine, DEFAULT_ENGINE, withPlaceholderCredentials } from '../engines/registry.js';
import { describeEngines, formatEngineList } from '../engines/describe-engines.js';
import { CONFIG_FILE_NAME } from '../config/config-file-name.js';
import { parseEngineOptions } from './engine-option.js';
import { hasCheckedFlag } from './checked-flags.js';
import type { BlockLabel } from './format-estimate.js';
import type { BriefingConfig } from '../config/briefing-config.js';
import type { Article } from '../ingest/article.js';
import type { ProgressMode } from './progress-reporter.js';
import { articleInputs, protectStandardInput, restoreStandardInput } from './standard-input-argument.js';
import { cacheUse } from './cache-use.js';
import { workerCommand } from './worker-command.js';
import { apiCommand } from './api-command.js';

// Everything heavier than yargs (parsers, engines, ffmpeg, zod schemas) is
// imported by the command that needs it, so `--help` or `engines` start at
// the speed of node itself.
const buildModules = () => import('./build-modules.js');
const configModules = () => import('./config-modules.js');

/** Exit statuses of the command. */
export const EXIT = { ok: 0, userError: 1, usage: 2 } as const;

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

function withEngineOptions<T>(argv: Argv<T>) {
  return argv
    .option('engine', { alias: 'e', type: 'string', describe: `speech engine: an engine id (see \`briefing engines\`) or a path to an engine module (default ${DEFAULT_ENGINE})` })
    .option('voice', { alias: 'v', type: 'string', describe: "voice of the narration (default: the engine's default voice)" })
    .option('engine-option', { type: 'string', array: true, describe: 'engine setting as key=value (repeatable)' });
}

function withPrepareOptions<T>(argv: Argv<T>) {
  return withEngineOptions(argv)
    .option('title', { alias: 't', type: 'string', describe: 'episode title (default: the article title)' })
    .option('language', { type: 'string', describe: 'language of the articles as a BCP 47 tag (default: detected, else en)' })
    .option('lexicon', { type: 'string', describe: 'pronunciation lexicon file (JSON or W3C PLS)' })
    .option('quote-emphasis', { choices: ['none', 'reduced', 'moderate', 'strong'] as const, describe: 'emphasis on quoted speech (default moderate)' })
    .option('quote-cues', { type: 'boolean', describe: 'say "quote" and "end quote" around quoted speech (default off)' })
    .option('quote-voice', { type: 'string', describe: 'a second voice for quoted speech' })
    .option('pause-title', { type: 'number', describe: 'pause after the title, ms (default 900)' })
    .option('pause-paragraph', { type: 'number', describe: 'pause between paragraphs, ms (default 450)' })
    .option('pause-heading', { type: 'number', describe: 'pause before a heading, ms (default 900)' })
    .option('pause-story', { type: 'number', describe: 'pause between stories, ms (default 1500)' })
    .option('max-pause', { type: 'number', describe: 'longest pause ever inserted, ms (default 3000)' })
    .option('show', { type: 'string', describe: 'show name: said in the intro, the ID3 album, the title of the feed and the show page (default: the config\'s, else "Briefing")' })
    .option('intro', { type: 'boolean', describe: 'speak an intro with the date (default: on for several stories, off for one article)' })
    .option('outro', { type: 'boolean', describe: 'speak an outro (default: as --intro)' })
    .option('intro-voice', { type: 'string', describe: 'voice for the intro, transitions and outro' });
}

type PrepareArguments = {
  input?: string[] | string;
  config?: string;
  engine?: string;
  voice?: string;
  'engine-option'?: string[];
  title?: string;
  language?: string;
  lexicon?: string;
  'quote-emphasis'?: 'none' | 'reduced' | 'moderate' | 'strong';
  'quote-cues'?: boolean;
  'quote-voice'?: string;
  'pause-title'?: number;
  'pause-paragraph'?: number;
  'pause-heading'?: number;
  'pause-story'?: number;
  'max-pause'?: number;
  show?: string;
  intro?: boolean;
  outro?: boolean;
  'intro-voice'?: string;
};

function prepareOptions(args: PrepareArguments): PrepareOptions {
  const inputs = articleInputs(args.input);
  const pauses = {
    ...(args['pause-title'] !== undefined ? { afterTitleMs: args['pause-title'] } : {}),
    ...(args['pause-paragraph'] !== undefined ? { betweenParagraphsMs: args['pause-paragraph'] } : {}),
    ...(args['pause-heading'] !== undefined ? { beforeHeadingMs: args['pause-heading'] } : {}),
    ...(args['pause-story'] !== undefined ? { betweenStoriesMs: args['pause-story'] } : {}),
    ...(args['max-pause'] !== undefined ? { maxPauseMs: args['max-pause'] } : {}),
  };
  return {
    inputs,
    ...(args.engine ? { engine: args.engine } : {}),
    engineOptions: parseEngineOptions(args['engine-option']),
    ...(args.voice ? { voice: args.voice } : {}),
    ...(args.title ? { title: args.title } : {}),
    ...(args.language ? { language: args.language } : {}),
    ...(args.lexicon ? { lexicon: args.lexicon } : {}),
    pauses,
    ...(args.show ? { show: args.show } : {}),
    ...(args.intro !== undefined ? { intro: args.intro } : {}),
    ...(args.outro !== undefined ? { outro: args.outro } : {}),
    ...(args['intro-voice'] ? { introVoice: args['intro-voice'] } : {}),
    quotes: {
      ...(args['quote-emphasis'] ? { emphasis: args['quote-emphasis'] } : {}),
      ...(args['quote-cues'] !== undefined ? { cues: args['quote-cues'] } : {}),
      ...(args['quote-voice'] ? { voice: args['quote-voice'] } : {}),
    },
  };
}

/** The configuration in force: `--config FILE`, else ./briefing.config.json when present, else the defaults. */
async function configuration(args: { config?: string }): Promise<BriefingConfig> {
  const { loadConfig } = await configModules();
  return (await loadConfig(args.config)).config;
}

/** The config's options with the command line's laid over them (nested settings merged field by field). */
function overlay<T extends PrepareOptions>(base: Omit<BuildOptions, 'inputs'>, cli: T): T & Omit<BuildOptions, 'inputs'> {
  return {
    ...base,
    ...cli,
    engineOptions: { ...(base.engineOptions ?? {}), ...(cli.engineOptions ?? {}) },
    pauses: { ...(base.pauses ?? {}), ...(cli.pauses ?? {}) },
    quotes: { ...(base.quotes ?? {}), ...(cli.quotes ?? {}) },
    frame: { ...(base.frame ?? {}), ...(cli.frame ?? {}) },
  };
}

/**
 * The config's engine section; with no config file at all, the default
 * engine, without loading the config's schemas (listing voices stays fast).
 */
async function configuredEngine(args: { config?: string }): Promise<BriefingConfig['engine']> {
  if (args.config === undefined && !existsSync(resolve(CONFIG_FILE_NAME))) return { id: DEFAULT_ENGINE, options: {} };
  return (await configuration(args)).engine;
}

/** Prepare options from the config and the command line. */
async function preparedFrom(args: PrepareArguments): Promise<PrepareOptions> {
  const { buildOptionsFromConfig } = await configModules();
  return overlay(buildOptionsFromConfig(await configuration(args)), prepareOptions(args));
}

/** Music from the flags: the bundled set with --music, files of the user's own, or none. */
async function musicOption(args: { music?: boolean; introMusic?: string; outroMusic?: string; musicBed?: string; bedLevel?: number }): Promise<Pick<BuildOptions, 'music'>> {
  if (args.music === false) return { music: false };
  const own = {
    ...(args.introMusic ? { intro: resolve(args.introMusic) } : {}),
    ...(args.outroMusic ? { outro: resolve(args.outroMusic) } : {}),
    ...(args.musicBed ? { bed: resolve(args.musicBed) } : {}),
  };
  if (!args.music && Object.keys(own).length === 0) return {};
  const base = Object.keys(own).length > 0 ? own : (await buildModules()).defaultMusic();
  return { music: { ...base, ...(args.bedLevel !== undefined ? { bedLevelDb: args.bedLevel } : {}) } };
}

function parseDate(value: string, flag: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new BriefingError('USAGE', `${flag} ${value}: expected a date such as 2026-11-28`);
  return date;
}

/** `--cache DIR`, `--no-cache` (yargs negation gives false) or the default. */
function cacheOption(value: unknown): Pick<BuildOptions, 'cache'> {
  if (value === false) return { cache: false };
  if (typeof value === 'string' && value !== '') return { cache: value };
  return {};
}

/**
 * Runs the `briefing` command line with `argv` (without the node and script
 * paths) and returns the exit status. The only place errors are printed.
 */
export async function runCli(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let exitCode: number = EXIT.ok;
  let verbose = argv.includes('--verbose');
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const fail = (error: unknown) => {
    if (isBriefingError(error, 'NOTHING_NEW')) {
      io.stderr.write(`briefing: ${error.message}; no new episode\n`);
      exitCode = EXIT.ok;
      return;
    }
    if (isBriefingError(error)) {
      io.stderr.write(`briefing: ${error.message}\n`);
      if (verbose && error.cause instanceof Error) io.stderr.write(`${error.cause.stack ?? error.cause.message}\n`);
      // A setting refused, from the command line or the config file, is a usage error either way.
      exitCode = error.code === 'USAGE' || error.code === 'CONFIG_INVALID' || error.code === 'ENGINE_OPTION_INVALID' ? EXIT.usage : error.code === 'ABORTED' ? 130 : EXIT.userError;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`briefing: unexpected error: ${message.split('\n')[0]}\n`);
      if (verbose && error instanceof Error) io.stderr.write(`${error.stack}\n`);
      exitCode = EXIT.userError;
    }
  };
  const parser = yargs(protectStandardInput(argv))
    .scriptName('briefing')
    .usage('$0 <command> [options]\n\nTurn written articles into spoken audio briefings.')
    .option('verbose', { type: 'boolean', default: false, global: true, describe: 'print stack traces with errors' })
    .option('config', { alias: 'c', type: 'string', global: true, describe: 'show configuration file (default: ./briefing.config.json when present)' })
    .command(
      'build <input..>',
      'build an episode (MP3, manifest) from one or more articles',
      (command) =>
        withPrepareOptions(command)
          .positional('input', { type: 'string', array: true, describe: 'articles: files (.txt, .md, .html), folders, URLs, RSS/Atom feeds (file or URL), or - for standard input' })
          .option('output', { alias: 'o', type: 'string', describe: 'folder the episode folder is written in (default output)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the manifest as JSON on stdout and nothing else' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress output' })
          .option('bitrate', { type: 'number', describe: 'MP3 bitrate in kbps, constant (default 64)' })
          .option('loudness', { type: 'number', describe: 'integrated loudness target, LUFS (default -16)' })
          .option('true-peak', { type: 'number', describe: 'true-peak ceiling, dBTP (default -1)' })
          .option('cache', { type: 'string', describe: 'cache folder (default: $XDG_CACHE_HOME/briefing or ~/.cache/briefing); --no-cache synthesizes everything and keeps nothing' })
          .option('jobs', { alias: 'j', type: 'number', describe: 'requests in flight at once (default: one per core for embedded engines, 4 for cloud engines)' })
          .option('retries', { type: 'number', default: 3, describe: 'retries of retryable engine errors' })
          .option('description', { type: 'string', describe: 'episode description: ID3 comment, feed item and show page (default: the standfirst or the story titles)' })
          .option('cover', { type: 'string', describe: 'cover image (PNG or JPEG) for the ID3 tag, the feed and the show page (default: the config\'s, else templates/cover.png); --no-cover for none' })
          .option('music', { type: 'boolean', describe: 'mix the bundled intro, outro and a ducked music bed (stereo, 128 kbps); --no-music for none (default off)' })
          .option('intro-music', { type: 'string', describe: 'intro music file (turns music on)' })
          .option('outro-music', { type: 'string', describe: 'outro music file (turns music on)' })
          .option('music-bed', { type: 'string', describe: 'music bed looped under the speech (turns music on)' })
          .option('bed-level', { type: 'number', describe: 'level of the bed under speech, dB relative to the speech (default -22)' })
          .option('dry-run', { type: 'boolean', default: false, describe: 'synthesize nothing: print the requests by story, billed characters, estimated length and cost (no credentials needed)' })
          .option('sort', { choices: ['given', 'newest'] as const, describe: 'story order: as given (feeds: their own order), or newest first (default given)' })
          .option('max-stories', { type: 'number', describe: 'at most this many stories; the rest wait for the next briefing (default 12)' })
          .option('max-headlines', { type: 'number', describe: 'headlines read in the intro; the others are counted, "and 7 more" (default 5)' })
          .option('since', { type: 'string', describe: 'leave out stories published before this date (YYYY-MM-DD or ISO 8601)' })
          .option('include-seen', { type: 'boolean', default: false, describe: 'include feed stories already briefed in an earlier episode' })
          .option('timeout', { type: 'number', describe: 'seconds to wait for a URL or feed (default 15)' })
          .option('feed', { type: 'boolean', default: true, describe: 'add the episode to <output>/feed.xml and the show page (--no-feed: the episode folder only)' })
          .option('keep', { type: 'number', describe: 'episodes kept in the feed and on the show page (default: the config\'s, else all)' })
          .option('base-url', { type: 'string', describe: 'public address of the output folder, for the feed (default from the config, else http://127.0.0.1:8000)' }),
      async (args) => {
        verbose = args.verbose;
        const config = await configuration(args);
        const { buildOptionsFromConfig } = await configModules();
        const {
          BriefingMemory, memoryPath, showForBuild, prepareBriefing, estimateBriefing, labelledRequests, formatEstimate,
          summarizeWarnings, checkPublishable, ProgressReporter, buildBriefing, publishEpisode, asDiskFull,
        } = await buildModules();
        // yargs types --cover as a string, but --no-cover gives false.
        const cover = (args as { cover?: string | false }).cover;
        const show = showForBuild(config.show, {
          ...(args.show !== undefined ? { show: args.show } : {}),
          ...(cover !== undefined ? { cover } : {}),
          ...(args.baseUrl !== undefined ? { baseUrl: args.baseUrl } : {}),
        });
        const showOptions = { showLanguage: show.language, coverImage: show.coverImage ?? (false as const) };
        const outputDirectory = resolve(args.output ?? config.output);
        const memory = await BriefingMemory.load(memoryPath(outputDirectory));
        // Which stories, in what order: the same for a dry run as for the build it estimates.
        const selection: Partial<BuildOptions> = {
          ...(args.sort ? { sort: args.sort } : {}),
          ...(args.maxStories !== undefined ? { maxStories: args.maxStories } : {}),
          ...(args.maxHeadlines !== undefined ? { maxHeadlines: args.maxHeadlines } : {}),
          ...(args.since ? { since: parseDate(args.since, '--since') } : {}),
          ...(args.timeout !== undefined ? { timeoutMs: Math.round(args.timeout * 1000) } : {}),
          // Only feed stories (they carry a guid) are remembered between runs; a file named on the command line is always built.
          ...(args.includeSeen ? {} : { skip: (article: Article) => article.guid !== undefined && memory.has(article) }),
        };
        if (args.dryRun) {
          // An estimate sends nothing, so a cloud engine needs no real credentials for it.
          const prepared = await prepareBriefing({
            ...overlay(buildOptionsFromConfig(config), prepareOptions(args as unknown as PrepareArguments)),
            ...showOptions,
            ...selection,
            env: withPlaceholderCredentials(),
          });
          try {
            const estimate = estimateBriefing(prepared.rendered, prepared.engine, config.prices);
            const framed = prepared.stories.length > 1;
            const labels = new Map<string, BlockLabel>(
              prepared.blocks.map((block) => [
                block.id,
                { kind: block.kind, ...(framed && (block.kind === 'intro' || block.kind === 'outro') ? {} : { story: prepared.stories[block.story]?.title ?? prepared.title, storyIndex: block.story }) },
              ]),
            );
            io.stdout.write(
              args.json
                ? `${JSON.stringify({ title: prepared.title, ...estimate, requests: labelledRequests(estimate.requests, labels), warnings: prepared.warnings }, null, 2)}\n`
                : formatEstimate(prepared.title, estimate, labels),
            );
            if (!args.json && !args.quiet) io.stderr.write(summarizeWarnings(prepared.warnings));
          } finally {
            await prepared.engine.close?.();
          }
          return;
        }
        await checkPublishable(outputDirectory, { feed: args.feed });
        const mode: ProgressMode = args.quiet || args.json ? 'silent' : io.stderr.isTTY ? 'bar' : 'lines';
        const reporter = new ProgressReporter(mode, io.stderr);
        const options: BuildOptions = overlay(buildOptionsFromConfig(config), {
          ...prepareOptions(args as unknown as PrepareArguments),
          ...(args.bitrate !== undefined ? { bitrateKbps: args.bitrate } : {}),
          ...(args.loudness !== undefined ? { loudnessLufs: args.loudness } : {}),
          ...(args['true-peak'] !== undefined ? { truePeakDbtp: args['true-peak'] } : {}),
          ...cacheOption((args as { cache?: unknown }).cache),
          ...(args.description ? { description: args.description } : {}),
          ...(await musicOption(args)),
          ...showOptions,
          ...selection,
          ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
          retries: args.retries,
          signal: controller.signal,
          onProgress: reporter.report,
          outputDirectory,
        });
        try {
          const result = await buildBriefing(options);
          reporter.report({ stage: 'publish', message: args.feed ? 'writing the episode page, the feed and the show page' : 'writing the episode page' });
          const keep = args.keep ?? config.keep;
          await publishEpisode(outputDirectory, result, show, {
            feed: args.feed,
            ...(keep !== undefined ? { keep } : {}),
          });
          memory.remember(result.articles.filter((article) => article.guid !== undefined), basename(result.directory), new Date());
          await memory.save();
          reporter.close();
          if (args.json) io.stdout.write(`${JSON.stringify(result.manifest, null, 2)}\n`);
          else if (!args.quiet) {
            io.stderr.write(summarizeWarnings(result.manifest.warnings, `${basename(result.directory)}/manifest.json`));
            io.stderr.write(result.reused ? `briefing: unchanged, kept ${result.directory}\n` : `briefing: wrote ${result.directory}${cacheUse(result.manifest.synthesis)}\n`);
          }
        } catch (error) {
          throw asDiskFull(error, outputDirectory, 'output folder');
        } finally {
          reporter.close();
        }
      },
    )
    .command(
      'segments <input>',
      'print the narration blocks of an article as JSON',
      (command) => withPrepareOptions(command).positional('input', { type: 'string', describe: 'article file or - for standard input' }),
      async (args) => {
        verbose = args.verbose;
        const { prepareBriefing } = await buildModules();
        const prepared = await prepareBriefing(await preparedFrom(args as unknown as PrepareArguments));
        const output = prepared.stories.map((story) => ({
          title: story.title,
          ...(story.author ? { author: story.author } : {}),
          ...(story.publishedAt ? { publishedAt: story.publishedAt } : {}),
          language: story.language,
          blocks: prepared.blocks.filter((block) => story.blocks.some((candidate) => candidate.id === block.id)),
          dropped: story.dropped,
        }));
        io.stdout.write(`${JSON.stringify(output.length === 1 ? output[0] : output, null, 2)}\n`);
      },
    )
    .command(
      'ssml <input>',
      'print the SSML (or text) exactly as it would be sent to the engine',
      (command) => withPrepareOptions(command).positional('input', { type: 'string', describe: 'article file or - for standard input' }),
      async (args) => {
        verbose = args.verbose;
        const { prepareBriefing } = await buildModules();
        const prepared = await prepareBriefing(await preparedFrom(args as unknown as PrepareArguments));
        for (const block of prepared.rendered) {
          for (const request of block.requests) {
            if (request.kind === 'speech') io.stdout.write(`${request.input}\n`);
          }
        }
        for (const warning of prepared.warnings) io.stderr.write(`warning: ${warning.message}${warning.blockId ? ` (${warning.blockId})` : ''}\n`);
        await prepared.engine.close?.();
      },
    )
    .command(
      'voices',
      'list the voices of an engine, one a line',
      (command) => withEngineOptions(command).option('language', { type: 'string', describe: 'only voices for this language' }),
      async (args) => {
        verbose = args.verbose;
        const configured = await configuredEngine(args);
        const engine = await createEngine(args.engine ?? configured.id, {
          options: { ...configured.options, ...parseEngineOptions(args['engine-option']) },
        });
        try {
          const wanted = args.language?.toLowerCase();
          for (const voice of await engine.voices()) {
            if (wanted && !voice.languages.some((language) => language.toLowerCase().startsWith(wanted))) continue;
            const details = [voice.languages.join(','), voice.gender, voice.name].filter(Boolean).join('\t');
            io.stdout.write(`${voice.id}\t${details}\n`);
          }
        } finally {
          await engine.close?.();
        }
      },
    )
    .command('cache <action>', 'show or clear the synthesis cache', (command) =>
      command
        .positional('action', { choices: ['info', 'clear'] as const, describe: 'info: where it is and what it holds; clear: remove every piece and finished episode it wrote (nothing else)' })
        .option('cache', { type: 'string', describe: 'cache folder (default: $XDG_CACHE_HOME/briefing or ~/.cache/briefing)' }),
      async (args) => {
        const [{ runCacheCommand }, { defaultCacheDirectory }] = await Promise.all([import('./cache-command.js'), import('../synthesize/audio-cache.js')]);
        io.stdout.write(await runCacheCommand(args.action ?? 'info', args.cache ?? defaultCacheDirectory()));
      },
    )
    .command(
      'serve [folder]',
      'serve the output folder on 127.0.0.1 (byte ranges, podcast MIME types) to try the feed and pages',
      (command) =>
        command
          .positional('folder', { type: 'string', describe: 'folder to serve (default: the output folder)' })
          .option('port', { alias: 'p', type: 'number', default: 8000, describe: 'port on 127.0.0.1 (0 picks a free one)' }),
      async (args) => {
        const config = await configuration(args);
        const folder = resolve(args.folder ?? config.output);
        const { serveFolder } = await import('../serve/serve-folder.js');
        const served = await serveFolder(folder, { port: args.port });
        io.stderr.write(`briefing: serving ${folder} at ${served.url} (Ctrl-C stops)\n`);
        await new Promise<void>((done) => controller.signal.addEventListener('abort', () => done(), { once: true }));
        await served.close();
      },
    )
    .command(
      'init',
      `write a starter ${CONFIG_FILE_NAME} with every field explained`,
      (command) => command.option('force', { type: 'boolean', default: false, describe: 'replace an existing file' }),
      async (args) => {
        const path = resolve(args.config ?? CONFIG_FILE_NAME);
        const { starterConfig } = await import('../config/starter-config.js');
        const { writeFile } = await import('node:fs/promises');
        try {
          await writeFile(path, starterConfig(), { flag: args.force ? 'w' : 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new BriefingError('USAGE', `${path}: already exists (use --force to replace it)`);
          }
          throw new BriefingError('OUTPUT_FAILED', `${path}: ${(error as Error).message}`, { cause: error });
        }
        io.stderr.write(`briefing: wrote ${path}\n`);
      },
    )
    .command(
      'engines',
      'list the built-in engines and their capabilities',
      (command) => command.option('json', { type: 'boolean', default: false, describe: 'print the engines, their capabilities and their options as JSON' }),
      async (args) => {
        const listed = await describeEngines({ options: args.json });
        io.stdout.write(args.json ? `${JSON.stringify(listed, null, 2)}\n` : formatEngineList(listed));
      },
    )
    .command(workerCommand(io, controller.signal))
    .command(apiCommand(io, controller.signal))
    .middleware(async (args) => {
      for (const key of Object.keys(args)) args[key] = restoreStandardInput(args[key]);
      if (hasCheckedFlag(args)) (await configModules()).checkFlagValues(args);
    })
    .demandCommand(1, 'name a command: build, segments, ssml, voices, engines, cache, serve, init, worker or api')
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new BriefingError('USAGE', message ?? 'invalid usage (see --help)');
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    fail(error);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  // Stopped by a signal: the shell's convention, 128 + its number (130 for SIGINT, 143 for SIGTERM).
  if (stoppedBy && (exitCode === EXIT.ok || exitCode === 130)) exitCode = 128 + osConstants.signals[stoppedBy];
  return exitCode;
}
