import { resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '../../config/config-file-name.js';
import { BriefingError } from '../../errors.js';
import { defineCommand } from '../command-context.js';

/** `briefing init`: writes a starter config with every field explained; never replaces one unless forced. */
export const initCommand = defineCommand({
  command: 'init',
  describe: `write a starter ${CONFIG_FILE_NAME} with every field explained`,
  builder: (argv) => argv.option('force', { type: 'boolean', default: false, describe: 'replace an existing file' }),
  run: async (flags, { stderr }) => {
    const path = resolve(flags.config ?? CONFIG_FILE_NAME);
    const [{ starterConfig }, { writeFile }] = await Promise.all([import('../../config/starter-config.js'), import('node:fs/promises')]);
    try {
      await writeFile(path, starterConfig(), { flag: flags.force ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new BriefingError('USAGE', `${path}: already exists (use --force to replace it)`);
      }
      throw new BriefingError('OUTPUT_FAILED', `${path}: ${(error as Error).message}`, { cause: error });
    }
    stderr.write(`briefing: wrote ${path}\n`);
  },
});
