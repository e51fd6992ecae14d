// Colours and fills for the product illustrations: hex maths, the palette derived from
// an item's colours, the background choice and the SVG <pattern> fills.
// Pure string building: imports only ./source (no sharp, no node:*, no lib/*).

import { colourByName } from "./source";

export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbToHex([r, g, b]: Rgb): string {
  const h = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, "0");
  return `#${h(r)}${h(g)}${h(b)}`;
}

/** Linear mix: t = 0 -> a, t = 1 -> b. */
export function mix(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return rgbToHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

export const darken = (hex: string, t: number) => mix(hex, "#000000", t);
export const lighten = (hex: string, t: number) => mix(hex, "#ffffff", t);

/** Relative luminance in [0, 1] (sRGB approximation, good enough for contrast choices). */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

export function rgbDistance(a: string, b: string): number {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

const FALLBACK_HEX = "#8d9096";

/** Hex for a colour name from the source table; accepts "#rrggbb" too; grey otherwise. */
export function colourHex(name: string | undefined): string {
  if (!name) return FALLBACK_HEX;
  if (/^#[0-9a-f]{6}$/i.test(name)) return name.toLowerCase();
  return colourByName(name)?.hex ?? FALLBACK_HEX;
}

export interface Palette {
  base: string; // the item's primary colour
  second: string; // secondary colour (pattern motif); = base when solid
  outline: string; // silhouette outline
  ink: string; // seams, stitching, ribbing: readable on the base colour
  shadowInk: string; // inner shadows (pocket openings, linings)
  background: string;
}

const LIGHT_BACKGROUNDS = ["#f3f0eb", "#eef0f2", "#f1ede6", "#e9ecef", "#f4efe9", "#ecebe6"];
const CONTRAST_BACKGROUNDS = ["#c9d0d9", "#d3cabd", "#c7d0c9", "#cfc9d4"];

/** A light neutral background, varied by `salt`, that never matches the item colour. */
export function pickBackground(base: string, salt: number): string {
  const light = LIGHT_BACKGROUNDS.filter((bg) => rgbDistance(bg, base) > 110);
  if (light.length > 0) return light[salt % light.length];
  const ranked = CONTRAST_BACKGROUNDS.map((bg) => ({ bg, d: rgbDistance(bg, base) })).sort((a, b) => b.d - a.d);
  const good = ranked.filter((r) => r.d > 60);
  return good.length > 0 ? good[salt % good.length].bg : ranked[0].bg;
}

export function makePalette(base: string, second: string, salt: number): Palette {
  const lum = luminance(base);
  const dark = lum < 0.2;
  return {
    base,
    second,
    outline: dark ? mix(base, "#000000", 0.5) : lum > 0.8 ? "#9c9a94" : darken(base, 0.42),
    ink: dark ? lighten(base, 0.22) : lum > 0.8 ? darken(base, 0.18) : darken(base, 0.25),
    shadowInk: darken(base, dark ? 0.55 : 0.45),
    background: pickBackground(base, salt),
  };
}

/**
 * SVG <defs> markup for the garment fill, and the fill reference to use.
 * `span` is the vertical extent [top, bottom] of the item, used by colour-block.
 */
export function patternFill(pattern: string, pal: Palette, id: string, span: [number, number]): { defs: string; fill: string } {
  const make = PATTERN_DEFS[pattern];
  if (!make || pal.second === pal.base) return { defs: "", fill: pal.base };
  return { defs: make(pal, id, span), fill: `url(#${id})` };
}

/**
 * The print as plain shapes (no SVG <pattern>): librsvg samples a pattern fill pixel by
 * pixel, ~60 ms per use at 1024 px, while a few hundred repeated tiles cost a few ms.
 * Returns markup to draw inside the garment clip over the base colour, or "" when the
 * fill is not a tiled print (solid, colour-block: use patternFill). `box` is the item's
 * [x0, y0, x1, y1] on the canvas; the print is scaled and rotated about its centre.
 */
export function printMotif(pattern: string, pal: Palette, box: readonly [number, number, number, number], scale: number, angle: number): string {
  const make = PATTERN_DEFS[pattern];
  if (!make || pattern === "colour-block" || pal.second === pal.base) return "";
  const m = make(pal, "m", [box[1], box[3]]).match(/^<pattern id="m" patternUnits="userSpaceOnUse" width="(\d+)" height="(\d+)">([^]*)<\/pattern>$/);
  if (!m) return "";
  const [w, h] = [Number(m[1]), Number(m[2])];
  let body = m[3].replace(/^<rect width="\d+" height="\d+" fill="[^"]*"\/>/, ""); // the base colour is already painted
  // camo's tile repeats its blobs around it to stay seamless; neighbouring tiles do that here
  if (pattern === "camo") body = body.match(/<g transform="translate\(0 0\)">(.*?)<\/g>/)?.[1] ?? body;
  body = body.replace(/ opacity=/g, " fill-opacity="); // element opacity costs an offscreen layer per shape
  const [cx, cy] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
  const r = Math.hypot(box[2] - box[0], box[3] - box[1]) / 2 / scale + Math.max(w, h);
  // 4x4 tiles per block, blocks on a grid over the circle the rotated box fits in
  let block = "";
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) block += `<use href="#mt" x="${i * w}" y="${j * h}"/>`;
  let uses = "";
  for (let x = -Math.ceil(r / (4 * w)) * 4 * w; x < r; x += 4 * w) for (let y = -Math.ceil(r / (4 * h)) * 4 * h; y < r; y += 4 * h) uses += `<use href="#mb" x="${x}" y="${y}"/>`;
  return `<defs><g id="mt">${body}</g><g id="mb">${block}</g></defs>` +
    `<g transform="translate(${cx} ${cy}) rotate(${angle}) scale(${scale})">${uses}</g>`;
}

type PatternMaker = (pal: Palette, id: string, span: [number, number]) => string;

const tile = (id: string, w: number, h: number, body: string, transform = "") =>
  `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${w}" height="${h}"${transform ? ` patternTransform="${transform}"` : ""}>${body}</pattern>`;

const PATTERN_DEFS: Record<string, PatternMaker> = {
  stripes: (p, id) =>
    tile(id, 40, 26, `<rect width="40" height="26" fill="${p.base}"/><rect y="8" width="40" height="9" fill="${p.second}"/>`),
  checks: (p, id) =>
    tile(
      id, 44, 44,
      `<rect width="44" height="44" fill="${p.base}"/>` +
        `<rect y="14" width="44" height="16" fill="${p.second}" opacity="0.55"/>` +
        `<rect x="14" width="16" height="44" fill="${p.second}" opacity="0.55"/>` +
        `<rect y="21" width="44" height="2" fill="${p.second}" opacity="0.8"/>` +
        `<rect x="21" width="2" height="44" fill="${p.second}" opacity="0.8"/>`,
    ),
  dots: (p, id) =>
    tile(id, 30, 30, `<rect width="30" height="30" fill="${p.base}"/><circle cx="7.5" cy="7.5" r="4.6" fill="${p.second}"/><circle cx="22.5" cy="22.5" r="4.6" fill="${p.second}"/>`),
  floral: (p, id) => tile(id, 72, 72, `<rect width="72" height="72" fill="${p.base}"/>${flower(18, 18, 1, p)}${flower(54, 52, 0.8, p)}${leaf(36, 30, 30, p)}${leaf(62, 20, -40, p)}${leaf(22, 56, 150, p)}`),
  camo: (p, id) => {
    const tones = [p.second, darken(p.base, 0.32), mix(p.base, p.second, 0.5)];
    const blobs = CAMO_BLOBS.map(([cx, cy, r, k], i) => `<path d="${blob(cx, cy, r, k)}" fill="${tones[i % 3]}"/>`).join("");
    // Blobs cross the tile edges, so draw the 3x3 neighbourhood to keep the print seamless.
    let wrapped = "";
    for (const dx of [-160, 0, 160]) for (const dy of [-160, 0, 160]) wrapped += `<g transform="translate(${dx} ${dy})">${blobs}</g>`;
    return tile(id, 160, 160, `<rect width="160" height="160" fill="${p.base}"/>${wrapped}`);
  },
  "colour-block": (p, id, [top, bottom]) =>
    `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="0" y1="${top}" x2="0" y2="${bottom}">` +
    `<stop offset="0" stop-color="${p.base}"/><stop offset="0.56" stop-color="${p.base}"/>` +
    `<stop offset="0.56" stop-color="${p.second}"/><stop offset="1" stop-color="${p.second}"/></linearGradient>`,
};

function flower(cx: number, cy: number, s: number, p: Palette): string {
  const petals: string[] = [];
  for (let k = 0; k < 5; k++) {
    const a = (k / 5) * Math.PI * 2;
    petals.push(`<circle cx="${(cx + Math.cos(a) * 6 * s).toFixed(1)}" cy="${(cy + Math.sin(a) * 6 * s).toFixed(1)}" r="${(4.6 * s).toFixed(1)}" fill="${p.second}"/>`);
  }
  const centre = luminance(p.second) > 0.6 ? "#d9a441" : "#f2d27a";
  return petals.join("") + `<circle cx="${cx}" cy="${cy}" r="${(2.8 * s).toFixed(1)}" fill="${centre}"/>`;
}

function leaf(cx: number, cy: number, deg: number, p: Palette): string {
  const colour = mix(p.base, "#3f6b3a", 0.55);
  return `<path d="M-7 0 Q0 -5 7 0 Q0 5 -7 0Z" fill="${colour}" transform="translate(${cx} ${cy}) rotate(${deg})"/>`;
}

// [cx, cy, radius, shape seed] of the camo blobs in a 160px tile.
const CAMO_BLOBS: readonly [number, number, number, number][] = [
  [30, 30, 26, 1], [100, 40, 22, 2], [140, 100, 24, 3], [60, 100, 28, 4], [110, 140, 20, 5],
  [20, 150, 18, 6], [150, 10, 16, 7], [80, 64, 14, 8], [0, 80, 16, 9],
];

/** An irregular rounded blob: each vertex radius is a fixed pseudo-random function of the seed. */
function blob(cx: number, cy: number, r: number, seed: number): string {
  const n = 10;
  const tilt = seed * 0.7;
  const pts: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const noise = Math.sin(seed * 12.9898 + i * 78.233) * 43758.5453;
    const wobble = 0.45 + 0.8 * (noise - Math.floor(noise));
    const x = Math.cos(a) * r * 1.7 * wobble;
    const y = Math.sin(a) * r * 0.95 * wobble;
    pts.push([cx + x * Math.cos(tilt) - y * Math.sin(tilt), cy + x * Math.sin(tilt) + y * Math.cos(tilt)]);
  }
  const mid = (a: [number, number], b: [number, number]) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2].map((v) => v.toFixed(1)).join(" ");
  let d = `M${mid(pts[n - 1], pts[0])}`;
  for (let i = 0; i < n; i++) d += `Q${pts[i][0].toFixed(1)} ${pts[i][1].toFixed(1)} ${mid(pts[i], pts[(i + 1) % n])}`;
  return d + "Z";
}
