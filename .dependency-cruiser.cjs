/**
 * The import rules of `src/` (run by `npm run lint:imports`, part of `npm test`).
 *
 * dependency-cruiser reads TypeScript through the `typescript` package's
 * JavaScript API, which TypeScript 7 (the project's compiler) no longer has;
 * so the check reads what the compiler emits, `dist/`, after `npm run build`.
 * Imports of types alone are erased there and are not checked.
 *
 * The stages form a ladder: each layer may import the platform, the layers
 * below it and itself, never a layer above it. Folders on one rung (ingest
 * and sources; the publishing side) may import each other, but no module may
 * take part in an import cycle.
 */

/** Under everything: ffmpeg, WAV, files and locks, HTTP failures, escaping, errors. */
const PLATFORM = ['platform', 'cache', 'types', 'errors.js', 'disk-full.js'];

/**
 * The rungs, lowest first. `engines` sits under synthesize but may import
 * nothing but the platform and itself; the top rung holds what puts the
 * stages together.
 */
const LAYERS = [
  { name: 'engines', folders: ['engines'], seesLayersBelow: false },
  { name: 'ingest', folders: ['ingest', 'sources'] },
  { name: 'segment', folders: ['segment'] },
  { name: 'normalize', folders: ['normalize'] },
  { name: 'ssml', folders: ['ssml'] },
  { name: 'synthesize', folders: ['synthesize'] },
  { name: 'assemble', folders: ['assemble'] },
  { name: 'publish', folders: ['publish'] },
  { name: 'publishing side', folders: ['feed', 'pages', 'memory', 'serve'] },
  { name: 'top', folders: ['config', 'pipeline', 'cli', 'service', 'index.js'] },
];

/** A path pattern matching the given folders (or top-level files) of `src/` (compiled to `dist/`). */
function under(names) {
  const alternatives = names.map((name) => (name.endsWith('.js') ? `${name.replace('.', '\\.')}$` : `${name}/`));
  return `^dist/(${alternatives.join('|')})`;
}

const platformRule = {
  name: 'platform-imports-platform',
  comment: 'The platform sits under every stage: it imports no stage.',
  severity: 'error',
  from: { path: under(PLATFORM) },
  to: { path: '^dist/', pathNot: under(PLATFORM) },
};

const layerRules = LAYERS.map((layer, index) => {
  const below = layer.seesLayersBelow === false ? [] : LAYERS.slice(0, index).filter((lower) => lower.name !== 'engines' || index >= LAYERS.findIndex((rung) => rung.name === 'synthesize'));
  const allowed = [...PLATFORM, ...layer.folders, ...below.flatMap((lower) => lower.folders)];
  return {
    name: `${layer.name.replace(/ /g, '-')}-imports-down`,
    comment: `${layer.name} may import only the platform, ${below.length > 0 ? `${below.map((lower) => lower.name).join(', ')} and ` : ''}itself.`,
    severity: 'error',
    from: { path: under(layer.folders) },
    to: { path: '^dist/', pathNot: under(allowed) },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Modules that import each other, directly or around a loop, cannot be understood or moved one at a time. ' +
        "A loop closed by a dynamic import() is allowed: an engine's definition loads its options and factory on demand, and they read its defaults.",
      severity: 'error',
      from: { path: '^dist/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'ffmpeg-in-platform-only',
      comment: 'Every ffmpeg call goes through src/platform/ffmpeg.ts, so the wrapper can be replaced.',
      severity: 'error',
      from: { path: '^dist/', pathNot: '^dist/platform/ffmpeg\\.js$' },
      to: { path: 'node_modules/(fluent-ffmpeg|@ffmpeg-installer)/' },
    },
    platformRule,
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(dist/|node_modules/(fluent-ffmpeg|@ffmpeg-installer)/)',
    exclude: { path: '\\.d\\.ts$' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.js', '.mjs', '.cjs'],
    },
  },
};
