// Silhouettes for the product illustrations: one flat-lay (apparel) or side-view
// (footwear) drawing per article type, as SVG path data on a 480x640 canvas.
// Pure string building: imports only ./paint (no sharp, no node:*, no lib/*).

import { darken, lighten, luminance, mix, type Palette } from "./paint";

export interface Part {
  d: string;
  fill?: string; // undefined = the garment fill (colour or pattern), clipped for shading
  outline?: string;
}

export interface Silhouette {
  parts: Part[]; // drawn in order, each with an outline
  details?: string; // seams, ribbing: drawn over the garment, clipped to it
  overlay?: string; // buttons, soles, laces, hardware: drawn on top, not clipped
  ground?: { cx: number; cy: number; rx: number; ry: number }; // floor shadow; else a drop shadow
  span: [number, number]; // vertical extent, for colour-block fills
  transform?: string; // applied to the whole item (scale small items up)
  pair?: [number, number]; // footwear: draw a second item behind, offset by [dx, dy]
}

export interface ShapeContext {
  pal: Palette;
  variant: string; // lowercased product name, for small variations (maxi, mini, pleated)
}

type Seg = readonly number[]; // [x,y] line | [cx,cy,x,y] quadratic | [c1x,c1y,c2x,c2y,x,y] cubic
type Pt = readonly [number, number];

const AXIS = 240;

/** A closed path symmetric about x = 240, from the right half (start on the axis, going clockwise). */
export function mirrored(start: Pt, segs: readonly Seg[]): string {
  const mx = (x: number) => 2 * AXIS - x;
  let d = `M${start[0]} ${start[1]}`;
  const from: Pt[] = [start];
  for (const s of segs) {
    d += s.length === 2 ? `L${s[0]} ${s[1]}` : s.length === 4 ? `Q${s.join(" ")}` : `C${s.join(" ")}`;
    from.push([s[s.length - 2], s[s.length - 1]]);
  }
  const end = from[from.length - 1];
  if (end[0] !== AXIS) d += `L${mx(end[0])} ${end[1]}`;
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i];
    const [fx, fy] = from[i];
    if (s.length === 2) d += `L${mx(fx)} ${fy}`;
    else if (s.length === 4) d += `Q${mx(s[0])} ${s[1]} ${mx(fx)} ${fy}`;
    else d += `C${mx(s[2])} ${s[3]} ${mx(s[0])} ${s[1]} ${mx(fx)} ${fy}`;
  }
  return d + "Z";
}

/** The markup plus its mirror image about x = 240. */
const both = (markup: string) => `${markup}<g transform="matrix(-1 0 0 1 480 0)">${markup}</g>`;

const stroke = (d: string, colour: string, width = 2, extra = "") =>
  `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;

const stitch = (d: string, colour: string, width = 1.6) => stroke(d, colour, width, ` stroke-dasharray="5 4" stroke-opacity="0.85"`);

const fold = (d: string, colour: string) => stroke(d, colour, 3, ` stroke-opacity="0.22"`);

const circle = (cx: number, cy: number, r: number, fill: string, ring: string) =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}" stroke="${ring}" stroke-width="1.2"/>`;

/** Rib lines across a band given as a quad (top-left, top-right, bottom-right, bottom-left). */
function ribs(q: readonly [Pt, Pt, Pt, Pt], n: number, colour: string): string {
  const [tl, tr, br, bl] = q;
  let d = "";
  for (let i = 1; i < n; i++) {
    const t = i / n;
    const x1 = tl[0] + (tr[0] - tl[0]) * t;
    const y1 = tl[1] + (tr[1] - tl[1]) * t;
    const x2 = bl[0] + (br[0] - bl[0]) * t;
    const y2 = bl[1] + (br[1] - bl[1]) * t;
    d += `M${x1.toFixed(1)} ${y1.toFixed(1)}L${x2.toFixed(1)} ${y2.toFixed(1)}`;
  }
  return stroke(d, colour, 1.3, ` stroke-opacity="0.55"`);
}

const quadPath = (q: readonly [Pt, Pt, Pt, Pt]) => `M${q.map((p) => p.join(" ")).join("L")}Z`;

const buttonColour = (pal: Palette) => (luminance(pal.base) > 0.55 ? darken(pal.base, 0.35) : lighten(pal.base, 0.55));
const METAL = "#c9b27a";
const METAL_RING = "#8d7a45";

// ---------------------------------------------------------------- tops

function tshirt({ pal }: ShapeContext): Silhouette {
  const body = mirrored([240, 136], [
    [258, 136, 272, 126, 278, 106], [350, 124], [366, 128, 376, 140], [432, 204], [434, 212, 428, 216],
    [394, 250], [388, 254, 382, 248], [360, 222], [362, 508], [362, 520, 350, 520], [240, 522],
  ]);
  const back = mirrored([240, 100], [[262, 98, 282, 104], [276, 124], [240, 134]]);
  const neckRib = both(stroke("M208 108C214 130 226 146 240 146", pal.ink, 2));
  const hems = both(stitch("M424 196L388 238", pal.ink) + stitch("M240 506L350 506", pal.ink));
  const folds = both(fold("M300 180C310 260 306 340 318 440", pal.shadowInk));
  return {
    parts: [{ d: back, fill: pal.shadowInk }, { d: body }],
    details: neckRib + hems + folds,
    span: [100, 522],
  };
}

function shirt({ pal }: ShapeContext): Silhouette {
  const body = mirrored([240, 132], [
    [262, 130, 276, 116, 280, 104], [346, 118], [366, 122, 376, 142], [440, 408], [442, 418, 432, 422],
    [398, 434], [390, 436, 388, 428], [354, 232], [356, 486], [356, 526, 310, 538, 240, 540],
  ]);
  const inside = mirrored([240, 96], [[262, 94, 284, 104], [262, 150], [240, 140]]);
  const stand = mirrored([240, 86], [[264, 86, 286, 98], [286, 110], [264, 100, 240, 100]]);
  const leaf = "M242 138L282 100Q292 100 296 110L266 166Q262 170 258 164Z";
  const leafLeft = "M238 138L198 100Q188 100 184 110L214 166Q218 170 222 164Z";
  const cuffs = both(stroke("M432 386L392 398", pal.ink, 1.8) + stitch("M436 400L396 412", pal.ink, 1.2));
  const placket = stroke("M230 142L230 536M250 142L250 536", pal.ink, 1.6);
  const pocket = stroke("M272 214L318 214L318 256L295 266L272 256Z", pal.ink, 1.8);
  const hem = both(stitch("M240 528C300 526 344 514 346 486", pal.ink, 1.2));
  const folds = both(fold("M300 190C312 280 300 380 316 480", pal.shadowInk));
  const btn = buttonColour(pal);
  let buttons = "";
  for (const y of [180, 240, 300, 360, 420, 480]) buttons += circle(240, y, 5, btn, pal.ink);
  buttons += circle(240, 150, 4, btn, pal.ink) + circle(412, 404, 4, btn, pal.ink) + circle(68, 404, 4, btn, pal.ink);
  return {
    parts: [{ d: inside, fill: pal.shadowInk }, { d: stand }, { d: body }, { d: leaf }, { d: leafLeft }],
    details: placket + pocket + cuffs + hem + folds,
    overlay: buttons,
    span: [86, 540],
  };
}

/** Long-sleeved knit body shared by the sweater and the hoodie. */
function knitBody(pal: Palette, neckY: number): { body: string; ribbing: string; cuffs: Part[] } {
  const body = mirrored([240, neckY], [
    [258, neckY, 272, neckY - 8, 278, 104], [344, 120], [370, 124, 384, 146], [448, 346], [412, 366],
    [352, 236], [354, 474], [346, 474], [346, 512], [240, 512],
  ]);
  const cuffR: [Pt, Pt, Pt, Pt] = [[412, 366], [448, 346], [462, 380], [426, 400]];
  const cuffL: [Pt, Pt, Pt, Pt] = [[68, 366], [32, 346], [18, 380], [54, 400]];
  const hem: [Pt, Pt, Pt, Pt] = [[134, 474], [346, 474], [346, 512], [134, 512]];
  const ribbing = ribs(hem, 34, pal.ink) + ribs(cuffR, 7, pal.ink) + ribs(cuffL, 7, pal.ink) + stroke("M134 474L346 474", pal.ink, 1.6);
  return { body, ribbing, cuffs: [{ d: quadPath(cuffR) }, { d: quadPath(cuffL) }] };
}

function sweater({ pal }: ShapeContext): Silhouette {
  const { body, ribbing, cuffs } = knitBody(pal, 128);
  const back = mirrored([240, 98], [[262, 96, 282, 104], [276, 122], [240, 130]]);
  const band = mirrored([240, 128], [[258, 128, 272, 120, 278, 104], [290, 106], [284, 132, 262, 144, 240, 144]]);
  let knit = "";
  for (let x = 150; x <= 330; x += 12) knit += `M${x} 150L${x} 470`;
  const texture = stroke(knit, pal.ink, 1, ` stroke-opacity="0.18"`);
  const folds = both(fold("M362 190C384 240 400 290 414 330", pal.shadowInk));
  return {
    parts: [{ d: back, fill: pal.shadowInk }, { d: body }, ...cuffs, { d: band }],
    details: ribbing + texture + folds,
    overlay: stroke("M204 112C212 134 226 142 240 142C254 142 268 134 276 112", pal.ink, 1.2, ` stroke-opacity="0.6"`),
    span: [96, 512],
  };
}

function hoodie({ pal }: ShapeContext): Silhouette {
  const { body, ribbing, cuffs } = knitBody(pal, 150);
  const hood = mirrored([240, 44], [[290, 44, 320, 80, 318, 150], [300, 170], [240, 170]]);
  const opening = mirrored([240, 174], [[262, 170, 282, 146, 284, 110], [276, 84, 258, 78, 240, 78]]);
  const pocket = mirrored([240, 372], [[300, 372], [334, 470], [240, 470]]);
  const pocketEdges = both(stroke("M300 372L326 448", pal.ink, 1.8) + stitch("M240 378L296 378", pal.ink, 1.2));
  const strings = stroke("M226 168L220 262M254 168L260 262", lighten(pal.base, 0.75), 5) +
    stroke("M220 262L219 276M260 262L261 276", "#d8d4cc", 6);
  const folds = both(fold("M362 190C384 240 400 290 414 330", pal.shadowInk));
  return {
    parts: [{ d: hood }, { d: body }, ...cuffs, { d: opening, fill: pal.shadowInk }, { d: pocket }],
    details: ribbing + pocketEdges + folds,
    overlay: strings,
    span: [44, 512],
  };
}

function jacket({ pal }: ShapeContext): Silhouette {
  const body = mirrored([240, 128], [
    [258, 128, 272, 118, 276, 104], [350, 118], [378, 124, 390, 154], [440, 388], [400, 402],
    [360, 232], [362, 440], [352, 446], [352, 482], [240, 482],
  ]);
  const collar = mirrored([240, 118], [[262, 116, 280, 100], [292, 96], [292, 130, 266, 146, 240, 146]]);
  const cuffR: [Pt, Pt, Pt, Pt] = [[400, 402], [440, 388], [448, 428], [410, 440]];
  const cuffL: [Pt, Pt, Pt, Pt] = [[80, 402], [40, 388], [32, 428], [70, 440]];
  const hem: [Pt, Pt, Pt, Pt] = [[128, 446], [352, 446], [352, 482], [128, 482]];
  const ribbing = ribs(hem, 32, pal.ink) + ribs(cuffR, 7, pal.ink) + ribs(cuffL, 7, pal.ink) + ribs([[200, 100], [280, 100], [280, 140], [200, 140]], 10, pal.ink);
  const zip = stroke("M240 146L240 482", "#6f7277", 5) + stroke("M240 146L240 482", "#c8cbd0", 2, ` stroke-dasharray="2 3"`);
  const pockets = both(stroke("M284 330L306 404", pal.shadowInk, 5) + stitch("M380 180C360 190 350 210 352 232", pal.ink, 1.2));
  const folds = both(fold("M300 170C314 250 300 340 318 430", pal.shadowInk));
  return {
    parts: [{ d: body }, { d: quadPath(cuffR) }, { d: quadPath(cuffL) }, { d: quadPath(hem) }, { d: collar }],
    details: ribbing + pockets + folds,
    overlay: zip + `<rect x="234" y="146" width="12" height="18" rx="2" fill="#b9bcc1" stroke="#6f7277"/>`,
    span: [96, 482],
  };
}

function coat({ pal }: ShapeContext): Silhouette {
  const body = mirrored([240, 112], [
    [260, 110, 270, 104, 274, 96], [342, 112], [366, 118, 376, 142], [424, 436], [386, 448],
    [350, 232], [358, 590], [360, 600, 348, 602], [240, 604],
  ]);
  const gap = mirrored([240, 270], [[270, 100], [240, 104]]);
  const lapel = "M272 98L300 160L288 168L312 184L244 272L242 134Z";
  const lapelL = "M208 98L180 160L192 168L168 184L236 272L238 134Z";
  const btn = buttonColour(pal);
  let buttons = "";
  for (const y of [310, 380, 450]) buttons += circle(214, y, 7, btn, pal.shadowInk) + circle(266, y, 7, btn, pal.shadowInk);
  const seams = stroke("M272 270L272 604", pal.ink, 1.6) + both(stroke("M290 500L338 496", pal.ink, 2.2) + stitch("M384 410L422 398", pal.ink, 1.2));
  const folds = both(fold("M304 300C310 400 300 480 318 580", pal.shadowInk));
  return {
    parts: [{ d: gap, fill: pal.shadowInk }, { d: body }, { d: lapel }, { d: lapelL }],
    details: seams + folds,
    overlay: buttons,
    span: [96, 604],
  };
}

// ---------------------------------------------------------------- dresses and bottoms

function dress({ pal, variant }: ShapeContext): Silhouette {
  const hemY = variant.includes("maxi") ? 604 : 540;
  const flare = variant.includes("maxi") ? 352 : 364;
  const body = mirrored([240, 150], [
    [256, 150, 268, 138, 274, 118], [296, 130], [298, 190, 286, 230, 284, 262], [330, 360, flare, hemY - 40, flare + 6, hemY - 6],
    [320, hemY + 4, 280, hemY - 4, 240, hemY + 2],
  ]);
  const strap = "M270 120L276 60L288 60L296 132Z";
  const strapL = "M210 120L204 60L192 60L184 132Z";
  const waist = stroke("M196 262Q240 268 284 262", pal.ink, 1.8);
  const folds = both(fold(`M262 272C270 360 282 430 290 ${hemY - 10}`, pal.shadowInk) + fold(`M306 290C324 380 338 440 348 ${hemY - 20}`, pal.shadowInk));
  const darts = both(stroke("M262 200L266 258", pal.ink, 1.2, ` stroke-opacity="0.6"`));
  const hem = both(stitch(`M240 ${hemY - 10}C282 ${hemY - 16} 320 ${hemY - 8} ${flare - 4} ${hemY - 16}`, pal.ink, 1.2));
  return {
    parts: [{ d: strap }, { d: strapL }, { d: body }],
    details: waist + folds + darts + hem,
    span: [60, hemY],
  };
}

function skirt({ pal, variant }: ShapeContext): Silhouette {
  const hemY = variant.includes("mini") ? 410 : variant.includes("midi") ? 540 : 500;
  const flare = variant.includes("mini") ? 340 : 366;
  const body = mirrored([240, 150], [[312, 150], [316, 186], [flare - 20, hemY - 120, flare, hemY - 10], [320, hemY + 4, 280, hemY - 2, 240, hemY + 4]]);
  const band = stroke("M168 184L312 184", pal.ink, 2);
  const pleated = variant.includes("pleated");
  let lines = "";
  const n = pleated ? 6 : 2;
  for (let i = 1; i <= n; i++) {
    const t = i / (n + 1);
    lines += pleated ? stroke(`M${240 + t * 72} 186L${240 + t * (flare - 246)} ${hemY - 4}`, pal.ink, 1.4, ` stroke-opacity="0.6"`) : fold(`M${250 + t * 60} 200C${258 + t * 70} 300 ${262 + t * 90} 380 ${250 + t * (flare - 240)} ${hemY - 10}`, pal.shadowInk);
  }
  const hem = both(stitch(`M240 ${hemY - 8}C290 ${hemY - 12} 330 ${hemY - 6} ${flare - 6} ${hemY - 20}`, pal.ink, 1.2));
  return {
    parts: [{ d: body }],
    details: band + both(lines) + hem + (pleated ? stroke(`M240 186L240 ${hemY}`, pal.ink, 1.4, ` stroke-opacity="0.6"`) : ""),
    overlay: circle(300, 167, 5, buttonColour(pal), pal.ink),
    span: [150, hemY],
  };
}

function legs(top: number, waist: number, crotchY: number, hemY: number, hemOuter: number, hemInner: number): string {
  return mirrored([240, top], [[waist, top], [waist + 10, top + 80, waist + 8, top + 150], [hemOuter, hemY], [hemInner, hemY + 2], [246, crotchY + 10], [242, crotchY, 240, crotchY]]);
}

function jeans({ pal }: ShapeContext): Silhouette {
  const body = legs(80, 322, 286, 598, 318, 250);
  const denimBlue = luminance(pal.base) < 0.75 && pal.base !== "#1f1f22";
  const thread = denimBlue ? "#d9a441" : pal.ink;
  const band = stroke("M160 112L320 112", pal.ink, 1.8) + stitch("M162 86L318 86M162 106L318 106", thread, 1.2);
  const fly = stitch("M240 112L240 222Q240 236 260 232L262 112", thread, 1.5);
  const pockets = both(stitch("M174 116Q196 170 232 150", thread, 1.5) + stroke("M170 112Q194 162 224 146", pal.shadowInk, 2));
  const seams = both(stitch("M166 240L172 586", thread, 1.3) + stitch("M175 588L229 588", thread, 1.3));
  const fade = both(`<path d="M190 200C206 300 206 420 200 560" stroke="#ffffff" stroke-width="34" stroke-opacity="0.12" fill="none" stroke-linecap="round"/>`);
  const loops = both(`<rect x="192" y="78" width="8" height="36" rx="2" fill="none" stroke="${pal.ink}" stroke-width="1.4"/>`);
  const hardware = circle(240, 96, 7, "#b98a4a", "#7c5a2c") + circle(178, 118, 3, "#b98a4a", "#7c5a2c") + circle(302, 118, 3, "#b98a4a", "#7c5a2c");
  return { parts: [{ d: body }], details: fade + band + fly + pockets + seams + loops, overlay: hardware, span: [80, 600] };
}

function trousers({ pal }: ShapeContext): Silhouette {
  const body = legs(80, 318, 290, 600, 328, 252);
  const band = stroke("M162 108L318 108", pal.ink, 1.8);
  const loops = both(`<rect x="180" y="78" width="7" height="32" rx="2" fill="none" stroke="${pal.ink}" stroke-width="1.4"/>` + `<rect x="224" y="78" width="7" height="32" rx="2" fill="none" stroke="${pal.ink}" stroke-width="1.4"/>`);
  const fly = stroke("M240 108L240 224Q240 236 256 232L256 112", pal.ink, 1.4);
  const pockets = both(stroke("M170 110L190 176", pal.shadowInk, 2.4));
  const creases = both(stroke("M204 120L200 596", pal.ink, 1.5, ` stroke-opacity="0.7"`) + fold("M186 300C180 400 182 500 176 590", pal.shadowInk));
  const hem = both(stitch("M166 586L234 588", pal.ink, 1.2));
  return {
    parts: [{ d: body }],
    details: band + loops + fly + pockets + creases + hem,
    overlay: circle(240, 94, 5, buttonColour(pal), pal.shadowInk),
    span: [80, 600],
  };
}

function shorts({ pal }: ShapeContext): Silhouette {
  const body = mirrored([240, 170], [[326, 170], [336, 250, 354, 400], [252, 414], [244, 330], [242, 322, 240, 322]]);
  const band = stroke("M154 204L326 204", pal.ink, 1.8);
  const loops = both(`<rect x="186" y="168" width="7" height="36" rx="2" fill="none" stroke="${pal.ink}" stroke-width="1.4"/>`);
  const fly = stroke("M240 204L240 290Q240 300 256 296L256 206", pal.ink, 1.4);
  const pockets = both(stroke("M164 206L184 262", pal.shadowInk, 2.4));
  const cuffs = both(stroke("M130 374L228 386", pal.ink, 1.8) + stitch("M128 392L226 402", pal.ink, 1.2));
  return {
    parts: [{ d: body }],
    details: band + loops + fly + pockets + cuffs + both(fold("M200 230C196 290 190 330 184 370", pal.shadowInk)),
    overlay: circle(240, 188, 5, buttonColour(pal), pal.shadowInk),
    span: [170, 414],
    transform: "translate(240 300) scale(1.3) translate(-240 -292)",
  };
}

// ---------------------------------------------------------------- footwear (side view, toe to the right)

function soleColours(pal: Palette): { sole: string; edge: string } {
  return luminance(pal.base) > 0.8 ? { sole: "#e7e2d8", edge: "#a29d94" } : { sole: "#f6f5f1", edge: "#a9a7a1" };
}

function sneakers({ pal }: ShapeContext): Silhouette {
  const { sole, edge } = soleColours(pal);
  const upper = "M56 386C44 340 48 300 66 276Q78 262 98 264C126 268 146 290 176 284L198 268L320 304C372 316 420 328 444 348C460 360 464 378 454 388Z";
  const tongue = "M176 288L188 238Q204 224 224 236L248 284Z";
  const soleD = "M40 378L444 386C454 386 460 380 462 374C474 390 466 414 440 418L66 420Q38 418 38 398Z";
  const laceColour = luminance(pal.base) > 0.75 ? "#c9c4ba" : "#f3f1ec";
  let laces = "";
  for (let k = 0; k < 5; k++) {
    const x = 212 + k * 24;
    const y = 276 + k * 7;
    laces += stroke(`M${x - 8} ${y - 2}L${x + 12} ${y + 14}`, laceColour, 5) + circle(x - 8, y - 2, 2.4, pal.shadowInk, pal.shadowInk);
  }
  const eyestay = stroke("M192 296C240 304 290 316 334 332", pal.ink, 2);
  const toeCap = stroke("M386 330C398 350 404 370 402 388", pal.ink, 2) + stitch("M374 332C386 352 390 370 388 388", pal.ink, 1.2);
  let perf = "";
  for (let k = 0; k < 4; k++) perf += circle(416 + k * 9, 350 + k * 5, 1.6, pal.shadowInk, pal.shadowInk);
  const heelTab = `<path d="M56 388C44 342 48 302 66 278Q78 264 94 266C84 304 88 352 102 388Z" fill="${darken(pal.base, 0.2)}" fill-opacity="0.9"/>`;
  const panel = stroke("M122 384C150 334 220 320 310 346", pal.ink, 2.2, ` stroke-opacity="0.75"`) + stroke("M140 384C166 346 226 336 300 358", pal.ink, 2.2, ` stroke-opacity="0.75"`);
  const soleDetail = `<path d="${soleD}" fill="${sole}" stroke="${edge}" stroke-width="2"/>` +
    stroke("M54 408L446 406", edge, 1.4) + stitch("M58 392L440 396", edge, 1.2);
  return {
    parts: [{ d: tongue }, { d: upper }],
    details: heelTab + eyestay + toeCap + panel + stitch("M72 374L440 380", pal.ink, 1.2),
    overlay: soleDetail + laces + perf,
    ground: { cx: 250, cy: 422, rx: 220, ry: 12 },
    span: [220, 388],
    transform: "translate(6 50)",
    pair: [-30, -58],
  };
}

function boots({ pal }: ShapeContext): Silhouette {
  const upper = "M126 120L258 120Q262 124 262 132L260 318C262 360 300 386 360 398C412 410 440 432 438 472L112 472C104 420 108 350 116 300C122 240 124 170 126 120Z";
  const gusset = `<path d="M178 122Q172 250 214 312Q250 250 246 122Z" fill="${pal.shadowInk}" fill-opacity="0.55"/>`;
  let elastic = "";
  for (let x = 186; x <= 238; x += 8) elastic += `M${x} 124L${x + (x - 212) * 0.08} ${300 - Math.abs(x - 212) * 2}`;
  const tab = `<path d="M120 124L112 70Q126 62 140 70L138 124" fill="none" stroke="${pal.shadowInk}" stroke-width="7" stroke-linecap="round"/>`;
  const soleDark = luminance(pal.base) < 0.2 ? "#4a3f38" : "#2c2622";
  const sole = `<path d="M106 470L440 470Q446 480 438 490L200 490L198 516L108 516Z" fill="${soleDark}" stroke="#15110f" stroke-width="1.5"/>`;
  const welt = stitch("M118 462L432 462", pal.ink, 1.3);
  const toe = stroke("M360 400C380 420 390 440 390 468", pal.ink, 1.4, ` stroke-opacity="0.5"`);
  return {
    parts: [{ d: upper }],
    details: gusset + stroke(elastic, pal.ink, 1.2, ` stroke-opacity="0.5"`) + welt + toe + fold("M150 160C146 260 150 360 170 440", pal.shadowInk),
    overlay: sole + tab,
    ground: { cx: 272, cy: 518, rx: 190, ry: 12 },
    span: [120, 472],
  };
}

function heels({ pal }: ShapeContext): Silhouette {
  const shoe = "M78 292Q74 322 82 352C150 368 220 420 300 432L440 432Q462 428 460 414C440 386 392 362 330 352Q300 350 286 352C220 346 150 318 78 292Z";
  const heel = "M84 350L120 362Q108 400 110 470L98 470Q96 410 84 350Z";
  const lining = `<path d="M84 300C150 324 220 348 286 354C220 340 150 312 86 290Z" fill="${mix(pal.base, "#c8a887", 0.6)}" stroke="${pal.shadowInk}" stroke-width="1"/>`;
  const sole = stroke("M300 434L440 434", "#2a2422", 3);
  const tip = `<rect x="96" y="466" width="16" height="6" rx="1" fill="#2a2422"/>`;
  return {
    parts: [{ d: heel }, { d: shoe }],
    details: fold("M160 340C230 370 290 400 360 410", pal.shadowInk) + stroke("M300 360C360 362 410 382 440 404", lighten(pal.base, 0.4), 3, ` stroke-opacity="0.35"`),
    overlay: lining + sole + tip,
    ground: { cx: 270, cy: 470, rx: 200, ry: 10 },
    span: [290, 470],
    transform: "translate(16 10)",
    pair: [-40, -56],
  };
}

// ---------------------------------------------------------------- accessories

function handbag({ pal }: ShapeContext): Silhouette {
  const handle = "M176 262C176 128 304 128 304 262L286 262C286 150 194 150 194 262Z";
  const body = mirrored([240, 252], [[322, 252], [336, 256, 340, 270], [362, 492], [364, 510, 346, 512], [240, 512]]);
  const flap = mirrored([240, 252], [[322, 252], [336, 256, 340, 270], [346, 344], [300, 374, 240, 376]]);
  const clasp = `<rect x="226" y="352" width="28" height="22" rx="4" fill="${METAL}" stroke="${METAL_RING}" stroke-width="1.5"/>` + circle(240, 363, 4, "#e5d6a6", METAL_RING);
  const rings = both(`<rect x="178" y="250" width="16" height="14" rx="3" fill="${METAL}" stroke="${METAL_RING}" stroke-width="1.3"/>`);
  const stitches = stitch("M150 270L138 494Q138 500 146 500L334 500Q342 500 342 494L330 270", pal.ink, 1.3) + stitch("M148 262L146 340Q240 368 334 340L332 262", pal.ink, 1.2);
  return {
    parts: [{ d: handle }, { d: body }, { d: flap }],
    details: stitches + fold("M160 420C220 440 270 440 330 420", pal.shadowInk),
    overlay: clasp + rings,
    ground: { cx: 240, cy: 514, rx: 150, ry: 12 },
    span: [150, 512],
  };
}

function hat({ pal }: ShapeContext): Silhouette {
  const brim = mirrored([240, 330], [[330, 330, 420, 340, 424, 372], [428, 404, 330, 420, 240, 414]]);
  const crown = mirrored([240, 222], [[262, 206, 300, 204, 312, 230], [326, 270, 330, 330, 332, 376], [290, 390, 240, 392]]);
  const band = mirrored([240, 346], [[290, 346, 330, 340, 331, 338], [332, 376], [290, 390, 240, 392]]);
  const bandColour = luminance(pal.base) < 0.25 ? "#6b5a48" : darken(pal.base, 0.55);
  const dent = stroke("M240 226C236 260 238 300 240 330", pal.shadowInk, 2.4, ` stroke-opacity="0.5"`) + both(fold("M268 214C280 240 284 280 282 330", pal.shadowInk));
  const brimEdge = stitch("M68 374C80 400 160 410 240 406C320 410 400 400 412 374", pal.ink, 1.2);
  return {
    parts: [{ d: brim }, { d: crown }, { d: band, fill: bandColour }],
    details: dent + brimEdge,
    span: [204, 420],
  };
}

/** A neutral box-like fallback for article types the renderer does not know. */
function generic({ pal }: ShapeContext): Silhouette {
  return {
    parts: [{ d: mirrored([240, 140], [[330, 140], [350, 150, 350, 170], [350, 480], [350, 500, 330, 500], [240, 500]]) }],
    details: stitch("M150 170L330 170", pal.ink),
    span: [140, 500],
  };
}

const SHAPES: Record<string, (ctx: ShapeContext) => Silhouette> = {
  tshirt, shirt, sweater, hoodie, dress, skirt, jeans, trousers, shorts, jacket, coat,
  sneakers, boots, heels, handbag, hat,
};

export const SHAPE_KEYS: readonly string[] = Object.keys(SHAPES);

export function silhouetteFor(key: string, ctx: ShapeContext): Silhouette {
  return (SHAPES[key] ?? generic)(ctx);
}
