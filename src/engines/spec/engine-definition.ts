import type { z } from 'zod';
import type { EngineCapabilities, EngineFactory, EnginePricing } from './speech-engine.js';

/** An environment variable an engine reads a credential (or a region) from. */
export interface EngineCredential {
  /** The variable, e.g. `AZURE_SPEECH_KEY`. */
  variable: string;
  /**
   * A stand-in value for making the engine only to describe it or to plan a
   * dry run (`briefing engines`, `--dry-run`), which send no request. Absent
   * for a variable that is not needed when another one is set.
   */
  placeholder?: string;
}

/**
 * An engine's options: a strict schema, loaded only when an option is given
 * or described (so making an engine with none loads no schema library), and
 * what no options at all mean.
 */
export interface EngineOptionsDefinition<Options extends object = object> {
  /** Engine id, named in every error about its options. */
  engine: string;
  /** Loads the strict schema (`z.strictObject`) that checks and converts raw options. */
  schema(): Promise<z.ZodType<Options>>;
  /** What an empty set of options parses to: exactly the schema's defaults. */
  defaults: Options;
}

/** An engine's capabilities as data: the SSML dialect by its name. */
export type DescribedCapabilities = Omit<EngineCapabilities, 'dialect'> & { dialect?: string };

/** What `briefing engines` lists for an engine made with no options. */
export interface EngineListing {
  capabilities: DescribedCapabilities;
  /** List price at the default settings, when the vendor charges. */
  pricing?: EnginePricing;
}

/**
 * Everything the core knows about a built-in engine: light enough to list
 * every engine without loading one. An engine folder exports one; the
 * registry lists them.
 */
export interface EngineDefinition<Options extends object = object> {
  /** Short stable id: `flite`, `polly`... */
  id: string;
  /** One line for `briefing engines`. */
  description: string;
  /** The engine's options. */
  options: EngineOptionsDefinition<Options>;
  /** Environment variables the engine reads credentials from. */
  credentials?: readonly EngineCredential[];
  /**
   * Capabilities to list for an engine that cannot be made without set-up
   * (the command engine needs its template); otherwise the engine is made
   * with no options and asked.
   */
  listingCapabilities?(): EngineCapabilities;
  /**
   * What the engine made with no options (and placeholder credentials) says
   * of itself, written out so that `briefing engines` loads no engine. The
   * engine listing test holds it equal to what the made engine says.
   */
  listing?: EngineListing;
  /** Loads the engine's factory on demand, so cloud SDKs cost nothing until used. */
  load(): Promise<EngineFactory>;
}
