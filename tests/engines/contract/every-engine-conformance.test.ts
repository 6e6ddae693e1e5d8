import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ENGINES } from '../../../src/engines/registry.js';

const ENGINE_TESTS = fileURLToPath(new URL('..', import.meta.url));

/** Every test file under tests/engines, with its text. */
async function engineTestFiles(): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(ENGINE_TESTS, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'));
  return Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(ENGINE_TESTS, path), text: await readFile(path, 'utf8') };
    }),
  );
}

/** The names the conformance runs of a file are given (`testSpeechEngine({ name: '…'`). */
function conformanceRuns(text: string): string[] {
  if (!/from 'briefing\/testing'/.test(text)) return [];
  return [...text.matchAll(/testSpeechEngine\(\{\s*name:\s*'([^']+)'/g)].map((match) => match[1]!);
}

describe('the conformance suite covers every built-in engine', () => {
  it.each(BUILT_IN_ENGINES.map((entry) => entry.id))('%s has a test file that runs testSpeechEngine from briefing/testing', async (id) => {
    const files = await engineTestFiles();
    const runs = files.filter((file) => conformanceRuns(file.text).some((name) => name === id || name.startsWith(`${id} `)));
    expect(runs.map((file) => file.path), `no tests/engines file runs testSpeechEngine({ name: '${id}', … }) imported from 'briefing/testing'`).not.toEqual([]);
    // The run must make the engine it names: its factory is imported from that engine's folder.
    expect(runs.some((file) => file.text.includes(`src/engines/${id}/`))).toBe(true);
  });
});
