/** The stages of the pipeline, as named in warnings. */
export const STAGE_NAMES = ['ingest', 'segment', 'normalize', 'ssml', 'synthesize', 'assemble', 'publish'] as const;

/** A stage of the pipeline. */
export type StageName = (typeof STAGE_NAMES)[number];

/** A warning raised by a stage; never fatal. */
export interface StageWarning {
  /** Stable short code, e.g. `INPUT_INVALID_UTF8`, `SSML_UNSUPPORTED`. */
  code: string;
  /** Human-readable sentence. */
  message: string;
  /** Block the warning is about, when it is about one. */
  blockId?: string;
  /** Source file or URL the warning is about, when it is about one. */
  source?: string;
  /** Stage that raised it (absent in manifests written before stages were named). */
  stage?: StageName;
}

/** A warning as a stage raises it: its stage is always named. */
export type RunWarning = StageWarning & { stage: StageName };

/** A stage's view of the run: warnings raised through it carry the stage's name. */
export interface StageReporter {
  /** The stage warnings raised here are filed under. */
  readonly stage: StageName;
  /** Records a warning of this stage. */
  warn(warning: Omit<StageWarning, 'stage'>): void;
}

/**
 * What one run of the pipeline carries from stage to stage: the warnings
 * every stage raised, in the order they were raised. Made once per build (or
 * by a library user calling single stages) and passed down in each stage's
 * options as `context`; the manifest's `warnings` and the command line's
 * summary read it at the end.
 *
 * A warning identical to one already held (same stage, code, message, block
 * and source) is recorded once: a stage that meets the same problem twice,
 * such as an engine ignoring the same tag in two pieces of one block, says
 * so once.
 *
 * @example
 * ```ts
 * const context = new RunContext();
 * const story = segmentArticle(article, { context });
 * const blocks = normalizeBlocks(story.blocks, { context });
 * for (const warning of context.warnings) console.warn(`${warning.stage}: ${warning.message}`);
 * ```
 */
export class RunContext {
  readonly #warnings: RunWarning[] = [];
  readonly #seen = new Set<string>();
  readonly #listeners: ((warning: RunWarning) => void)[] = [];

  /**
   * @param options.onWarning - called with each warning as it is recorded
   *   (duplicates are not repeated), e.g. to show warnings while a long build runs
   */
  constructor(options: { onWarning?: (warning: RunWarning) => void } = {}) {
    if (options.onWarning) this.#listeners.push(options.onWarning);
  }

  /** Records a warning raised by `warning.stage`. */
  warn(warning: RunWarning): void {
    const key = JSON.stringify([warning.stage, warning.code, warning.message, warning.blockId ?? null, warning.source ?? null]);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    const recorded: RunWarning = {
      code: warning.code,
      message: warning.message,
      ...(warning.blockId !== undefined ? { blockId: warning.blockId } : {}),
      ...(warning.source !== undefined ? { source: warning.source } : {}),
      stage: warning.stage,
    };
    this.#warnings.push(recorded);
    for (const listener of this.#listeners) listener(recorded);
  }

  /** A view for one stage: its warnings are filed under `stage`. */
  stage(stage: StageName): StageReporter {
    return { stage, warn: (warning) => this.warn({ ...warning, stage }) };
  }

  /** Every warning recorded so far, in the order raised (a copy). */
  get warnings(): RunWarning[] {
    return this.#warnings.map((warning) => ({ ...warning }));
  }

  /** The warnings one stage raised, in order. */
  warningsOf(stage: StageName): RunWarning[] {
    return this.warnings.filter((warning) => warning.stage === stage);
  }
}

/**
 * The reporter of `stage` in `context`, or one that drops what it is told
 * when there is no context (a library user who does not ask for warnings).
 */
export function stageReporter(context: RunContext | undefined, stage: StageName): StageReporter {
  return context ? context.stage(stage) : { stage, warn: () => {} };
}
