import { parseConfig } from '../config/parse-config.js';
import { buildOptionsFromConfig } from '../config/build-options-from-config.js';
import type { BriefingConfig } from '../config/briefing-config.js';
import type { BuildOptions } from '../pipeline/build-options.js';

type JobSettings = Omit<BuildOptions, 'inputs'>;

/**
 * The build settings of a job: the worker's configuration (its show, output,
 * cover, music and lexicon), with each section the request set laid over it.
 * The request's options are validated again by the configuration schema, so
 * a job put on the queue by something other than the API is held to the same rules.
 */
export function episodeBuildOptions(serverConfig: BriefingConfig, requestOptions: Record<string, unknown>, baseDirectory: string): JobSettings {
  const server = buildOptionsFromConfig(serverConfig);
  const request = buildOptionsFromConfig(parseConfig(requestOptions, 'options', baseDirectory));
  const has = (section: string) => Object.prototype.hasOwnProperty.call(requestOptions, section);
  const voices = (requestOptions.voices ?? {}) as Record<string, unknown>;
  const { emphasis, cues, voice: quoteVoice } = request.quotes ?? {};
  return {
    ...server,
    ...(has('engine') ? { engine: request.engine, engineOptions: request.engineOptions ?? {} } : {}),
    ...(has('voices') && request.voice !== undefined ? { voice: request.voice } : {}),
    ...(has('voices') && request.introVoice !== undefined ? { introVoice: request.introVoice } : {}),
    ...(has('pauses') ? { pauses: { ...(server.pauses ?? {}), ...(request.pauses ?? {}) } } : {}),
    quotes: {
      ...(server.quotes ?? {}),
      ...(has('quotes') && emphasis !== undefined ? { emphasis } : {}),
      ...(has('quotes') && cues !== undefined ? { cues } : {}),
      ...(voices.quote !== undefined && quoteVoice !== undefined ? { voice: quoteVoice } : {}),
    },
    ...(has('loudness') ? { loudnessLufs: request.loudnessLufs, truePeakDbtp: request.truePeakDbtp } : {}),
    ...(has('bitrateKbps') ? { bitrateKbps: request.bitrateKbps } : {}),
    ...(has('templates') ? { frame: { ...(server.frame ?? {}), ...(request.frame ?? {}) } } : {}),
    ...(has('maxStories') && request.maxStories !== undefined ? { maxStories: request.maxStories } : {}),
    ...(has('maxHeadlines') && request.maxHeadlines !== undefined ? { maxHeadlines: request.maxHeadlines } : {}),
  };
}
