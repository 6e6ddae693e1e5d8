import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';

/** Flags every command takes, documented once for all of them. */
const GLOBAL_FLAGS = ['verbose', 'config', 'help', 'version'];

/** One flag as `--help` lists it: its long name and its default, when yargs shows one. */
interface HelpFlag {
  name: string;
  default?: string;
}

/** The flags in yargs' `--help` output: a line per flag, wrapped descriptions on the lines after. */
function helpFlags(help: string): HelpFlag[] {
  const options = help.slice(help.indexOf('Options:'));
  const entries = options.split(/\n(?=\s+(?:-\w, )?--[a-z])/).slice(1);
  return entries.map((entry) => {
    const name = /--([a-z0-9-]+)/.exec(entry)![1]!;
    const fallback = /\[default: "?([^\]"]*)"?\]/.exec(entry.replace(/\s+/g, ' '))?.[1];
    return { name, ...(fallback !== undefined ? { default: fallback } : {}) };
  });
}

/** README's `### \`briefing <command> …\`` section, heading included, up to the next heading of its level or above. */
function commandSection(readme: string, command: string): string {
  const start = readme.search(new RegExp(`^### \`briefing ${command}\\b`, 'm'));
  if (start < 0) return '';
  const body = readme.indexOf('\n', start);
  const end = readme.slice(body).search(/^#{1,3} /m);
  return end < 0 ? readme.slice(start) : readme.slice(start, body + end);
}

/** The table rows of a section by the long flags their first cell names (`--cover FILE`, `--no-cover`: cover, no-cover). */
function tableRows(section: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const first = /^\|([^|]*)\|/.exec(line)?.[1];
    if (first === undefined) continue;
    for (const match of first.matchAll(/--([a-z][a-z0-9-]*)/g)) rows.set(match[1]!, line);
  }
  return rows;
}

describe('the README documents every command the way its --help does', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const commandsStart = readme.indexOf('## Commands');
  const commandsSection = readme.slice(commandsStart, readme.indexOf('\n## ', commandsStart + 1));
  const commands = [...(await runBriefing(['--help'])).stdout.matchAll(/^ {2}briefing ([a-z-]+)/gm)].map((match) => match[1]!);

  it('finds the commands', () => {
    expect(commands).toContain('build');
    expect(commands.length).toBeGreaterThan(5);
  });

  it('names the flags every command takes', () => {
    for (const flag of ['verbose', 'config']) expect(commandsSection).toContain(`--${flag}`);
  });

  it.each(commands)('briefing %s: each flag in its section, tables naming only real flags, with yargs defaults', async (command) => {
    const run = await runBriefing([command, '--help']);
    expect(run.code).toBe(0);
    const flags = helpFlags(run.stdout).filter((flag) => !GLOBAL_FLAGS.includes(flag.name));
    const section = commandSection(readme, command);
    expect(section, `README has no "### \`briefing ${command}" section`).not.toBe('');
    const missing = flags.filter((flag) => !section.includes(`--${flag.name}`)).map((flag) => `--${flag.name}`);
    expect(missing, `flags of briefing ${command} missing from its README section`).toEqual([]);
    const known = new Set(flags.map((flag) => flag.name));
    const rows = tableRows(section);
    const unknown = [...rows.keys()].filter((name) => !known.has(name) && !(name.startsWith('no-') && known.has(name.slice(3))));
    expect(unknown, `README rows of briefing ${command} naming flags it does not take`).toEqual([]);
    for (const flag of flags) {
      if (flag.default === undefined || flag.default === 'true' || flag.default === 'false') continue;
      const row = rows.get(flag.name);
      expect(row, `README has no table row for --${flag.name} of briefing ${command}`).toBeDefined();
      expect(row, `the default of --${flag.name} of briefing ${command}`).toContain(flag.default);
    }
  });
});
