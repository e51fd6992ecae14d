// npx tsx lib/cli/icons-generate.ts: draws the StyleNova brand mark (a small deck of two
// cards with a four-point "nova" spark, on the brand gradient) and writes the committed
// icon files: app/icon.svg (favicon), app/favicon.ico, app/apple-icon.png (180, full
// bleed for iOS) and public/icons/ (192 and 512 "any", 192 and 512 maskable with the
// mark inside the 80% safe zone) for app/manifest.ts. Run again after changing the mark.
// A one-off tool: must not be imported by app code (sharp is a build-time dependency here).
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const ROOT = process.cwd();
const FROM = "#e11d55"; // brand-600
const TO = "#f97316"; // orange-500

/** Four-point spark centred at (cx, cy) with outer radius r (concave sides). */
function spark(cx: number, cy: number, r: number): string {
  const k = r * 0.18; // how far the curves bulge from the centre lines
  return [
    `M${cx} ${cy - r}`,
    `C${cx + k} ${cy - k} ${cx + k} ${cy - k} ${cx + r} ${cy}`,
    `C${cx + k} ${cy + k} ${cx + k} ${cy + k} ${cx} ${cy + r}`,
    `C${cx - k} ${cy + k} ${cx - k} ${cy + k} ${cx - r} ${cy}`,
    `C${cx - k} ${cy - k} ${cx - k} ${cy - k} ${cx} ${cy - r}Z`,
  ].join("");
}

/**
 * The mark on a 512 canvas. `bleed`: a full square background (maskable, apple-touch);
 * otherwise a rounded tile with transparent corners. `scale` shrinks the deck and spark
 * around the centre (the maskable safe zone).
 */
export function markSvg({ bleed, scale = 1 }: { bleed: boolean; scale?: number }): string {
  const bg = bleed ? `<rect width="512" height="512" fill="url(#g)"/>` : `<rect width="512" height="512" rx="116" fill="url(#g)"/>`;
  const t = `translate(256 262) scale(${scale}) translate(-256 -262)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${FROM}"/><stop offset="1" stop-color="${TO}"/></linearGradient></defs>
${bg}
<g transform="${t}">
<rect x="150" y="124" width="200" height="268" rx="34" fill="#fff" fill-opacity=".38" transform="rotate(-14 250 258)"/>
<rect x="162" y="128" width="200" height="268" rx="34" fill="#fff" transform="rotate(7 262 262)"/>
<path d="${spark(262, 258, 78)}" fill="url(#g)"/>
<path d="${spark(316, 180, 24)}" fill="url(#g)"/>
</g>
</svg>
`;
}

async function png(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

/** An .ico holding PNG images (supported by every current browser). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

async function main() {
  const tile = markSvg({ bleed: false });
  const full = markSvg({ bleed: true, scale: 1.08 });
  const maskable = markSvg({ bleed: true, scale: 0.94 });
  const out = (rel: string, data: Buffer | string) => {
    fs.mkdirSync(path.dirname(path.join(ROOT, rel)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, rel), data);
    process.stdout.write(`wrote ${rel}\n`);
  };
  out("app/icon.svg", tile);
  out("app/favicon.ico", ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(tile, size) })))));
  out("app/apple-icon.png", await png(full, 180));
  for (const size of [192, 512]) {
    out(`public/icons/icon-${size}.png`, await png(tile, size));
    out(`public/icons/icon-maskable-${size}.png`, await png(maskable, size));
  }
}

void main();
