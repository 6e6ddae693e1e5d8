import { spawn } from 'node:child_process';
import { BriefingError } from '../../errors.js';
import { abortedError } from '../kit/engine-errors.js';
import { whenAborted } from '../../platform/when-aborted.js';

const ENGINE = 'command';
/** Time a program gets to exit after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 1000;
/** How much of stderr is kept for error messages. */
const STDERR_TAIL_BYTES = 8192;

/** One run of a speech program. */
export interface ProgramRun {
  /** argv: the program, then its arguments. */
  argv: readonly string[];
  /** Written to the program's standard input, then closed; `undefined` closes it at once. */
  stdin?: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** What a successful run produced. */
export interface ProgramOutput {
  stdout: Uint8Array;
}

/**
 * Runs a program without a shell and waits for it. Rejects with
 * `ENGINE_UNAVAILABLE` when it cannot be started, `ENGINE_REQUEST_FAILED`
 * (with the last stderr line) when it exits non-zero, is killed or runs past
 * `timeoutMs`, and `ABORTED` at once when `signal` fires (the program is
 * killed). `exited` settles when the process is gone, whatever happened.
 */
export function runProgram(run: ProgramRun): { result: Promise<ProgramOutput>; exited: Promise<void> } {
  const [program, ...args] = run.argv;
  let settle!: { resolve: (output: ProgramOutput) => void; reject: (error: unknown) => void };
  const result = new Promise<ProgramOutput>((resolve, reject) => {
    settle = { resolve, reject };
  });
  if (run.signal?.aborted) {
    settle.reject(abortedError(ENGINE, run.signal.reason));
    return { result, exited: Promise.resolve() };
  }
  const child = spawn(program!, args, {
    shell: false,
    env: run.env as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const stdout: Buffer[] = [];
  let stderr = Buffer.alloc(0);
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;

  const kill = (): void => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    killTimer.unref();
  };
  const onAbort = (): void => {
    settle.reject(abortedError(ENGINE, run.signal?.reason));
    kill();
  };
  const forgetAbort = run.signal ? whenAborted(run.signal, onAbort) : () => {};
  const timeout = setTimeout(() => {
    timedOut = true;
    kill();
  }, run.timeoutMs);

  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = Buffer.concat([stderr, chunk]);
    if (stderr.length > STDERR_TAIL_BYTES) stderr = stderr.subarray(stderr.length - STDERR_TAIL_BYTES);
  });
  // A program that never reads its input closes the pipe early: not an error of ours.
  child.stdin.on('error', () => undefined);
  child.stdin.end(run.stdin ?? '');

  const exited = new Promise<void>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timeout);
      settle.reject(startFailure(program!, error));
      resolve();
    });
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      if (killTimer) clearTimeout(killTimer);
      forgetAbort();
      const lastLine = lastStderrLine(stderr);
      if (timedOut) {
        settle.reject(
          new BriefingError('ENGINE_REQUEST_FAILED', `command: ${program} did not finish within ${run.timeoutMs} ms (timeout)`, {
            retryable: true,
          }),
        );
      } else if (code !== 0) {
        const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
        settle.reject(
          new BriefingError('ENGINE_REQUEST_FAILED', `command: ${program} ${how}${lastLine ? `: ${lastLine}` : ''}`),
        );
      } else {
        settle.resolve({ stdout: new Uint8Array(Buffer.concat(stdout)) });
      }
      resolve();
    });
  });
  return { result, exited };
}

function startFailure(program: string, error: NodeJS.ErrnoException): BriefingError {
  if (error.code === 'ENOENT') {
    return new BriefingError('ENGINE_UNAVAILABLE', `command: program "${program}" not found (is it installed and on PATH?)`, {
      cause: error,
    });
  }
  if (error.code === 'EACCES') {
    return new BriefingError('ENGINE_UNAVAILABLE', `command: program "${program}" cannot be run (permission denied)`, {
      cause: error,
    });
  }
  return new BriefingError('ENGINE_UNAVAILABLE', `command: cannot start "${program}": ${error.message}`, { cause: error });
}

function lastStderrLine(stderr: Buffer): string | undefined {
  const lines = stderr
    .toString('utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const last = lines.at(-1);
  return last && last.length > 300 ? `${last.slice(0, 299)}…` : last;
}
