/**
 * `briefing/testing` is published as a package subpath, and the library's main
 * entry never loads vitest (an optional peer dependency). Runs against the
 * build, like the CLI tests: `npm test` builds first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A resolve hook that refuses vitest, so importing anything that needs it fails. */
const NO_VITEST_HOOKS = `
export async function resolve(specifier, context, next) {
  if (/^(vitest|@vitest\\/)/.test(specifier)) throw new Error('loaded ' + specifier + ' from ' + context.parentURL);
  return next(specifier, context);
}
`;

interface PackageJson {
  name: string;
  exports: Record<string, { types: string; import: string }>;
  files: string[];
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

describe('the briefing/testing subpath', () => {
  let folder: string;
  let noVitest: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'briefing-testing-subpath-'));
    await writeFile(join(folder, 'no-vitest-hooks.mjs'), NO_VITEST_HOOKS);
    noVitest = join(folder, 'no-vitest.mjs');
    await writeFile(noVitest, `import { register } from 'node:module';\nregister('./no-vitest-hooks.mjs', import.meta.url);\n`);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** Runs an ES module snippet in a fresh Node process in `cwd`; its standard output, or the error. */
  async function node(code: string, cwd: string, withoutVitest: boolean): Promise<{ ok: boolean; output: string }> {
    const imports = withoutVitest ? ['--import', pathToFileURL(noVitest).href] : [];
    return run(process.execPath, [...imports, '--input-type=module', '-e', code], { cwd }).then(
      ({ stdout }) => ({ ok: true, output: stdout.trim() }),
      (error: { stderr?: string }) => ({ ok: false, output: error.stderr ?? String(error) }),
    );
  }

  it('is in the package exports with its types, inside the published files, with vitest an optional peer', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
    const entry = manifest.exports['./testing'];
    expect(entry).toEqual({ types: './dist/testing/index.d.ts', import: './dist/testing/index.js' });
    for (const path of [entry!.types, entry!.import]) {
      expect(existsSync(join(ROOT, path)), `${path} is not built`).toBe(true);
      expect(manifest.files.some((published) => path.startsWith(`./${published}/`))).toBe(true);
    }
    expect(manifest.peerDependencies?.vitest).toBeDefined();
    expect(manifest.peerDependenciesMeta?.vitest?.optional).toBe(true);
  });

  it('resolves for a project that installed briefing, giving testSpeechEngine', async () => {
    const project = join(folder, 'engine-project');
    await mkdir(join(project, 'node_modules'), { recursive: true });
    await symlink(ROOT, join(project, 'node_modules', 'briefing'), 'dir');
    const result = await node(`const { testSpeechEngine } = await import('briefing/testing'); console.log(typeof testSpeechEngine);`, project, false);
    expect(result).toEqual({ ok: true, output: 'function' });
  });

  it('is the only entry that loads vitest: the library imports without it', async () => {
    const library = await node(`const briefing = await import('briefing'); console.log(typeof briefing.createEngine);`, ROOT, true);
    expect(library).toEqual({ ok: true, output: 'function' });
    // The same guard stops the testing entry, so the check above can fail.
    const testing = await node(`await import('briefing/testing');`, ROOT, true);
    expect(testing.ok).toBe(false);
    expect(testing.output).toMatch(/loaded vitest from .*dist\/testing\//);
  });
});
