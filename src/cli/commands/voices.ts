import { defineCommand } from '../command-context.js';
import { configuredEngine } from '../configuration.js';
import { parseEngineOptions } from '../engine-option.js';
import { ENGINE_FLAGS } from '../flags/engine-flags.js';

/** `briefing voices`: the voices of an engine, one a line (id, languages, gender, name). */
export const voicesCommand = defineCommand({
  command: 'voices',
  describe: 'list the voices of an engine, one a line',
  builder: (argv) => argv.options(ENGINE_FLAGS).option('language', { type: 'string', describe: 'only voices for this language' }),
  run: async (flags, { stdout }) => {
    const configured = await configuredEngine(flags);
    const { createEngine } = await import('../../engines/registry.js');
    const engine = await createEngine(flags.engine ?? configured.id, {
      options: { ...configured.options, ...parseEngineOptions(flags.engineOption) },
    });
    try {
      const wanted = flags.language?.toLowerCase();
      for (const voice of await engine.voices()) {
        if (wanted && !voice.languages.some((language) => language.toLowerCase().startsWith(wanted))) continue;
        const details = [voice.languages.join(','), voice.gender, voice.name].filter(Boolean).join('\t');
        stdout.write(`${voice.id}\t${details}\n`);
      }
    } finally {
      await engine.close?.();
    }
  },
});
