import { RunContext, type RunWarning } from '../../src/platform/run-context.js';

/** The value of a stage called with a fresh run context, beside the warnings it raised there. */
export function withWarnings<T extends object>(run: (context: RunContext) => T): T & { warnings: RunWarning[] } {
  const context = new RunContext();
  const value = run(context);
  return Object.assign(value, { warnings: context.warnings });
}

/** {@link withWarnings} for a stage that returns a promise. */
export async function withWarningsAsync<T extends object>(run: (context: RunContext) => Promise<T>): Promise<T & { warnings: RunWarning[] }> {
  const context = new RunContext();
  const value = await run(context);
  return Object.assign(value, { warnings: context.warnings });
}
