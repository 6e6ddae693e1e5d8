import { describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';

describe('briefing worker and briefing api on the command line', () => {
  it('refuse an API without keys, a bad S3 address and a bad Redis address in one line each', async () => {
    const noKeys = await runBriefing(['api', '--redis', 'redis://127.0.0.1:1', '--store', 'out'], { env: { BRIEFING_API_KEYS: '' } });
    expect(noKeys.code).toBe(2);
    expect(noKeys.stderr.trim()).toBe('briefing: api: no API keys: set BRIEFING_API_KEYS or give --key-file');
    const s3 = await runBriefing(['worker', '--redis', 'redis://127.0.0.1:1', '--store', 's3://B_/prefix']);
    expect(s3.code).toBe(2);
    expect(s3.stderr.trim()).toBe('briefing: --store s3://B_/prefix: expected s3://bucket/prefix with a valid bucket name');
    const endpoint = await runBriefing(['worker', '--redis', 'redis://127.0.0.1:1', '--store', 's3://bucket/prefix', '--store-endpoint', 'localhost:9000']);
    expect(endpoint.code).toBe(2);
    expect(endpoint.stderr.trim()).toBe('briefing: --store-endpoint localhost:9000: expected an http:// or https:// address');
    const redis = await runBriefing(['worker', '--redis', 'localhost:6379', '--store', 'out']);
    expect(redis.code).toBe(2);
    expect(redis.stderr.trim().split('\n')).toHaveLength(1);
    expect(redis.stderr).toContain('--redis localhost:6379');
    const concurrency = await runBriefing(['worker', '--redis', 'redis://127.0.0.1:1', '--store', 'out', '--concurrency', '0']);
    expect(concurrency.stderr).toContain('--concurrency 0: expected a whole number of at least 1');
  });

  it('are listed in the help', async () => {
    const help = await runBriefing(['--help']);
    expect(help.stdout).toMatch(/briefing worker\s/);
    expect(help.stdout).toMatch(/briefing api\s/);
  });
});

describe('a Redis that cannot be reached', () => {
  it('is one clear error at start, not a process that waits forever', async () => {
    const run = await runBriefing(['worker', '--redis', 'redis://127.0.0.1:1', '--store', 'out']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('briefing: --redis redis://127.0.0.1:1: cannot reach Redis (ECONNREFUSED)');
  });
});
