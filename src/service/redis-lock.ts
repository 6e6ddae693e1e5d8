import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { BriefingError } from '../errors.js';

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/** Options of {@link withRedisLock}. */
export interface RedisLockOptions {
  /** How long the lock lasts unless renewed, ms; it is renewed every third of that while `work` runs. Default 30 s. */
  ttlMs?: number;
  /** How long to wait for the lock before giving up, ms. Default 10 minutes. */
  waitMs?: number;
}

/**
 * Runs `work` while holding the Redis lock `key` (SET NX with an expiry,
 * renewed while held, released only by its holder), so that workers on any
 * number of machines run it one at a time. A holder that dies stops renewing
 * and the lock expires.
 *
 * @throws BriefingError `OUTPUT_FAILED` when the lock stays taken for `waitMs`
 */
export async function withRedisLock<T>(redis: Redis, key: string, work: () => Promise<T>, options: RedisLockOptions = {}): Promise<T> {
  const ttl = options.ttlMs ?? 30_000;
  const deadline = Date.now() + (options.waitMs ?? 600_000);
  const token = randomUUID();
  let pause = 20;
  while ((await redis.set(key, token, 'PX', ttl, 'NX')) !== 'OK') {
    if (Date.now() > deadline) throw new BriefingError('OUTPUT_FAILED', `publishing lock ${key}: still held by another worker; the job will try again`);
    await sleep(pause + Math.random() * pause);
    pause = Math.min(500, pause * 2);
  }
  const renewal = setInterval(() => void redis.eval(RENEW, 1, key, token, String(ttl)).catch(() => undefined), Math.max(100, Math.floor(ttl / 3)));
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
