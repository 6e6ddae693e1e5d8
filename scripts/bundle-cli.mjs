// Build step after `tsc`: bundles the command's start-up path (src/cli/main.ts,
// the router, every command's flags and yargs) into dist/cli/main.js, so that
// `briefing --help` reads and compiles one file instead of some fifty. Every
// module outside src/cli, and every module a command imports when it runs,
// stays the file tsc wrote: the library keeps one copy of each module (one
// BriefingError class), and what a command does not need is never loaded.
//
// Without esbuild (a production install of a git checkout), the unbundled
// dist/cli/main.js that tsc wrote is kept: the same command, a little slower
// to start.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'src');
const commandLine = join(sources, 'cli');
const output = join(root, 'dist', 'cli', 'main.js');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('bundle-cli: esbuild is not installed; dist/cli/main.js stays unbundled (slower start-up)');
  process.exit(0);
}

/** The import specifier, from dist/cli/main.js, of the file tsc wrote for the source file `path`. */
function compiledSpecifier(path) {
  const compiled = join(root, 'dist', relative(sources, path)).replace(/\.ts$/, '.js');
  const specifier = relative(dirname(output), compiled).split(sep).join('/');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}

/** Bundles src/cli's statically imported modules; points every other module of the project at its compiled file. */
const projectModules = {
  name: 'project-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData?.resolving || !args.importer.startsWith(sources + sep)) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const startUp = args.kind === 'import-statement' && resolved.path.startsWith(commandLine + sep);
      return startUp ? { path: resolved.path } : { path: compiledSpecifier(resolved.path), external: true };
    });
  },
};

/**
 * yargs finds its translations (and the package it runs in) from its own
 * file's address; bundled, that would be dist/cli/main.js. Point it at the
 * installed yargs instead, so messages stay translated as before. Its two
 * invariant checks are made without loading node:assert.
 */
const yargsOwnAddress = {
  name: 'yargs-own-address',
  setup(build) {
    build.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const original = 'const __dirname = fileURLToPath(import.meta.url);';
      if (!source.includes(original)) throw new Error(`bundle-cli: ${args.path} changed; update the yargs-own-address plugin`);
      const replacement =
        "const __dirname = (() => { try { return resolve(dirname(createRequire(import.meta.url).resolve('yargs/package.json')), 'lib/platform-shims/esm.mjs'); } catch { return fileURLToPath(import.meta.url); } })();";
      // yargs checks two of its own invariants with node:assert, whose loading is a tenth of what
      // --help costs beyond node itself: the same two checks, without it.
      const assertImport = "import { notStrictEqual, strictEqual } from 'assert'";
      if (!source.includes(assertImport)) throw new Error(`bundle-cli: ${args.path} changed; update the yargs-own-address plugin`);
      const checks = [
        "function notStrictEqual(actual, expected, message) { if (actual === expected) throw new Error(message ?? `expected a value other than ${String(expected)}`); }",
        "function strictEqual(actual, expected, message) { if (actual !== expected) throw new Error(message ?? `expected ${String(expected)}, got ${String(actual)}`); }",
      ].join('\n');
      return { contents: source.replace(original, replacement).replace(assertImport, checks), loader: 'js' };
    });
  },
};

/**
 * yargs measures every character of its help text with string-width, which
 * runs Unicode segmentation and emoji patterns per character: most of what
 * `--help` costs. Printable ASCII is one column a character, so such text
 * is measured by its length and everything else by string-width as before.
 */
const asciiWidthFirst = {
  name: 'ascii-width-first',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'ascii-width-first' };
    });
    build.onLoad({ filter: /.*/, namespace: 'ascii-width-first' }, (args) => ({
      contents: [
        `import stringWidth from ${JSON.stringify(args.path)};`,
        'const printableAscii = /^[\\x20-\\x7e]*$/;',
        'export default function width(text, options) {',
        "  return typeof text === 'string' && printableAscii.test(text) ? text.length : stringWidth(text, options);",
        '}',
      ].join('\n'),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Every copy of string-width makes an Intl.Segmenter when it loads, which
 * loads ICU's break rules (about 12 ms each, two copies in the bundle), and
 * the newest compiles the emoji pattern `\p{RGI_Emoji}` (about 9 ms): together
 * a third of what `--help` costs beyond node itself. Text that is all
 * printable ASCII never reaches them (see ascii-width-first), so each is made
 * the first time it is used.
 */
const segmenterWhenUsed = {
  name: 'segmenter-when-used',
  setup(build) {
    build.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const segmenter = 'const segmenter = new Intl.Segmenter();';
      if (!source.includes(segmenter)) return undefined;
      const emoji = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
      if (source.includes('RGI_Emoji}$/v') && !source.includes(emoji)) throw new Error(`bundle-cli: ${args.path} changed; update the segmenter-when-used plugin`);
      // Replaced by functions: a replacement string would read the $' in the pattern as "what follows the match".
      const contents = source
        .replace(segmenter, () => 'let madeSegmenter; const segmenter = { segment: (text) => (madeSegmenter ??= new Intl.Segmenter()).segment(text) };')
        .replace(emoji, () => "let madeEmoji; const rgiEmojiRegex = { test: (text) => (madeEmoji ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };");
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Once a command's handler has started, yargs renders that command's whole
 * help text and keeps it, to print it should the handler fail. This command
 * line never prints help on a failure (its `.fail()` turns every failure into
 * one line), so the text was rendered and thrown away on every run: a tenth
 * of what `briefing build` costs before it reads anything. The help that
 * `--help` prints is rendered as before.
 */
const noHelpKeptForFailures = {
  name: 'no-help-kept-for-failures',
  setup(build) {
    build.onLoad({ filter: /[\\/]yargs[\\/]build[\\/]lib[\\/]usage\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const original = 'cachedHelpMessage = this.help();';
      if (!source.includes(original)) throw new Error(`bundle-cli: ${args.path} changed; update the no-help-kept-for-failures plugin`);
      return { contents: source.replace(original, 'cachedHelpMessage = undefined;'), loader: 'js' };
    });
  },
};

const result = await esbuild.build({
  entryPoints: [join(commandLine, 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: join(root, 'tsconfig.json'),
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  write: false,
  outfile: output,
  logLevel: 'warning',
  plugins: [projectModules, yargsOwnAddress, asciiWidthFirst, segmenterWhenUsed, noHelpKeptForFailures],
});

// Written beside and renamed, so a failed build never leaves half a command.
for (const file of result.outputFiles) {
  await writeFile(`${file.path}.tmp`, file.contents, { mode: file.path === output ? 0o755 : 0o644 });
  await rename(`${file.path}.tmp`, file.path);
}
console.log(`bundle-cli: wrote ${relative(root, output)} (${Math.round(result.outputFiles.find((file) => file.path === output).contents.length / 1024)} kB)`);
