/**
 * A tiny speech program: writes a 22.05 kHz sine WAV whose length grows with
 * the word count (120 ms a word plus 100 ms), and logs what it was given.
 * `--hang-if FILE` makes it hang, never answering, while FILE exists.
 */
export const FAKE_TTS = String.raw`
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const args = process.argv.slice(2);
const flags = {};
const positional = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i].startsWith('--')) flags[args[i].slice(2)] = args[++i];
  else positional.push(args[i]);
}
const stdin = flags.in || positional.length > 0 ? '' : readFileSync(0, 'utf8');
const text = flags.in ? readFileSync(flags.in, 'utf8') : positional.length > 0 ? positional.join(' ') : stdin;
if (flags.log) writeFileSync(flags.log, JSON.stringify({ args, text, stdin, inputPath: flags.in, outPath: flags.out }));
if (flags.pidfile) writeFileSync(flags.pidfile, String(process.pid));
if (flags['hang-if'] && existsSync(flags['hang-if'])) await new Promise(() => setInterval(() => {}, 60000));
if (flags.sleep) await new Promise((resolve) => setTimeout(resolve, Number(flags.sleep)));
if (flags.exit) {
  process.stderr.write('loading voice model\nerror: voice "' + flags.voice + '" has no model file\n');
  process.exit(Number(flags.exit));
}
const rate = 22050;
const words = text.replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean).length;
const samples = Math.round(((100 + 120 * words) / 1000) * rate / Number(flags.rate ?? 1));
const pcm = Buffer.alloc(samples * 2);
for (let i = 0; i < samples; i += 1) pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 330 * i) / rate) * 12000), i * 2);
let out = pcm;
if (flags.format !== 'raw') {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + pcm.length, 4); header.write('WAVE', 8);
  header.write('fmt ', 12); header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24); header.writeUInt32LE(rate * 2, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34);
  header.write('data', 36); header.writeUInt32LE(pcm.length, 40);
  out = Buffer.concat([header, pcm]);
}
if (flags.out) writeFileSync(flags.out, out);
else process.stdout.write(out);
`;
