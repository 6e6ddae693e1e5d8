import { defineCommand } from '../command-context.js';
import { preparedOptions } from '../configuration.js';
import { PREPARE_FLAGS } from '../flags/prepare-flags.js';
import { articleInputs } from '../standard-input-argument.js';

/** `briefing segments`: the narration blocks of an article as JSON. */
export const segmentsCommand = defineCommand({
  command: 'segments <input>',
  describe: 'print the narration blocks of an article as JSON',
  builder: (argv) => argv.positional('input', { type: 'string', describe: 'article file or - for standard input' }).options(PREPARE_FLAGS),
  run: async (flags, { stdout }) => {
    const [options, { prepareBriefing }] = await Promise.all([
      preparedOptions(articleInputs(flags.input), flags),
      import('../../pipeline/prepare-briefing.js'),
    ]);
    const prepared = await prepareBriefing(options);
    try {
      const output = prepared.stories.map((story) => ({
        title: story.title,
        ...(story.author ? { author: story.author } : {}),
        ...(story.publishedAt ? { publishedAt: story.publishedAt } : {}),
        language: story.language,
        blocks: prepared.blocks.filter((block) => story.blocks.some((candidate) => candidate.id === block.id)),
        dropped: story.dropped,
      }));
      stdout.write(`${JSON.stringify(output.length === 1 ? output[0] : output, null, 2)}\n`);
    } finally {
      await prepared.engine.close?.();
    }
  },
});
