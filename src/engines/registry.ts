import { BriefingError } from '../errors.js';
import type { EngineCapabilities, EngineFactory, EngineOptions, SpeechEngine } from './speech-engine.js';

/** A built-in engine and how to make it. */
export interface EngineEntry {
  id: string;
  /** One line for `briefing engines`. */
  description: string;
  /** Loaded on demand, so cloud SDKs cost nothing until used. */
  load(): Promise<EngineFactory>;
}

/** The engines that ship with briefing, by id. */
export const BUILT_IN_ENGINES: readonly EngineEntry[] = [
  {
    id: 'flite',
    description: 'Flite (embedded, offline, English; the default)',
    load: async () => (await import('./flite/flite-engine.js')).createFliteEngine,
  },
  {
    id: 'espeak',
    description: 'eSpeak NG (embedded, offline, 100+ languages, native SSML)',
    load: async () => (await import('./espeak/espeak-engine.js')).createEspeakEngine,
  },
  {
    id: 'command',
    description: 'any installed TTS program through a command template (Piper, say, Festival, espeak-ng)',
    load: async () => (await import('./command/command-engine.js')).createCommandEngine,
  },
  {
    id: 'polly',
    description: 'Amazon Polly (cloud; standard, neural, long-form or generative voices)',
    load: async () => (await import('./polly/polly-engine.js')).createPollyEngine,
  },
  {
    id: 'google',
    description: 'Google Cloud Text-to-Speech (cloud)',
    load: async () => (await import('./google/google-engine.js')).createGoogleEngine,
  },
  {
    id: 'azure',
    description: 'Azure AI Speech (cloud)',
    load: async () => (await import('./azure/azure-engine.js')).createAzureEngine,
  },
  {
    id: 'openai',
    description: 'OpenAI text to speech (cloud; plain text)',
    load: async () => (await import('./openai/openai-engine.js')).createOpenAiEngine,
  },
  {
    id: 'elevenlabs',
    description: 'ElevenLabs text to speech (cloud)',
    load: async () => (await import('./elevenlabs/elevenlabs-engine.js')).createElevenLabsEngine,
  },
];

/** The default engine id. */
export const DEFAULT_ENGINE = 'flite';

/** True when `name` looks like a module path rather than an engine id. */
function isModuleSpecifier(name: string): boolean {
  return /^(\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/])/.test(name) || /\.(m?js|cjs|ts)$/.test(name) || name.startsWith('@');
}

/**
 * Makes the engine called `name`: a built-in id, or a path or package name of
 * a user's engine module.
 */
export async function createEngine(name: string, options: EngineOptions): Promise<SpeechEngine> {
  const entry = BUILT_IN_ENGINES.find((candidate) => candidate.id === name);
  if (entry) return (await entry.load())(options);
  if (isModuleSpecifier(name) || /^[a-z0-9][\w.-]*$/i.test(name)) {
    const { loadUserEngine } = await import('./user-engine/load-user-engine.js');
    return loadUserEngine(name, options);
  }
  throw new BriefingError(
    'ENGINE_UNKNOWN',
    `no engine "${name}" (built in: ${BUILT_IN_ENGINES.map((engine) => engine.id).join(', ')}; or a path to an engine module)`,
  );
}

/** Placeholder credentials: making an engine to read its capabilities sends no request. */
const LISTING_ENVIRONMENT: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'listing',
  AWS_SECRET_ACCESS_KEY: 'listing',
  AWS_REGION: 'us-east-1',
  GOOGLE_API_KEY: 'listing',
  AZURE_SPEECH_KEY: 'listing',
  AZURE_SPEECH_REGION: 'eastus',
  OPENAI_API_KEY: 'listing',
  ELEVENLABS_API_KEY: 'listing',
};

/**
 * `env` with placeholder credentials wherever it has none, for making an
 * engine that is only asked what it would send (`--dry-run`): it never sends
 * a request, so it needs no real credentials. Real ones are kept.
 */
export function withPlaceholderCredentials(env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const filled: Record<string, string | undefined> = { ...env };
  for (const [name, value] of Object.entries(LISTING_ENVIRONMENT)) if (!filled[name]) filled[name] = value;
  return filled;
}

/** The built-in engines with their default capabilities (for `briefing engines`). */
export async function describeEngines(): Promise<{ id: string; description: string; capabilities?: EngineCapabilities }[]> {
  const described = [];
  for (const entry of BUILT_IN_ENGINES) {
    let capabilities: EngineCapabilities | undefined;
    try {
      const options = entry.id === 'command' ? { command: `${process.execPath} --version` } : {};
      const engine = await (await entry.load())({ options, env: LISTING_ENVIRONMENT });
      capabilities = engine.capabilities;
      await engine.close?.();
    } catch {
      capabilities = undefined;
    }
    described.push({ id: entry.id, description: entry.description, ...(capabilities ? { capabilities } : {}) });
  }
  return described;
}
