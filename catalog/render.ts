// Product illustrations: turns a catalog row into an SVG drawn on a 480x640 canvas (a
// garment silhouette filled with its colour and pattern, shaded, on a flat light neutral
// background, no text), varied per product by ./variation, and rasterises it to a
// 1024x1365 JPEG with sharp (the app serves it re-encoded as AVIF/WebP at the needed width).
// Costly SVG features are avoided on purpose (full-canvas gradients, group opacity, blur
// filters): each multiplies librsvg's time per pixel, and seeding renders 720 of them.
// Imports sharp, ./paint, ./shapes, ./source and ./variation only: no lib/*, no next, no database.

import sharp from "sharp";
import { colourHex, darken, lighten, luminance, makePalette, mix, patternFill, printMotif, type Palette } from "./paint";
import { silhouetteFor, type Silhouette } from "./shapes";
import { articleTypeByName } from "./source";
import { drawingSpec, type DrawingSpec } from "./variation";

/** Output raster size (2x for a ~512 CSS px wide view). */
export const IMAGE_WIDTH = 1024;
export const IMAGE_HEIGHT = 1365;
/** The drawing canvas (SVG user units) the silhouettes are drawn on. */
const CANVAS_W = 480;
const CANVAS_H = 640;
/** Bump when drawings change, so cached images are re-rendered. */
export const RENDER_VERSION = 2;

/** What the renderer needs from a row (works for imported rows too). */
export interface RenderInput {
  id: string;
  articleType: string;
  colours: readonly string[];
  pattern: string | null;
  name?: string;
}

const KEYWORDS: readonly [RegExp, string][] = [
  [/t-?shirt|tee/i, "tshirt"], [/hood/i, "hoodie"], [/sweat|knit|jumper|pullover|cardigan/i, "sweater"],
  [/shirt|blouse|top/i, "shirt"], [/dress/i, "dress"], [/skirt/i, "skirt"], [/jean/i, "jeans"],
  [/short/i, "shorts"], [/trouser|pant|chino|legging/i, "trousers"], [/coat|parka/i, "coat"],
  [/jacket|blazer/i, "jacket"], [/sneaker|trainer|sports shoe|casual shoe/i, "sneakers"], [/boot/i, "boots"],
  [/heel|pump|sandal|flats/i, "heels"], [/bag|clutch|tote|wallet/i, "handbag"], [/hat|cap/i, "hat"],
];

/** Silhouette key for an article type: the source table first, then keywords. */
export function shapeKeyFor(articleType: string): string {
  const def = articleTypeByName(articleType);
  if (def) return def.key;
  for (const [re, key] of KEYWORDS) if (re.test(articleType)) return key;
  return "generic";
}

/** The item's palette: its colours, shaded per product, on a neutral background. */
function paletteFor(row: RenderInput, spec: DrawingSpec): Palette {
  const shadeOf = (hex: string) => (spec.shade < 0 ? darken(hex, -spec.shade) : lighten(hex, spec.shade));
  const raw = colourHex(row.colours[0]);
  const base = shadeOf(raw);
  const pattern = row.pattern ?? "solid";
  const second = pattern === "solid" ? base : colourHex(row.colours[1] ?? (raw === "#f7f6f2" ? "navy" : "white"));
  return makePalette(base, second, spec.background);
}

function trimColour(pal: Palette, spec: DrawingSpec): string | null {
  if (spec.trim === "none") return null;
  if (spec.trim === "tonal") return luminance(pal.base) > 0.5 ? darken(pal.base, 0.22) : lighten(pal.base, 0.22);
  if (pal.second !== pal.base) return pal.second;
  return luminance(pal.base) > 0.55 ? mix(pal.base, "#1f2d4d", 0.7) : mix(pal.base, "#f7f6f2", 0.8);
}

export function renderProductSvg(row: RenderInput): string {
  const spec = drawingSpec(row.id, row.name ?? "");
  const pal = paletteFor(row, spec);
  const shape = silhouetteFor(shapeKeyFor(row.articleType), { pal, variant: (row.name ?? "").toLowerCase() });
  const pattern = row.pattern ?? "solid";
  const motif = printMotif(pattern, pal, [24, shape.span[0] - 20, 456, shape.span[1] + 20], spec.patternScale, spec.patternAngle);
  const fill = motif ? { defs: "", fill: pal.base } : patternFill(pattern, pal, "fill", shape.span);
  const item = shadowMarkup(shape) + partsMarkup(shape, fill.fill, pal.outline) +
    `<g clip-path="url(#garment)">${motif}${innerOutlines(shape, motif, pal.outline)}${trimMarkup(shape, trimColour(pal, spec), spec.trimWidth)}${shape.details ?? ""}</g>` +
    garmentPaths(shape, `fill="url(#shade)"`) + (shape.overlay ?? "");
  const back = shape.pair
    ? `<g transform="translate(${shape.pair[0]} ${shape.pair[1]})">${item}${garmentPaths(shape, `fill="#000" fill-opacity="0.08"`)}</g>`
    : "";
  // proportions: scale the item about the canvas centre, with a margin so it never touches the edges
  const sx = (0.95 * spec.width).toFixed(3);
  const sy = (0.95 * spec.length).toFixed(3);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${CANVAS_W} ${CANVAS_H}">`,
    `<defs>${fill.defs}${shadingDefs(shape)}</defs>`,
    `<rect width="${CANVAS_W}" height="${CANVAS_H}" fill="${pal.background}"/>`,
    `<g transform="translate(240 330) scale(${sx} ${sy}) translate(-240 -330)">`,
    `<g${shape.transform ? ` transform="${shape.transform}"` : ""}>${back}${item}</g></g>`,
    `</svg>`,
  ].join("");
}

/** Over a print: the outlines of the parts drawn after the main (largest) one, as the print covered them. */
function innerOutlines(shape: Silhouette, motif: string, outline: string): string {
  if (!motif) return "";
  const garment = shape.parts.filter((p) => p.fill === undefined);
  const main = garment.reduce((a, b) => (b.d.length > a.d.length ? b : a), garment[0]);
  return garment.slice(garment.indexOf(main) + 1)
    .map((p) => `<path d="${p.d}" fill="none" stroke="${p.outline ?? outline}" stroke-width="2.4" stroke-linejoin="round"/>`).join("");
}

/** The garment parts again, each with the given paint (shading, the back item's shadow). */
function garmentPaths(shape: Silhouette, paint: string): string {
  return shape.parts.filter((p) => p.fill === undefined).map((p) => `<path d="${p.d}" ${paint}/>`).join("");
}

/** A band along the item's edges (drawn inside the garment clip, so half the stroke shows). */
function trimMarkup(shape: Silhouette, colour: string | null, width: number): string {
  if (!colour) return "";
  return garmentPaths(shape, `fill="none" stroke="${colour}" stroke-width="${width * 2}" stroke-linejoin="round"`);
}

// userSpaceOnUse: one light direction across the whole item, whatever each part's bounding box.
const SHADE_DEFS =
  `<linearGradient id="shade" gradientUnits="userSpaceOnUse" x1="72" y1="0" x2="408" y2="640"><stop offset="0" stop-color="#fff" stop-opacity="0.16"/><stop offset="0.45" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.16"/></linearGradient>` +
  `<radialGradient id="ground"><stop offset="0" stop-color="#000" stop-opacity="0.22"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>`;

function shadingDefs(shape: Silhouette): string {
  const garment = shape.parts.filter((p) => p.fill === undefined).map((p) => `<path d="${p.d}"/>`).join("");
  return `${SHADE_DEFS}<clipPath id="garment">${garment}</clipPath>`;
}

/** Soft shadow without a blur filter (a filter would triple the render time): stacked, widening
 * layers, translucent per element (group opacity would cost an offscreen canvas per layer). */
function shadowMarkup(shape: Silhouette): string {
  if (shape.ground) {
    const { cx, cy, rx, ry } = shape.ground;
    return `<ellipse cx="${cx}" cy="${cy}" rx="${rx * 1.1}" ry="${ry * 1.8}" fill="url(#ground)"/>`;
  }
  const paths = shape.parts.map((p) => `<path d="${p.d}"/>`).join("");
  return [14, 0]
    .map((w) => `<g transform="translate(5 9)" fill="#000" stroke="#000" stroke-width="${w}" stroke-linejoin="round" fill-opacity="0.08" stroke-opacity="0.08">${paths}</g>`)
    .join("");
}

function partsMarkup(shape: Silhouette, fill: string, outline: string): string {
  return shape.parts
    .map((p) => `<path d="${p.d}" fill="${p.fill ?? fill}" stroke="${p.outline ?? outline}" stroke-width="2.4" stroke-linejoin="round"/>`)
    .join("");
}

/** Render the row's illustration as a 1024x1365 JPEG (fast to encode and decode, unlike WebP/AVIF; 2x masters hide chroma subsampling). */
export async function renderProductImage(row: RenderInput): Promise<Buffer> {
  return sharp(Buffer.from(renderProductSvg(row)), { density: 72 }) // opaque: the background rect covers the canvas
    .jpeg({ quality: 90 })
    .toBuffer();
}
