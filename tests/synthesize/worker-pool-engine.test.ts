import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engines/registry.js';
import { createWorkerPoolEngine, isWorkerPoolEngine } from '../../src/synthesize/worker-pool-engine.js';

const execFileAsync = promisify(execFile);

describe('a pool of engine threads', () => {
  it('is not wrapped in a second pool, whose threads would boot beside the first ones and leave them idle', async () => {
    const flite = await createEngine('flite', { options: {} });
    const pool = createWorkerPoolEngine(flite, { engine: 'flite', options: {} }, 2);
    try {
      expect(isWorkerPoolEngine(flite)).toBe(false);
      expect(isWorkerPoolEngine(pool)).toBe(true);
      expect(createWorkerPoolEngine(pool, { engine: 'flite', options: {} }, 2)).toBe(pool);
      // Still the engine it wraps, to its callers and its cache keys.
      expect({ id: pool.id, version: pool.version, capabilities: pool.capabilities }).toEqual({ id: flite.id, version: flite.version, capabilities: flite.capabilities });
    } finally {
      await pool.close?.();
    }
  });
});

describe('a build on engine threads', () => {
  it('compiles the engine on its first thread, not on the calling one, and the second thread takes that module', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'briefing-pool-compile-'));
    try {
      await writeFile(join(folder, 'note.md'), '# Ferry notice\n\nThe first ferry leaves at six.\n\nThe second ferry leaves at seven, weather permitting.\n');
      // The compiled library, as a caller uses it (only there do builds run on worker threads), from a script given to node -e.
      const script = `
        const { buildBriefing } = await import(${JSON.stringify(new URL('../../dist/index.js', import.meta.url).href)});
        const { compiledWasmModules } = await import(${JSON.stringify(new URL('../../dist/engines/wasm-loader.js', import.meta.url).href)});
        const { manifest } = await buildBriefing({ inputs: ['note.md'], outputDirectory: 'out', cache: 'cache', jobs: 2 });
        console.log(JSON.stringify({ compiledHere: (await compiledWasmModules()).length, durationMs: manifest.durationMs }));
      `;
      const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: folder });
      const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { compiledHere: number; durationMs: number };
      expect(report.compiledHere).toBe(0);
      expect(report.durationMs).toBeGreaterThan(1000);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
