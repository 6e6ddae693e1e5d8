import { BriefingError } from '../errors.js';
import { azureDefinition } from './azure/azure-definition.js';
import { commandDefinition } from './command/command-definition.js';
import { elevenLabsDefinition } from './elevenlabs/elevenlabs-definition.js';
import { espeakDefinition } from './espeak/espeak-definition.js';
import { fliteDefinition } from './flite/flite-definition.js';
import { googleDefinition } from './google/google-definition.js';
import { openAiDefinition } from './openai/openai-definition.js';
import { pollyDefinition } from './polly/polly-definition.js';
import type { EngineDefinition, EngineOptions, SpeechEngine } from './spec/index.js';

/** A built-in engine: its definition (kept under this name for the library's users). */
export type EngineEntry = EngineDefinition;

/**
 * The engines that ship with briefing, in the order `briefing engines` lists
 * them. Each engine folder exports its definition; adding an engine is one
 * folder and one entry here.
 */
export const BUILT_IN_ENGINES: readonly EngineDefinition[] = [
  fliteDefinition,
  espeakDefinition,
  commandDefinition,
  pollyDefinition,
  googleDefinition,
  azureDefinition,
  openAiDefinition,
  elevenLabsDefinition,
];

export { DEFAULT_ENGINE } from './default-engine.js';

/** True when `name` looks like a module path rather than an engine id. */
function isModuleSpecifier(name: string): boolean {
  return /^(\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/])/.test(name) || /\.(m?js|cjs|ts)$/.test(name) || name.startsWith('@');
}

/**
 * Makes the engine called `name`: a built-in id, or a path or package name of
 * a user's engine module.
 */
export async function createEngine(name: string, options: EngineOptions): Promise<SpeechEngine> {
  const definition = BUILT_IN_ENGINES.find((candidate) => candidate.id === name);
  if (definition) return (await definition.load())(options);
  if (isModuleSpecifier(name) || /^[a-z0-9][\w.-]*$/i.test(name)) {
    const { loadUserEngine } = await import('./user-engine/load-user-engine.js');
    return loadUserEngine(name, options);
  }
  throw new BriefingError(
    'ENGINE_UNKNOWN',
    `no engine "${name}" (built in: ${BUILT_IN_ENGINES.map((engine) => engine.id).join(', ')}; or a path to an engine module)`,
  );
}

/** The built-in engines' placeholder credentials: making an engine to read its capabilities sends no request. */
export function placeholderCredentials(): Record<string, string> {
  const placeholders: Record<string, string> = {};
  for (const definition of BUILT_IN_ENGINES) {
    for (const credential of definition.credentials ?? []) {
      if (credential.placeholder !== undefined) placeholders[credential.variable] = credential.placeholder;
    }
  }
  return placeholders;
}

/**
 * `env` with placeholder credentials wherever it has none, for making an
 * engine that is only asked what it would send (`--dry-run`): it never sends
 * a request, so it needs no real credentials. Real ones are kept.
 */
export function withPlaceholderCredentials(env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const filled: Record<string, string | undefined> = { ...env };
  for (const [name, value] of Object.entries(placeholderCredentials())) if (!filled[name]) filled[name] = value;
  return filled;
}
