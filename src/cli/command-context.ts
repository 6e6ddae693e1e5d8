import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

/** Where a command writes, and the signal that stops it (SIGINT, SIGTERM). */
export interface CommandContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  /** Aborted when the user stops the run. */
  signal: AbortSignal;
}

/** The flags every command takes. */
export interface GlobalFlags {
  verbose: boolean;
  config: string | undefined;
}

/**
 * One `briefing` command: its usage line, its flags and what it does. The
 * flags' types flow from `builder` into `run`, so a command reads exactly
 * the flags it declared.
 */
export interface CommandDefinition<Flags> {
  /** Usage line, positionals included (`build <input..>`). */
  command: string;
  describe: string;
  builder: (argv: Argv<GlobalFlags>) => Argv<Flags>;
  run: (flags: ArgumentsCamelCase<Flags>, context: CommandContext) => Promise<void>;
}

/** Declares a command; `Flags` is inferred from the builder. */
export function defineCommand<Flags>(definition: CommandDefinition<Flags>): CommandDefinition<Flags> {
  return definition;
}

/** The yargs command module of `definition`, run with `context`. */
export function commandModule<Flags>(definition: CommandDefinition<Flags>, context: CommandContext): CommandModule<GlobalFlags, Flags> {
  return {
    command: definition.command,
    describe: definition.describe,
    builder: definition.builder,
    handler: (flags) => definition.run(flags, context),
  };
}

/** Resolves once `signal` is aborted (at once when it already is). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((done) => (signal.aborted ? done() : signal.addEventListener('abort', () => done(), { once: true })));
}
