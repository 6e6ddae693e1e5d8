import { defineCommand } from '../command-context.js';

/** `briefing engines`: the built-in engines and their capabilities, as text or JSON. */
export const enginesCommand = defineCommand({
  command: 'engines',
  describe: 'list the built-in engines and their capabilities',
  builder: (argv) => argv.option('json', { type: 'boolean', default: false, describe: 'print the engines and their capabilities as JSON' }),
  run: async (flags, { stdout }) => {
    const { describeEngines } = await import('../../engines/registry.js');
    const listed = await describeEngines();
    if (flags.json) {
      stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
      return;
    }
    for (const engine of listed) {
      const capabilities = engine.capabilities;
      const summary = capabilities
        ? [
            capabilities.input === 'ssml' ? `SSML (${capabilities.dialect ?? 'w3c'})` : 'plain text',
            `${capabilities.maxInput} ${capabilities.inputUnit} a request`,
            capabilities.maxBreakMs !== undefined ? `breaks up to ${capabilities.maxBreakMs} ms` : undefined,
            capabilities.wordTimings ? 'word timings' : undefined,
            capabilities.network ? 'network and credentials' : 'offline',
          ]
            .filter(Boolean)
            .join(', ')
        : 'needs set-up (see README)';
      stdout.write(`${engine.id}\t${engine.description}\n\t${summary}\n`);
    }
  },
});
