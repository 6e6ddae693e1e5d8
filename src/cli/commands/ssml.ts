import { defineCommand } from '../command-context.js';
import { preparedOptions } from '../configuration.js';
import { PREPARE_FLAGS } from '../flags/prepare-flags.js';
import { articleInputs } from '../standard-input-argument.js';

/** `briefing ssml`: each request exactly as the engine would get it, one a line. */
export const ssmlCommand = defineCommand({
  command: 'ssml <input>',
  describe: 'print the SSML (or text) exactly as it would be sent to the engine',
  builder: (argv) => argv.positional('input', { type: 'string', describe: 'article file or - for standard input' }).options(PREPARE_FLAGS),
  run: async (flags, { stdout, stderr }) => {
    const [options, { prepareBriefing }] = await Promise.all([
      preparedOptions(articleInputs(flags.input), flags),
      import('../../pipeline/prepare-briefing.js'),
    ]);
    const prepared = await prepareBriefing(options);
    try {
      for (const block of prepared.rendered) {
        for (const request of block.requests) {
          if (request.kind === 'speech') stdout.write(`${request.input}\n`);
        }
      }
      for (const warning of prepared.context.warnings) stderr.write(`warning: ${warning.message}${warning.blockId ? ` (${warning.blockId})` : ''}\n`);
    } finally {
      await prepared.engine.close?.();
    }
  },
});
