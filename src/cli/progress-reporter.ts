import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';
import type { BuildProgress } from '../pipeline/build-options.js';

const QUICK_STAGES = new Set<BuildProgress['stage']>(['ingest', 'segment', 'normalize', 'render']);

/** Where progress goes: a bar on a terminal, plain lines elsewhere, or nowhere. */
export type ProgressMode = 'bar' | 'lines' | 'silent';

function formatMinutes(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Time left at the pace so far: "--" until a piece is done (no pace yet),
 * "0:00" when all are. Replaces the bar library's own, which prints "NFs"
 * at the start.
 */
export function remainingTime(done: number, total: number, elapsedMs: number): string {
  if (done >= total) return '0:00';
  if (done <= 0 || elapsedMs <= 0) return '--';
  return formatMinutes((elapsedMs / done) * (total - done));
}

/** Prints build progress to stderr in the chosen mode. */
export class ProgressReporter {
  private bar: cliProgress.SingleBar | undefined;
  private barStarted = 0;
  private lastLine = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Handles one progress event. */
  report = (event: BuildProgress): void => {
    if (this.mode === 'silent') return;
    if (event.stage === 'synthesize') {
      this.synthesis(event.done, event.total, event.audioMs);
      return;
    }
    // Reading and rendering take moments; a line for them would only bury an error message.
    if (QUICK_STAGES.has(event.stage)) return;
    this.stopBar();
    this.stream.write(`${event.stage}: ${event.message}\n`);
  };

  private synthesis(done: number, total: number, audioMs: number): void {
    if (this.mode === 'bar') {
      if (!this.bar) this.barStarted = Date.now();
      const payload = { audio: formatMinutes(audioMs), remaining: remainingTime(done, total, Date.now() - this.barStarted) };
      if (!this.bar) {
        // Loaded with the first bar: a quiet or piped build never needs it.
        const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
        this.bar = new SingleBar(
          {
            stream: this.stream,
            format: 'synthesize [{bar}] {value}/{total} pieces | {audio} of audio | ETA {remaining}',
            hideCursor: true,
            clearOnComplete: false,
          },
          Presets.shades_classic,
        );
        this.bar.start(total, done, payload);
      }
      this.bar.update(done, payload);
      if (done >= total) this.stopBar();
      return;
    }
    const now = Date.now();
    if (done === total || done === 0 || now - this.lastLine >= 2000) {
      this.lastLine = now;
      this.stream.write(`synthesize: ${done}/${total} pieces, ${formatMinutes(audioMs)} of audio\n`);
    }
  }

  private stopBar(): void {
    this.bar?.stop();
    this.bar = undefined;
  }

  /** Ends any bar on screen. */
  close(): void {
    this.stopBar();
  }
}
