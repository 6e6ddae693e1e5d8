#!/usr/bin/env node
/**
 * Synthesizes the default music, royalty-free because the project makes it:
 * templates/music/intro.mp3 (a 6 s sting), outro.mp3 (6 s) and bed.mp3 (a
 * 30 s pad that loops seamlessly). Everything comes from the bundled
 * ffmpeg's `aevalsrc` source (soft additive tones with envelopes) shaped by
 * `lowpass`, `aecho` and `afade`, so the files are the same on every machine:
 * `node scripts/make-music.mjs [output-folder]`.
 *
 * All three are in D major so they fit together where they overlap in a mix.
 * Each is rendered to a float WAV, measured with `ebur128`, then encoded once
 * with the gain that puts it at its loudness target: stereo, 44.1 kHz, CBR
 * 128 kbps.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const FFMPEG = process.env.FFMPEG_PATH || require('@ffmpeg-installer/ffmpeg').path;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = process.argv[2] ?? join(ROOT, 'templates', 'music');
const RATE = 44100;
/** Must equal the mixer's bed-loop crossfade (BED_LOOP_CROSSFADE_MS in src/assemble/music-mix.ts). */
const BED_OVERLAP_SECONDS = 0.5;

/** Equal-tempered pitch of a note name such as `F#4` (A4 = 440 Hz). */
function pitch(name) {
  const match = /^([A-G])(#?)(\d)$/.exec(name);
  if (!match) throw new Error(`bad note ${name}`);
  const semitone = { C: -9, D: -7, E: -5, F: -4, G: -2, A: 0, B: 2 }[match[1]] + (match[2] ? 1 : 0);
  return 440 * 2 ** ((semitone + (Number(match[3]) - 4) * 12) / 12);
}

/** A frequency rounded to a whole number of cycles in `period` seconds, so a loop of that length joins without a seam. */
function periodic(frequency, period) {
  return Math.round(frequency * period) / period;
}

const number = (value) => Number(value.toFixed(6)).toString();

/**
 * A warm tone: the fundamental, two soft harmonics and, for width, a quieter
 * copy of the fundamental detuned by `detune` Hz (opposite signs per channel).
 */
function tone(frequency, amplitude, detune = 0) {
  const partial = (f, a) => `${number(a)}*sin(${number(2 * Math.PI * f)}*t)`;
  const parts = [partial(frequency, amplitude), partial(2 * frequency, amplitude * 0.3), partial(3 * frequency, amplitude * 0.1)];
  if (detune !== 0) parts.push(partial(frequency + detune, amplitude * 0.25));
  return parts.join('+');
}

/** A bell-like note struck at `start` s: 15 ms linear attack (no click), exponential decay. */
function bell(frequency, start, amplitude, decay) {
  const body = tone(frequency, amplitude);
  return `if(gte(t,${start}),min(1,(t-${start})/0.015)*exp(-(t-${start})/${decay})*(${body}),0)`;
}

/** Runs ffmpeg and fails loudly. */
function ffmpeg(args) {
  const result = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-y', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${(result.stderr ?? '').trim().split('\n').slice(-3).join('\n')}`);
  return result.stderr;
}

/** Renders a stereo piece from two channel expressions and a filter chain to a float WAV. */
function render(path, left, right, seconds, filters) {
  ffmpeg([
    '-f', 'lavfi',
    '-i', `aevalsrc=exprs='${left}|${right}':s=${RATE}:c=stereo:d=${seconds}`,
    '-af', filters.join(','),
    '-c:a', 'pcm_f32le',
    path,
  ]);
}

/** Encodes a rendered piece to CBR 128 kbps MP3 at `targetLufs`. */
function encode(wav, mp3, targetLufs) {
  const stderr = ffmpeg(['-i', wav, '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-']);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const integrated = Number.parseFloat(/I:\s+(-?[\d.]+)\s+LUFS/.exec(summary)[1]);
  const peak = Number.parseFloat(/Peak:\s+(-?[\d.]+)\s+dBFS/.exec(summary)[1]);
  const gain = targetLufs - integrated;
  if (peak + gain > -1.5) throw new Error(`${mp3}: true peak would reach ${(peak + gain).toFixed(1)} dBTP`);
  ffmpeg([
    '-i', wav,
    '-af', `volume=${gain.toFixed(2)}dB`,
    '-ac', '2', '-ar', String(RATE), '-c:a', 'libmp3lame', '-b:a', '128k',
    '-write_xing', '1', '-id3v2_version', '3', '-map_metadata', '-1',
    '-metadata', 'title=' + mp3.split(/[\\/]/).pop().replace('.mp3', ''),
    '-metadata', 'comment=Synthesized by scripts/make-music.mjs',
    mp3,
  ]);
}

/**
 * The bed: I–vi–IV–V (D, Bm, G, A), 7.5 s a chord, crossfaded over 2 s with
 * complementary raised-cosine curves, so shared notes hold steady. Every
 * frequency is a whole number of cycles in 30 s, and so are the slow swell
 * and the detune: the signal is periodic. The second period is kept (the
 * echoes and filters have settled by then) plus the first half second of the
 * next: the mixer loops a bed by crossfading each pass's last half second
 * into the next pass's start (which also hides the MP3's edges), and here
 * those two stretches are the same audio, so the loop has no seam at all.
 */
function bed(path) {
  const period = 30;
  const span = 7.5;
  const crossfade = 2;
  const chords = [
    { bass: 'D2', notes: ['A3', 'D4', 'F#4'] },
    { bass: 'B1', notes: ['B3', 'D4', 'F#4'] },
    { bass: 'G2', notes: ['B3', 'D4', 'G4'] },
    { bass: 'A2', notes: ['A3', 'C#4', 'E4'] },
  ];
  const channel = (side) => {
    const detune = side * 0.2;
    const terms = chords.map((chord, index) => {
      const body = [
        tone(periodic(pitch(chord.bass), period), 0.07),
        ...chord.notes.map((note) => tone(periodic(pitch(note), period), 0.05, detune)),
      ].join('+');
      // u: seconds since this chord began fading in, wrapped to the period.
      const u = `mod(t-${index * span - crossfade},${period})`;
      const rise = `(1-cos(PI*ld(0)/${crossfade}))/2`;
      const fall = `(1+cos(PI*(ld(0)-${span})/${crossfade}))/2`;
      return `st(0,${u});if(lt(ld(0),${crossfade}),${rise},if(lt(ld(0),${span}),1,if(lt(ld(0),${span + crossfade}),${fall},0)))*if(lt(ld(0),${span + crossfade}),${body},0)`;
    });
    // A slow swell (one breath every 10 s), opposite in the two channels.
    return `(1+${side}*0.08*sin(2*PI*t/10))*(${terms.map((term) => `(${term})`).join('+')})`;
  };
  const wav = path.replace(/\.mp3$/, '.wav');
  render(wav, channel(1), channel(-1), period * 2 + BED_OVERLAP_SECONDS, [
    'highpass=f=50',
    'lowpass=f=1600',
    'aecho=0.8:0.6:97|163|241:0.25|0.18|0.12',
    `atrim=start_sample=${period * RATE}:end_sample=${(period * 2 + BED_OVERLAP_SECONDS) * RATE}`,
    'asetpts=PTS-STARTPTS',
  ]);
  return wav;
}

/** The intro: a D major pad swelling under a rising arpeggio (D4 F#4 A4 D5), then a long decay. */
function intro(path) {
  const seconds = 6;
  const pad = (side) =>
    `(1-exp(-t/0.7))*exp(-max(0,t-3)/1.6)*(${[
      tone(pitch('D2'), 0.06),
      tone(pitch('A3'), 0.045, side * 0.3),
      tone(pitch('D4'), 0.045, side * 0.3),
      tone(pitch('F#4'), 0.04, side * 0.3),
    ].join('+')})`;
  const arpeggio = [
    ['D4', 0.2, 0.6],
    ['F#4', 0.55, 0.4],
    ['A4', 0.9, 0.6],
    ['D5', 1.25, 0.4],
    ['A4', 2.1, 0.5],
    ['F#5', 2.45, 0.5],
  ];
  const bells = (side) =>
    arpeggio
      .map(([note, start, pan]) => bell(pitch(note), start, 0.09 * (side > 0 ? pan : 1 - pan) * 2, 1.1))
      .join('+');
  const wav = path.replace(/\.mp3$/, '.wav');
  render(wav, `${pad(1)}+${bells(1)}`, `${pad(-1)}+${bells(-1)}`, seconds, [
    'highpass=f=50',
    'lowpass=f=4500',
    'aecho=0.8:0.5:113|187|271:0.3|0.2|0.12',
    `afade=t=out:st=${seconds - 2}:d=2:curve=qsin`,
    `atrim=end_sample=${seconds * RATE}`,
  ]);
  return wav;
}

/** The outro: a plagal close, G major (IV) settling into D major (I), with a falling then rising figure. */
function outro(path) {
  const seconds = 6;
  const g = (side) =>
    `(1-exp(-t/0.4))*(1+cos(PI*min(1,max(0,t-1.8)/1.2)))/2*(${[
      tone(pitch('G2'), 0.06),
      tone(pitch('B3'), 0.045, side * 0.3),
      tone(pitch('D4'), 0.045, side * 0.3),
      tone(pitch('G4'), 0.04, side * 0.3),
    ].join('+')})`;
  const d = (side) =>
    `(1-cos(PI*min(1,max(0,t-1.8)/1.2)))/2*exp(-max(0,t-3.5)/1.4)*(${[
      tone(pitch('D2'), 0.06),
      tone(pitch('A3'), 0.045, side * 0.3),
      tone(pitch('D4'), 0.045, side * 0.3),
      tone(pitch('F#4'), 0.04, side * 0.3),
    ].join('+')})`;
  const figure = [
    ['B4', 0.3, 0.6],
    ['G4', 0.7, 0.4],
    ['D4', 1.1, 0.5],
    ['F#4', 2.3, 0.4],
    ['A4', 2.65, 0.6],
    ['D5', 3.0, 0.5],
  ];
  const bells = (side) =>
    figure.map(([note, start, pan]) => bell(pitch(note), start, 0.09 * (side > 0 ? pan : 1 - pan) * 2, 1.2)).join('+');
  const wav = path.replace(/\.mp3$/, '.wav');
  render(wav, `${g(1)}+${d(1)}+${bells(1)}`, `${g(-1)}+${d(-1)}+${bells(-1)}`, seconds, [
    'highpass=f=50',
    'lowpass=f=4500',
    'aecho=0.8:0.5:113|187|271:0.3|0.2|0.12',
    `afade=t=out:st=${seconds - 2.5}:d=2.5:curve=qsin`,
    `atrim=end_sample=${seconds * RATE}`,
  ]);
  return wav;
}

mkdirSync(OUTPUT, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'briefing-music-'));
try {
  const pieces = [
    ['intro.mp3', intro, -16],
    ['outro.mp3', outro, -16],
    ['bed.mp3', bed, -20],
  ];
  for (const [name, make, lufs] of pieces) {
    const wav = make(join(scratch, name));
    const mp3 = join(OUTPUT, name);
    encode(wav, mp3, lufs);
    console.log(`${relative(process.cwd(), mp3)}: ${Math.round(statSync(mp3).size / 1024)} KB`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
