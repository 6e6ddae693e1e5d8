// `npm run bench`: how fast briefing is on this machine, as ratios against a
// floor measured in the same run (see README, "Performance").
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = join(root, 'scripts', 'bench-child.mjs');
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const corpusSeed = join(root, '..', 'shared', 'corpus', 'seed-article.txt');
const seed = existsSync(corpusSeed) ? corpusSeed : join(root, 'templates', 'sample-article.md');
const scratch = mkdtempSync(join(tmpdir(), 'briefing-bench-'));

function measure(task, args) {
  const started = process.hrtime.bigint();
  // The same V8 setting the briefing command starts with (see src/cli/main.ts).
  const run = spawnSync(process.execPath, ['--max-semi-space-size=4', child, task, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${task} failed (${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout.trim().split('\n').at(-1));
  return { ...report, wall };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fresh = (name) => join(scratch, `${name}-${Math.random().toString(36).slice(2)}`);

// Plain text of the seed article for the floor: the same words, one call.
const plain = join(scratch, 'seed.txt');
writeFileSync(plain, readFileSync(seed, 'utf8').replace(/^[#>*_-]+\s*/gm, ''));

console.log(`briefing benchmark: ${seed === corpusSeed ? 'the corpus seed article' : 'the bundled sample article'}, ${repeats} runs each (medians)\n`);
const floors = [];
const colds = [];
const warms = [];
let coldReport;
for (let run = 0; run < repeats; run += 1) {
  floors.push(measure('floor', [plain, scratch]));
  const cache = fresh('cache');
  const output = fresh('out');
  coldReport = measure('build', [seed, '-o', output, '--cache', cache, '-q']);
  colds.push(coldReport);
  warms.push(measure('build', [seed, '-o', output, '--cache', cache, '-q']));
}
const floor = median(floors.map((entry) => entry.wall));
const cold = median(colds.map((entry) => entry.wall));
const warm = median(warms.map((entry) => entry.wall));

// Daily briefings: N stories built from the project's own articles.
const sources = [join(root, 'templates', 'sample-article.md'), ...readdirSync(join(root, 'tests', 'fixtures', 'articles')).filter((name) => !name.endsWith('.json')).map((name) => join(root, 'tests', 'fixtures', 'articles', name))];
function stories(count) {
  const folder = fresh(`stories-${count}`);
  execFileSync('mkdir', ['-p', folder]);
  return Array.from({ length: count }, (_, index) => {
    const source = sources[index % sources.length];
    const name = join(folder, `${String(index + 1).padStart(2, '0')}-${source.split('/').at(-1)}`);
    // Each story its own words, so that no piece is shared with another story.
    const mark = ` Report ${index + 1}.`;
    const text = readFileSync(source, 'utf8');
    writeFileSync(name, source.endsWith('.html') ? text.replace(/<\/p>/g, `${mark}</p>`) : text.replace(/^([^#>*\n-].{40,})$/gm, `$1${mark}`));
    return name;
  });
}
const briefings = [5, 10, 20].map((count) => {
  const report = measure('build', [...stories(count), '-o', fresh('daily'), '--cache', fresh('cache'), '-q', '--no-feed']);
  return { count, ...report };
});

const row = (label, entry) =>
  `${label.padEnd(26)} ${entry.wall.toFixed(2).padStart(7)} s ${entry.maxRssMb.toFixed(0).padStart(6)} MB ${(entry.audioSeconds / entry.wall).toFixed(1).padStart(7)} s of audio/s`;
console.log(`${'measurement'.padEnd(26)} ${'time'.padStart(9)} ${'peak RSS'.padStart(9)} ${'speed'.padStart(18)}`);
console.log(row('(a) floor: flite + encode', floors.find((entry) => entry.wall === floor)));
console.log(row('(b) pipeline, cold', colds.find((entry) => entry.wall === cold)));
console.log(row('(c) pipeline, warm', warms.find((entry) => entry.wall === warm)));
for (const briefing of briefings) console.log(row(`(d) ${briefing.count}-story briefing`, briefing));

const coldOverFloor = cold / floor;
const warmOverCold = warm / cold;
const perStory = briefings.map((briefing) => briefing.wall / briefing.count);
// Stories differ in length, so growth is judged per minute of audio made.
const perAudioMinute = briefings.map((briefing) => (briefing.wall / briefing.audioSeconds) * 60);
const linearity = perAudioMinute.at(-1) / perAudioMinute[0];
const peak = Math.max(...briefings.map((briefing) => briefing.maxRssMb));
const verdict = (ok) => (ok ? 'met' : 'NOT MET');
console.log('');
console.log(`cold/floor  ${coldOverFloor.toFixed(2)}  (target <= 1.00: ${verdict(coldOverFloor <= 1)})`);
console.log(`warm/cold   ${warmOverCold.toFixed(2)}  (target <= 0.20: ${verdict(warmOverCold <= 0.2)})`);
console.log(`seconds per story at 5, 10, 20 stories: ${perStory.map((value) => value.toFixed(2)).join(', ')}`);
console.log(`seconds per minute of audio at 5, 10, 20 stories: ${perAudioMinute.map((value) => value.toFixed(2)).join(', ')} (20/5 ratio ${linearity.toFixed(2)}: ${verdict(linearity <= 1.25)} as linear)`);
console.log(`peak RSS of the briefings ${peak.toFixed(0)} MB (target < 300 MB: ${verdict(peak < 300)})`);
rmSync(scratch, { recursive: true, force: true });
