// Product illustrations: turns a catalog row into a 480x640 SVG (a garment silhouette
// filled with its colour and pattern, shaded, on a light neutral background, no text)
// and rasterises it to PNG with sharp.
// Imports sharp, ./paint, ./shapes and ./source only: no lib/*, no next, no database.

import sharp from "sharp";
import { colourHex, darken, lighten, makePalette, patternFill } from "./paint";
import { silhouetteFor, type Silhouette } from "./shapes";
import { articleTypeByName } from "./source";

export const IMAGE_WIDTH = 480;
export const IMAGE_HEIGHT = 640;
/** Bump when drawings change, so cached images are re-rendered. */
export const RENDER_VERSION = 1;

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

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function renderProductSvg(row: RenderInput): string {
  const base = colourHex(row.colours[0]);
  const pattern = row.pattern ?? "solid";
  const second = pattern === "solid" ? base : colourHex(row.colours[1] ?? (base === "#f7f6f2" ? "navy" : "white"));
  const salt = hashString(row.id);
  const pal = makePalette(base, second, salt);
  const shape = silhouetteFor(shapeKeyFor(row.articleType), { pal, variant: (row.name ?? "").toLowerCase() });
  const fill = patternFill(pattern, pal, "fill", shape.span);
  const item = shadowMarkup(shape) + partsMarkup(shape, fill.fill, pal.outline) +
    `<g clip-path="url(#garment)">${shape.details ?? ""}<rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="url(#shade)"/></g>` +
    (shape.overlay ?? "");
  const back = shape.pair
    ? `<g transform="translate(${shape.pair[0]} ${shape.pair[1]})">${item}<g clip-path="url(#garment)"><rect x="-100" y="-200" width="700" height="900" fill="#000" opacity="0.08"/></g></g>`
    : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}">`,
    `<defs>${fill.defs}${backgroundDefs(pal.background)}${shadingDefs(shape)}</defs>`,
    `<rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="url(#bg)"/>`,
    `<g${shape.transform ? ` transform="${shape.transform}"` : ""}>${back}${item}</g>`,
    `</svg>`,
  ].join("");
}

function backgroundDefs(bg: string): string {
  return `<radialGradient id="bg" cx="0.5" cy="0.42" r="0.8"><stop offset="0" stop-color="${lighten(bg, 0.35)}"/><stop offset="1" stop-color="${darken(bg, 0.04)}"/></radialGradient>` +
    `<linearGradient id="shade" x1="0.15" y1="0" x2="0.85" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.16"/><stop offset="0.45" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.16"/></linearGradient>` +
    `<radialGradient id="ground"><stop offset="0" stop-color="#000" stop-opacity="0.22"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>`;
}

function shadingDefs(shape: Silhouette): string {
  const garment = shape.parts.filter((p) => p.fill === undefined).map((p) => `<path d="${p.d}"/>`).join("");
  return `<clipPath id="garment">${garment}</clipPath>`;
}

/** Soft shadow without a blur filter (a filter would triple the render time): stacked, widening layers. */
function shadowMarkup(shape: Silhouette): string {
  if (shape.ground) {
    const { cx, cy, rx, ry } = shape.ground;
    return `<ellipse cx="${cx}" cy="${cy}" rx="${rx * 1.1}" ry="${ry * 1.8}" fill="url(#ground)"/>`;
  }
  const paths = shape.parts.map((p) => `<path d="${p.d}"/>`).join("");
  return [16, 8, 0]
    .map((w) => `<g transform="translate(5 9)" fill="#000" stroke="#000" stroke-width="${w}" stroke-linejoin="round" opacity="0.06">${paths}</g>`)
    .join("");
}

function partsMarkup(shape: Silhouette, fill: string, outline: string): string {
  return shape.parts
    .map((p) => `<path d="${p.d}" fill="${p.fill ?? fill}" stroke="${p.outline ?? outline}" stroke-width="2.4" stroke-linejoin="round"/>`)
    .join("");
}

/** Render the row's illustration as a 480x640 PNG. */
export async function renderProductImage(row: RenderInput): Promise<Buffer> {
  return sharp(Buffer.from(renderProductSvg(row)), { density: 72 })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}
