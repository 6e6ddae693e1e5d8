import { BriefingError } from '../../errors.js';
import { defineCommand, untilAborted } from '../command-context.js';
import { serviceFlags, storeOptionsFromFlags, wholeNumberFlag } from '../flags/service-flags.js';

/**
 * `briefing worker`: builds jobs from the BullMQ queue until SIGTERM or
 * SIGINT, then finishes the jobs it holds and stops. The queue libraries are
 * loaded only here, so the other commands never pay for them.
 */
export const workerCommand = defineCommand({
  command: 'worker',
  describe: 'take build jobs from a Redis queue (service mode) and publish them into a shared folder',
  builder: (argv) =>
    argv
      .options(serviceFlags('for episodes, feed and the synthesis cache'))
      .option('store-cache', { type: 'string', describe: "this machine's copy of an S3 store's synthesis cache (default: a folder in the system's temporary folder)" })
      .option('concurrency', { type: 'number', default: 1, describe: 'builds at once in this worker' })
      .option('jobs', { alias: 'j', type: 'number', describe: 'synthesis requests in flight within one build (default: one per core)' })
      .option('fan-out', { type: 'number', describe: 'fan a briefing of more than this many speech requests out as synthesis jobs any worker takes (default: off)' })
      .option('lock-duration', { type: 'number', default: 30, describe: 'seconds before a dead worker\'s job is taken over by another' }),
  run: async (args, { stderr, signal }) => {
    wholeNumberFlag(args.concurrency, 'concurrency', 1);
    if (!(args['lock-duration'] >= 1)) throw new BriefingError('USAGE', `--lock-duration ${args['lock-duration']}: expected at least 1 second`);
    const fanOut = args['fan-out'];
    if (fanOut !== undefined) wholeNumberFlag(fanOut, 'fan-out', 1);
    const [{ startWorker }, { redisConnection }, { sharedStore }, { checkRedis }] = await Promise.all([
      import('../../service/start-worker.js'),
      import('../../service/redis-connection.js'),
      import('../../service/shared-store.js'),
      import('../../service/check-redis.js'),
    ]);
    const [{ loadConfig }, { showForBuild }] = await Promise.all([import('../../config/load-config.js'), import('../../config/show-for-build.js')]);
    const connection = redisConnection(args.redis);
    const store = sharedStore(args.store, { ...storeOptionsFromFlags(args), ...(args['store-cache'] !== undefined ? { localCache: args['store-cache'] } : {}) });
    const { config } = await loadConfig(args.config);
    await checkRedis(connection, args.redis);
    const secret = process.env.BRIEFING_WEBHOOK_SECRET;
    const worker = await startWorker({
      connection,
      workspace: { ...store, config, show: showForBuild(config.show, {}), ...(args.jobs !== undefined ? { jobs: args.jobs } : {}) },
      concurrency: args.concurrency,
      lockDurationMs: Math.round(args['lock-duration'] * 1000),
      ...(fanOut !== undefined ? { fanOutRequests: fanOut } : {}),
      ...(secret ? { webhookSecret: secret } : {}),
      allowPrivateUrls: args['allow-private-urls'],
      log: (line) => stderr.write(`briefing: ${line}\n`),
    });
    stderr.write(`briefing: worker ready (pid ${process.pid}, ${args.concurrency} at once), publishing into ${store.s3 ? `s3://${store.s3.bucket}/${store.s3.prefix}` : store.outputDirectory}\n`);
    await untilAborted(signal);
    stderr.write('briefing: worker stopping: finishing the jobs it holds\n');
    await worker.close();
  },
});
