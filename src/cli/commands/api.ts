import { BriefingError } from '../../errors.js';
import { defineCommand, untilAborted } from '../command-context.js';
import { serviceFlags, storeOptionsFromFlags, wholeNumberFlag } from '../flags/service-flags.js';

/**
 * `briefing api`: the HTTP API in front of the build queue, until SIGTERM or
 * SIGINT. Keys come from `BRIEFING_API_KEYS` and/or `--key-file`; webhooks
 * are accepted only when `BRIEFING_WEBHOOK_SECRET` is set. The HTTP,
 * queue and metrics libraries are loaded only here.
 */
export const apiCommand = defineCommand({
  command: 'api',
  describe: 'serve the HTTP API that queues builds for workers (service mode)',
  builder: (argv) =>
    argv
      .options(serviceFlags('the workers publish into'))
      .option('port', { alias: 'p', type: 'number', default: 8080, describe: 'port (0 picks a free one)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'interface to listen on (put a TLS proxy in front)' })
      .option('key-file', { type: 'string', describe: 'file of API keys, one "name sha256-hex" a line (besides BRIEFING_API_KEYS)' })
      .option('max-body', { type: 'number', default: 1048576, describe: 'largest request body, bytes' })
      .option('rate-limit', { type: 'number', default: 120, describe: 'requests per key per window' })
      .option('rate-window', { type: 'number', default: 60, describe: 'rate window, seconds' })
      .option('attempts', { type: 'number', default: 3, describe: 'attempts of a build before it fails' }),
  run: async (args, { stderr, signal }) => {
    wholeNumberFlag(args.port, 'port', 0);
    wholeNumberFlag(args['max-body'], 'max-body', 1);
    wholeNumberFlag(args['rate-limit'], 'rate-limit', 1);
    wholeNumberFlag(args.attempts, 'attempts', 1);
    if (!(args['rate-window'] > 0)) throw new BriefingError('USAGE', `--rate-window ${args['rate-window']}: expected a number of seconds above 0`);
    const [{ startApiServer }, { redisConnection }, { sharedStore }, { checkRedis }, { loadApiKeys }] = await Promise.all([
      import('../../service/api-server.js'),
      import('../../service/redis-connection.js'),
      import('../../service/shared-store.js'),
      import('../../service/check-redis.js'),
      import('../../service/api-keys.js'),
    ]);
    const connection = redisConnection(args.redis);
    const store = sharedStore(args.store, storeOptionsFromFlags(args));
    const keys = await loadApiKeys({ env: process.env, ...(args['key-file'] ? { keyFile: args['key-file'] } : {}) });
    if (keys.size === 0) throw new BriefingError('USAGE', 'api: no API keys: set BRIEFING_API_KEYS or give --key-file');
    await checkRedis(connection, args.redis);
    const api = await startApiServer({
      connection,
      outputDirectory: store.outputDirectory,
      ...(store.s3 ? { s3: store.s3 } : {}),
      keys,
      port: args.port,
      host: args.host,
      maxBodyBytes: args['max-body'],
      rateLimit: args['rate-limit'],
      rateWindowMs: Math.round(args['rate-window'] * 1000),
      attempts: args.attempts,
      ...(process.env.BRIEFING_WEBHOOK_SECRET ? { webhookSecret: process.env.BRIEFING_WEBHOOK_SECRET } : {}),
      allowPrivateUrls: args['allow-private-urls'],
    });
    stderr.write(`briefing: API listening at ${api.url} (${keys.size} key${keys.size === 1 ? '' : 's'})\n`);
    await untilAborted(signal);
    await api.close();
  },
});
