#!/usr/bin/env node
/**
 * Draws the default episode cover, templates/cover.png: 1400×1400 (Apple
 * Podcasts' minimum), a diagonal navy-to-teal gradient with a white sound
 * wave in a soft ring. Pure Node (zlib writes the PNG), so the image is the
 * same on every machine: `node scripts/make-cover.mjs [output.png]`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1400;
const output = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'templates', 'cover.png');

const TOP_LEFT = [14, 38, 71];
const BOTTOM_RIGHT = [23, 122, 140];
const WHITE = [255, 255, 255];
const CENTRE = SIZE / 2;
const BAR_HEIGHTS = [0.18, 0.34, 0.56, 0.8, 1, 0.72, 0.9, 0.6, 0.4, 0.26, 0.14];
const BAR_WIDTH = 48;
const BAR_GAP = 34;
const BAR_SPAN = 520;
const RING_RADIUS = 560;
const RING_WIDTH = 26;

/** Coverage (0–1) of a vertical bar with round ends at (x, y): signed distance, anti-aliased over one pixel. */
function barCoverage(x, y) {
  const total = BAR_HEIGHTS.length * BAR_WIDTH + (BAR_HEIGHTS.length - 1) * BAR_GAP;
  const left = CENTRE - total / 2;
  const index = Math.floor((x - left + BAR_GAP / 2) / (BAR_WIDTH + BAR_GAP));
  if (index < 0 || index >= BAR_HEIGHTS.length) return 0;
  const middle = left + index * (BAR_WIDTH + BAR_GAP) + BAR_WIDTH / 2;
  const half = (BAR_HEIGHTS[index] * BAR_SPAN) / 2;
  const radius = BAR_WIDTH / 2;
  const dy = Math.max(Math.abs(y - CENTRE) - half, 0);
  const distance = Math.hypot(x - middle, dy) - radius;
  return Math.min(Math.max(0.5 - distance, 0), 1);
}

function ringCoverage(x, y) {
  const distance = Math.abs(Math.hypot(x - CENTRE, y - CENTRE) - RING_RADIUS) - RING_WIDTH / 2;
  return Math.min(Math.max(0.5 - distance, 0), 1) * 0.35;
}

function mix(a, b, amount) {
  return a.map((value, channel) => value + (b[channel] - value) * amount);
}

const rowLength = SIZE * 3;
const raw = Buffer.alloc((rowLength + 1) * SIZE);
let previous = Buffer.alloc(rowLength);
for (let y = 0; y < SIZE; y += 1) {
  const row = Buffer.alloc(rowLength);
  for (let x = 0; x < SIZE; x += 1) {
    let colour = mix(TOP_LEFT, BOTTOM_RIGHT, (x + y) / (2 * (SIZE - 1)));
    const cover = Math.max(barCoverage(x + 0.5, y + 0.5), ringCoverage(x + 0.5, y + 0.5));
    if (cover > 0) colour = mix(colour, WHITE, cover);
    row[x * 3] = Math.round(colour[0]);
    row[x * 3 + 1] = Math.round(colour[1]);
    row[x * 3 + 2] = Math.round(colour[2]);
  }
  // PNG "Up" filter: a smooth gradient differs little from the row above, which compresses well.
  const offset = y * (rowLength + 1);
  raw[offset] = 2;
  for (let index = 0; index < rowLength; index += 1) raw[offset + 1 + index] = (row[index] - previous[index]) & 0xff;
  previous = row;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 2; // truecolour RGB
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(output, png);
console.log(`${relative(process.cwd(), output)}: ${SIZE}×${SIZE} PNG, ${png.length} bytes`);
