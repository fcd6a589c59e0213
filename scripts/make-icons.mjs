// Draws the Grompt icon (a white "G" with a spark, on an indigo rounded square) at the
// sizes the manifest needs, as PNG, with no image library: a signed-distance rasteriser
// with 4x4 supersampling. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square (0..1), as "inside" tests.
const roundedSquare = (x, y) => {
  const r = 0.22;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return Math.hypot(dx, dy) <= r;
};
const letterG = (x, y) => {
  const cx = 0.47,
    cy = 0.52,
    outer = 0.29,
    inner = 0.175;
  const d = Math.hypot(x - cx, y - cy);
  const angle = Math.atan2(y - cy, x - cx);
  const ring = d <= outer && d >= inner && !(angle > -0.95 && angle < 0.1);
  const bar = y >= cy - 0.055 && y <= cy + 0.055 && x >= cx && x <= cx + outer;
  const stem = x >= cx + outer - 0.115 && x <= cx + outer && y >= cy && y <= cy + 0.2;
  return ring || bar || stem;
};
const spark = (x, y) => {
  const cx = 0.79,
    cy = 0.23,
    s = 0.11;
  const dx = Math.abs(x - cx),
    dy = Math.abs(y - cy);
  return Math.sqrt(dx) + Math.sqrt(dy) <= Math.sqrt(s);
};

function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0,
        fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!roundedSquare(x, y)) continue;
          bg++;
          if (letterG(x, y) || spark(x, y)) fg++;
        }
      }
      const total = samples * samples;
      const t = (px + py) / (2 * size);
      // Indigo to violet, top-left to bottom-right.
      const base = [Math.round(79 + (124 - 79) * t), Math.round(70 + (58 - 70) * t), Math.round(229 + (237 - 229) * t)];
      const mix = fg / Math.max(bg, 1);
      const offset = (py * size + px) * 4;
      pixels[offset] = Math.round(base[0] * (1 - mix) + 255 * mix);
      pixels[offset + 1] = Math.round(base[1] * (1 - mix) + 255 * mix);
      pixels[offset + 2] = Math.round(base[2] * (1 - mix) + 255 * mix);
      pixels[offset + 3] = Math.round((255 * bg) / total);
    }
  }
  return png(size, pixels);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, draw(size));
console.log('icons written to public/icon/');
