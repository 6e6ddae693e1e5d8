import { createRequire } from 'node:module';
import { constants as osConstants } from 'node:os';
import yargs from 'yargs';
import { BriefingError, isBriefingError } from '../errors.js';
import { commandModule, type CommandContext } from './command-context.js';
import { checkTextFlags, hasCheckedFlag } from './checked-flags.js';
import { protectStandardInput, restoreStandardInput } from './standard-input-argument.js';
import { apiCommand } from './commands/api.js';
import { buildCommand } from './commands/build.js';
import { cacheCommand } from './commands/cache.js';
import { enginesCommand } from './commands/engines.js';
import { initCommand } from './commands/init.js';
import { segmentsCommand } from './commands/segments.js';
import { serveCommand } from './commands/serve.js';
import { ssmlCommand } from './commands/ssml.js';
import { voicesCommand } from './commands/voices.js';
import { workerCommand } from './commands/worker.js';

// Each command imports what it needs (parsers, engines, ffmpeg, the schema
// library) when it runs, so `--help` or `engines` start at the speed of node.

/** Exit statuses of the command. */
export const EXIT = { ok: 0, userError: 1, usage: 2 } as const;

/** Where the command line writes. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/** The package's version, read where the package is (this file sits two folders down, built or bundled). */
function packageVersion(): string {
  const manifest: unknown = createRequire(import.meta.url)('../../package.json');
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
}

/** The exit status of a failure, after printing it as one line (a stack trace only with `--verbose`). */
function reportFailure(error: unknown, stderr: NodeJS.WritableStream, verbose: boolean): number {
  if (isBriefingError(error, 'NOTHING_NEW')) {
    stderr.write(`briefing: ${error.message}; no new episode\n`);
    return EXIT.ok;
  }
  if (isBriefingError(error)) {
    stderr.write(`briefing: ${error.message}\n`);
    if (verbose && error.cause instanceof Error) stderr.write(`${error.cause.stack ?? error.cause.message}\n`);
    // A setting refused, from the command line or the config file, is a usage error either way.
    return error.code === 'USAGE' || error.code === 'CONFIG_INVALID' || error.code === 'ENGINE_OPTION_INVALID' ? EXIT.usage : error.code === 'ABORTED' ? 130 : EXIT.userError;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`briefing: unexpected error: ${message.split('\n')[0]}\n`);
  if (verbose && error instanceof Error) stderr.write(`${error.stack}\n`);
  return EXIT.userError;
}

/**
 * Runs the `briefing` command line with `argv` (without the node and script
 * paths) and returns the exit status. The only place errors are printed.
 */
export async function runCli(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let verbose = argv.includes('--verbose');
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const context: CommandContext = { ...io, signal: controller.signal };
  const parser = yargs(protectStandardInput(argv))
    .scriptName('briefing')
    .usage('$0 <command> [options]\n\nTurn written articles into spoken audio briefings.')
    .option('verbose', { type: 'boolean', default: false, global: true, describe: 'print stack traces with errors' })
    .option('config', { alias: 'c', type: 'string', global: true, describe: 'show configuration file (default: ./briefing.config.json when present)' })
    .command(commandModule(buildCommand, context))
    .command(commandModule(segmentsCommand, context))
    .command(commandModule(ssmlCommand, context))
    .command(commandModule(voicesCommand, context))
    .command(commandModule(cacheCommand, context))
    .command(commandModule(serveCommand, context))
    .command(commandModule(initCommand, context))
    .command(commandModule(enginesCommand, context))
    .command(commandModule(workerCommand, context))
    .command(commandModule(apiCommand, context))
    .middleware(async (args) => {
      for (const key of Object.keys(args)) args[key] = restoreStandardInput(args[key]);
      verbose = args.verbose;
      // The schemas are loaded only when a flag that needs them was given.
      if (hasCheckedFlag(args) && !checkTextFlags(args)) (await import('./flag-values.js')).checkFlagValues(args);
    })
    .demandCommand(1, 'name a command: build, segments, ssml, voices, engines, cache, serve, init, worker or api')
    .strict()
    .help()
    .alias('help', 'h')
    .version(packageVersion())
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new BriefingError('USAGE', message ?? 'invalid usage (see --help)');
    });
  let exitCode: number = EXIT.ok;
  try {
    await parser.parseAsync();
  } catch (error) {
    exitCode = reportFailure(error, io.stderr, verbose);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  // Stopped by a signal: the shell's convention, 128 + its number (130 for SIGINT, 143 for SIGTERM).
  if (stoppedBy && (exitCode === EXIT.ok || exitCode === 130)) exitCode = 128 + osConstants.signals[stoppedBy];
  return exitCode;
}
