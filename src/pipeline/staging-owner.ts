/** File inside a staging folder naming the process that writes it. */
export const STAGING_OWNER_FILE = '.staging-owner.json';

/** Who writes a staging folder. */
export interface StagingOwner {
  /** Process id of the build. */
  pid: number;
  /** Machine the build runs on: a process id means nothing on another one. */
  host: string;
  /** ISO 8601 time the build started writing. */
  startedAt: string;
}

const STAGING_NAME = /^\.(.+)\.partial-(?:(\d+)-)?[0-9a-f]{8}$/;

/** The hidden staging folder name of an episode: `.<name>.partial-<pid>-<random>`. */
export function stagingFolderName(name: string, pid: number, random: string): string {
  return `.${name}.partial-${pid}-${random}`;
}

/**
 * Reads a staging folder name: whether it is one, and the process id it
 * carries (absent for folders named before names carried one).
 */
export function parseStagingFolderName(folder: string): { staging: boolean; pid?: number } {
  const match = STAGING_NAME.exec(folder);
  if (!match) return { staging: false };
  return match[2] !== undefined ? { staging: true, pid: Number(match[2]) } : { staging: true };
}

/** The owner recorded in a staging folder's owner file text, when the text is one. */
export function parseStagingOwner(text: string): StagingOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<StagingOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.startedAt === 'string' ? (owner as StagingOwner) : undefined;
  } catch {
    return undefined;
  }
}
