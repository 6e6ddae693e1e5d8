import type { z } from 'zod';

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** What is wrong with a value, in the words the config file's errors use: `expected one of 32, 40`, `must be at least 1`. */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      return input === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'has the wrong type';
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * One line per problem of a config file, each naming the file and the field:
 * `briefing.config.json: show.explicit: expected boolean`.
 */
export function describeConfigIssues(file: string, issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${file}: ${fieldPath([...issue.path, key])}: unknown field`);
    }
    const where = issue.path.length > 0 ? fieldPath(issue.path) : '(top level)';
    return [`${file}: ${where}: ${issueMessage(issue, valueAt(input, issue.path))}`];
  });
}
