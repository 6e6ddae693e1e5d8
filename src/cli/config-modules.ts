// What every command that reads the configuration needs (zod schemas and the
// config loader), imported on demand by run-cli.ts.
export { loadConfig } from '../config/load-config.js';
export { buildOptionsFromConfig } from '../config/build-options-from-config.js';
export { checkFlagValues } from './flag-values.js';
