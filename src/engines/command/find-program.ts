import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/**
 * Finds an executable the way `spawn` will: a name with a path separator is
 * taken relative to the working directory, a bare name is looked up on `PATH`
 * (with `PATHEXT` on Windows). Returns the full path, or `undefined`.
 */
export function findProgram(program: string, env: Record<string, string | undefined>): string | undefined {
  if (program.includes('/') || program.includes('\\')) {
    const path = isAbsolute(program) ? program : resolve(program);
    return isExecutable(path) ? path : undefined;
  }
  const extensions = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const folder of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (folder === '') continue;
    for (const extension of extensions) {
      const candidate = join(folder, program + extension);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
