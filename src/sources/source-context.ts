import type { StageReporter } from '../platform/run-context.js';
import type { FetchedResource } from './fetch-resource.js';

/** Records a warning of the sources (stage `ingest`). */
export type SourceWarn = StageReporter['warn'];

/** What reading an input needs from the caller, resolved from the source options. */
export interface SourceContext {
  /** Language forced on every article. */
  language?: string;
  /** Standard input, for `-`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Fetches an http(s) address with the configured fetch, limits and User-Agent. */
  fetchUrl(url: string): Promise<FetchedResource>;
  /** Reports a step ("reading feed.xml", "fetching https://..."). */
  progress(message: string): void;
  /** Records a warning met while reading an input: into the run context, in the order met. */
  warn: SourceWarn;
}
