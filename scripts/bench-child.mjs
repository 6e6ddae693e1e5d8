// One measured task of `npm run bench`, run in its own process so its peak
// memory is its own. Prints one JSON line: { seconds, maxRssMb, audioSeconds }.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [task, ...args] = process.argv.slice(2);
const started = performance.now();
let audioSeconds = 0;

if (task === 'floor') {
  // The floor: the default engine reading the article's plain text in one call, then one MP3 encode of that audio.
  const { createFliteEngine } = await import('../dist/engines/flite/flite-engine.js');
  const { encodeMp3, resolveFfmpegPath } = await import('../dist/assemble/ffmpeg.js');
  const { encodeWav } = await import('../dist/audio/wav.js');
  const [input, scratch] = args;
  const engine = createFliteEngine();
  const result = await engine.synthesize({ input: readFileSync(input, 'utf8'), inputType: 'text', language: 'en' });
  const wav = join(scratch, 'floor.wav');
  writeFileSync(wav, encodeWav({ sampleRate: result.audio.sampleRate, data: result.audio.data }));
  await encodeMp3(wav, join(scratch, 'floor.mp3'), { gainDb: 0, limiterCeilingDb: -2.2, bitrateKbps: 64, channels: 1 }, resolveFfmpegPath());
  audioSeconds = result.audio.data.length / 2 / result.audio.sampleRate;
} else if (task === 'build') {
  const { runCli } = await import('../dist/cli/run-cli.js');
  let manifest;
  const stdout = { write: (text) => ((manifest = (manifest ?? '') + text), true) };
  const code = await runCli(['build', ...args, '--json'], { stdout, stderr: process.stderr });
  if (code !== 0) process.exit(code);
  audioSeconds = JSON.parse(manifest).durationMs / 1000;
} else {
  throw new Error(`unknown task ${task}`);
}

const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, audioSeconds }));
