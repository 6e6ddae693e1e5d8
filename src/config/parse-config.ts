import { BriefingError } from '../errors.js';
import type { BriefingConfig } from './briefing-config.js';
import { briefingConfigSchema } from './config-schema.js';
import { describeConfigIssues } from './config-issues.js';
import { withResolvedPaths } from './resolve-config-paths.js';

/**
 * Validates a config object as if read from `file` (a name for messages):
 * defaults filled, relative paths resolved against `baseDirectory`.
 * Throws `CONFIG_INVALID` listing every problem, one a line.
 */
export function parseConfig(input: unknown, file: string, baseDirectory: string): BriefingConfig {
  const result = briefingConfigSchema.safeParse(input);
  if (!result.success) {
    throw new BriefingError('CONFIG_INVALID', describeConfigIssues(file, result.error.issues, input).join('; '), { cause: result.error });
  }
  return withResolvedPaths(result.data, baseDirectory);
}
