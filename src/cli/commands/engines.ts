import { defineCommand } from '../command-context.js';

/** `briefing engines`: the built-in engines, their capabilities and (with `--json`) their options. */
export const enginesCommand = defineCommand({
  command: 'engines',
  describe: 'list the built-in engines and their capabilities',
  builder: (argv) => argv.option('json', { type: 'boolean', default: false, describe: 'print the engines, their capabilities and their options as JSON' }),
  run: async (flags, { stdout }) => {
    const { describeEngines, formatEngineList } = await import('../../engines/describe-engines.js');
    const listed = await describeEngines({ options: flags.json });
    stdout.write(flags.json ? `${JSON.stringify(listed, null, 2)}\n` : formatEngineList(listed));
  },
});
