import { resolve } from 'node:path';
import { defineCommand, untilAborted } from '../command-context.js';
import { configuration } from '../configuration.js';

/** `briefing serve`: serves the output folder on 127.0.0.1 until stopped. */
export const serveCommand = defineCommand({
  command: 'serve [folder]',
  describe: 'serve the output folder on 127.0.0.1 (byte ranges, podcast MIME types) to try the feed and pages',
  builder: (argv) =>
    argv
      .positional('folder', { type: 'string', describe: 'folder to serve (default: the output folder)' })
      .option('port', { alias: 'p', type: 'number', default: 8000, describe: 'port on 127.0.0.1 (0 picks a free one)' }),
  run: async (flags, { stderr, signal }) => {
    const config = await configuration(flags);
    const folder = resolve(flags.folder ?? config.output);
    const { serveFolder } = await import('../../serve/serve-folder.js');
    const served = await serveFolder(folder, { port: flags.port });
    stderr.write(`briefing: serving ${folder} at ${served.url} (Ctrl-C stops)\n`);
    await untilAborted(signal);
    await served.close();
  },
});
