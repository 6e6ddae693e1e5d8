import cliProgress from 'cli-progress';
import type { BuildProgress } from '../pipeline/build-options.js';

const QUICK_STAGES = new Set<BuildProgress['stage']>(['ingest', 'segment', 'normalize', 'render']);

/** Where progress goes: a bar on a terminal, plain lines elsewhere, or nowhere. */
export type ProgressMode = 'bar' | 'lines' | 'silent';

function formatMinutes(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Prints build progress to stderr in the chosen mode. */
export class ProgressReporter {
  private bar: cliProgress.SingleBar | undefined;
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
    const payload = { audio: formatMinutes(audioMs) };
    if (this.mode === 'bar') {
      if (!this.bar) {
        this.bar = new cliProgress.SingleBar(
          {
            stream: this.stream,
            format: 'synthesize [{bar}] {value}/{total} pieces | {audio} of audio | ETA {eta_formatted}',
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
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
      this.stream.write(`synthesize: ${done}/${total} pieces, ${payload.audio} of audio\n`);
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
