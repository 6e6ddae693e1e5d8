import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isShardName } from '../../src/cache/cache-layout.js';
import { runBriefing } from '../helpers/run-cli.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-worker-pieces-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Every speech piece in a cache folder, by file name (its content address), with its bytes. */
async function pieces(cache: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const shard of (await readdir(cache)).filter(isShardName)) {
    for (const name of await readdir(join(cache, shard))) found.set(name, await readFile(join(cache, shard, name)));
  }
  return found;
}

describe('synthesis on worker threads', () => {
  it('makes byte-identical pieces with two threads as with one', async () => {
    const article = join(folder, 'harbour.md');
    const notes = Array.from({ length: 14 }, (_, index) => `Notice ${index + 1}: the ferry to the island leaves at ${index + 6} o'clock, *weather permitting*.`);
    await writeFile(article, `# Harbour notices\n\n${notes.join('\n\n')}\n\n> "We will run every boat we can," the harbour master said.\n`);
    const runs = await Promise.all(
      ['1', '2'].map(async (jobs) => {
        const cache = join(folder, `cache-${jobs}`);
        const run = await runBriefing(['build', article, '-o', join(folder, `out-${jobs}`), '--cache', cache, '--no-feed', '--jobs', jobs, '-q']);
        expect(run.code, run.stderr).toBe(0);
        return pieces(cache);
      }),
    );
    const [one, two] = runs as [Map<string, Buffer>, Map<string, Buffer>];
    expect(one.size).toBeGreaterThan(10);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [name, bytes] of one) expect(bytes.equals(two.get(name)!), name).toBe(true);
  });
});
