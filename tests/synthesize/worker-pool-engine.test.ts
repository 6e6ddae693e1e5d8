import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engines/registry.js';
import { createWorkerPoolEngine, isWorkerPoolEngine } from '../../src/synthesize/worker-pool-engine.js';

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
