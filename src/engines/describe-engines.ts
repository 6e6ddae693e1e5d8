import { describeEngineOptions, type OptionsJsonSchema } from './kit/engine-options.js';
import { BUILT_IN_ENGINES, placeholderCredentials } from './registry.js';
import type { DescribedCapabilities, EngineCapabilities, EngineDefinition, EngineListing, EnginePricing } from './spec/index.js';

export type { DescribedCapabilities } from './spec/index.js';

/** What `briefing engines` says about one built-in engine. */
export interface EngineDescription {
  id: string;
  description: string;
  /** Capabilities with no options given; absent when the engine cannot be made without set-up. */
  capabilities?: DescribedCapabilities;
  /** List price at the default settings, when the vendor charges. */
  pricing?: EnginePricing;
  /** Environment variables the engine reads credentials from. */
  credentials: string[];
  /** JSON Schema of the options (`--engine-option key=value`): types, defaults, descriptions. */
  options?: OptionsJsonSchema;
}

/**
 * Describes the built-in engines as their definitions list them (an engine
 * whose definition does not is made with no options and placeholder
 * credentials; no request is sent). `options: true` adds each engine's
 * options schema, which loads the schema library.
 */
export async function describeEngines(settings: { options?: boolean } = {}): Promise<EngineDescription[]> {
  const env = placeholderCredentials();
  return Promise.all(BUILT_IN_ENGINES.map((definition) => describeEngine(definition, env, settings.options === true)));
}

async function describeEngine(definition: EngineDefinition, env: Record<string, string>, withOptions: boolean): Promise<EngineDescription> {
  const listed = definition.listing ?? (await madeListing(definition, env));
  const capabilities = listed?.capabilities;
  const pricing = listed?.pricing;
  return {
    id: definition.id,
    description: definition.description,
    ...(capabilities ? { capabilities } : {}),
    ...(pricing ? { pricing } : {}),
    credentials: (definition.credentials ?? []).map((credential) => credential.variable),
    ...(withOptions ? { options: await describeEngineOptions(definition.options) } : {}),
  };
}

/**
 * What an engine says of itself when made with no options and `env`'s
 * credentials: its capabilities as data and its list price. `undefined` when
 * it cannot be made without set-up and its definition gives no capabilities.
 */
export async function madeListing(definition: EngineDefinition, env: Record<string, string> = placeholderCredentials()): Promise<EngineListing | undefined> {
  const given = definition.listingCapabilities?.();
  if (given) return { capabilities: describedCapabilities(given) };
  try {
    const engine = await (await definition.load())({ options: {}, env });
    await engine.close?.();
    return { capabilities: describedCapabilities(engine.capabilities), ...(engine.pricing ? { pricing: engine.pricing } : {}) };
  } catch {
    return undefined;
  }
}

function describedCapabilities(capabilities: EngineCapabilities): DescribedCapabilities {
  const { dialect, ...rest } = capabilities;
  return { ...rest, ...(capabilities.input === 'ssml' ? { dialect: dialect?.name ?? 'w3c' } : {}) };
}

/** The plain listing of `briefing engines`: an engine a line, its capabilities on the next. */
export function formatEngineList(engines: readonly EngineDescription[]): string {
  return engines
    .map((engine) => {
      const capabilities = engine.capabilities;
      const summary = capabilities
        ? [
            capabilities.input === 'ssml' ? `SSML (${capabilities.dialect ?? 'w3c'})` : 'plain text',
            `${capabilities.maxInput} ${capabilities.inputUnit} a request`,
            capabilities.maxBreakMs !== undefined ? `breaks up to ${capabilities.maxBreakMs} ms` : undefined,
            capabilities.wordTimings ? 'word timings' : undefined,
            capabilities.network ? 'network and credentials' : 'offline',
          ]
            .filter(Boolean)
            .join(', ')
        : 'needs set-up (see README)';
      return `${engine.id}\t${engine.description}\n\t${summary}\n`;
    })
    .join('');
}
