/**
 * The kit for engine authors: what a built-in engine uses, and what a
 * third-party engine may use, to implement the spec. Light to import: the
 * option schema blocks, which load the schema library, are in
 * `./option-schemas.js`.
 *
 * @module
 */
export { BriefingError, isBriefingError, type BriefingErrorCode, type BriefingErrorOptions } from '../../errors.js';
export * from '../spec/index.js';
export { checkEngineOptions, parseEngineOptions, describeEngineOptions, engineEnvironment, type OptionJsonSchema, type OptionsJsonSchema } from './engine-options.js';
export {
  abortedError,
  credentialsMissingError,
  isRetryableStatus,
  networkErrorCode,
  networkFailureError,
  requestFailedError,
  throwIfAborted,
  voiceUnknownError,
  type VendorFailure,
} from './engine-errors.js';
export {
  parseJsonBody,
  plainTextMessage,
  sendVendorRequest,
  type VendorErrorReader,
  type VendorRequest,
  type VendorResponse,
  type VoiceUnknownTest,
} from './vendor-request.js';
export { redactSecrets } from './redact.js';
export { parseRetryAfter, parseRetryAfterMs, parseDurationSeconds } from '../../platform/retry-after.js';
export { audioFromWaveFile, requireWaveAudio } from '../http/wave-file.js';
export { isWaveFile, readWaveFile, type WaveContent } from '../../platform/wav.js';
export { clampRate, optional, trimBaseUrl } from './values.js';
