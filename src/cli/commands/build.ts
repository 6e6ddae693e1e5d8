import { basename, resolve } from 'node:path';
import { defineCommand } from '../command-context.js';
import { configuration } from '../configuration.js';
import { audioFromFlags, BUILD_FLAGS, musicFromFlags, selectionFromFlags } from '../flags/build-flags.js';
import { PREPARE_FLAGS, prepareOptionsFromFlags } from '../flags/prepare-flags.js';
import { articleInputs } from '../standard-input-argument.js';

/** What a build needs beyond the flags, imported once `build` is chosen. */
async function buildModules() {
  const [fromConfig, show, merge, briefed, publish, progress, warnings, cacheUse] = await Promise.all([
    import('../../config/build-options-from-config.js'),
    import('../../config/show-for-build.js'),
    import('../../pipeline/merge-build-options.js'),
    import('../../pipeline/briefed-stories.js'),
    import('../../pipeline/build-and-publish.js'),
    import('../progress-reporter.js'),
    import('../warnings-summary.js'),
    import('../cache-use.js'),
  ]);
  return { ...fromConfig, ...show, ...merge, ...briefed, ...publish, ...progress, ...warnings, ...cacheUse };
}

/** What `--dry-run` needs besides: the estimate reads and renders the articles. */
async function estimateModules() {
  const [estimate, formatting] = await Promise.all([import('../../pipeline/estimate-build.js'), import('../format-estimate.js')]);
  return { ...estimate, ...formatting };
}

/** `briefing build`: builds an episode and publishes it, or with `--dry-run` estimates it. */
export const buildCommand = defineCommand({
  command: 'build <input..>',
  describe: 'build an episode (MP3, manifest) from one or more articles',
  builder: (argv) =>
    argv
      .positional('input', { type: 'string', array: true, describe: 'articles: files (.txt, .md, .html), folders, URLs, RSS/Atom feeds (file or URL), or - for standard input' })
      .options(PREPARE_FLAGS)
      .options(BUILD_FLAGS),
  run: async (flags, { stdout, stderr, signal }) => {
    const config = await configuration(flags);
    const {
      buildOptionsFromConfig, showForBuild, mergeBuildOptions, skipStoriesBriefedIn, buildAndPublish,
      ProgressReporter, summarizeWarnings, cacheUse,
    } = await buildModules();
    const show = showForBuild(config.show, {
      ...(flags.show !== undefined ? { show: flags.show } : {}),
      ...(flags.cover !== undefined ? { cover: flags.cover } : {}),
      ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
    });
    const outputDirectory = resolve(flags.output ?? config.output);
    const options = mergeBuildOptions(buildOptionsFromConfig(config), {
      ...prepareOptionsFromFlags(articleInputs(flags.input), flags),
      showLanguage: show.language,
      coverImage: show.coverImage ?? false,
      ...selectionFromFlags(flags),
    });
    if (flags.dryRun) {
      const { estimateBuild, formatEstimate } = await estimateModules();
      const skip = flags.includeSeen ? {} : { skip: await skipStoriesBriefedIn(outputDirectory) };
      const estimate = await estimateBuild({ ...options, ...skip, prices: config.prices });
      stdout.write(flags.json ? `${JSON.stringify(estimate, null, 2)}\n` : formatEstimate(estimate));
      if (!flags.json && !flags.quiet) stderr.write(summarizeWarnings(estimate.warnings));
      return;
    }
    const reporter = new ProgressReporter(flags.quiet || flags.json ? 'silent' : stderr.isTTY ? 'bar' : 'lines', stderr);
    const keep = flags.keep ?? config.keep;
    try {
      const episode = await buildAndPublish({
        ...options,
        ...audioFromFlags(flags),
        ...(await musicFromFlags(flags)),
        signal,
        onProgress: reporter.report,
        outputDirectory,
        showSettings: show,
        feed: flags.feed,
        includeSeen: flags.includeSeen,
        ...(keep !== undefined ? { keep } : {}),
      });
      reporter.close();
      if (flags.json) stdout.write(`${JSON.stringify(episode.manifest, null, 2)}\n`);
      else if (!flags.quiet) {
        stderr.write(summarizeWarnings(episode.manifest.warnings, `${basename(episode.directory)}/manifest.json`));
        stderr.write(episode.reused ? `briefing: unchanged, kept ${episode.directory}\n` : `briefing: wrote ${episode.directory}${cacheUse(episode.manifest.synthesis)}\n`);
      }
    } finally {
      reporter.close();
    }
  },
});
