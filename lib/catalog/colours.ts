// The one colour vocabulary: every imported colour name maps to a canonical lowercase
// name ("Navy Blue" and "Navy" -> "navy", "Off White" -> "off-white"), and every
// canonical name has a swatch. Unknown names stay importable (cleaned, lowercase) and
// get a neutral swatch. Used by the importer (stored values are canonical), the quiz
// options and the swatches (app/_components/colour-hex.ts). Pure.

export interface ColourSwatch {
  hex: string; // CSS colour or gradient
  light: boolean; // dark text / check marks read better on it
}

/** Canonical colours and their swatches. */
export const CANONICAL_COLOURS: Readonly<Record<string, ColourSwatch>> = {
  black: { hex: "#1f1f22", light: false },
  white: { hex: "#f7f6f2", light: true },
  "off-white": { hex: "#efe9dc", light: true },
  cream: { hex: "#f3ead3", light: true },
  grey: { hex: "#8d9096", light: false },
  charcoal: { hex: "#36393f", light: false },
  silver: { hex: "#c0c3c8", light: true },
  navy: { hex: "#1f2d4d", light: false },
  blue: { hex: "#2f5fb3", light: false },
  "light blue": { hex: "#9cc3e6", light: true },
  turquoise: { hex: "#3cbfb4", light: true },
  teal: { hex: "#1f7f80", light: false },
  green: { hex: "#2f8a4e", light: false },
  lime: { hex: "#9ccc3c", light: true },
  olive: { hex: "#6b6b2e", light: false },
  khaki: { hex: "#b8a77a", light: true },
  beige: { hex: "#d8c3a0", light: true },
  nude: { hex: "#e2bfa3", light: true },
  tan: { hex: "#c49a6c", light: true },
  brown: { hex: "#6e4a2f", light: false },
  rust: { hex: "#b7472a", light: false },
  orange: { hex: "#e87a2c", light: false },
  peach: { hex: "#f5b59a", light: true },
  yellow: { hex: "#f0c534", light: true },
  mustard: { hex: "#d1a331", light: true },
  gold: { hex: "#c9a13b", light: true },
  copper: { hex: "#b87333", light: false },
  bronze: { hex: "#9c6b30", light: false },
  red: { hex: "#c62f2f", light: false },
  maroon: { hex: "#6b1f2a", light: false },
  burgundy: { hex: "#7a1f33", light: false },
  pink: { hex: "#eb9cb8", light: true },
  magenta: { hex: "#c8217f", light: false },
  purple: { hex: "#6d3f98", light: false },
  lavender: { hex: "#b9a5dc", light: true },
  mauve: { hex: "#a7819b", light: false },
  multi: { hex: "conic-gradient(#c62f2f, #f0c534, #2f8a4e, #2f5fb3, #6d3f98, #c62f2f)", light: false },
};

/** Other spellings and shades -> canonical name (keys already cleaned: lowercase, single spaces). */
export const ALIASES: Readonly<Record<string, string>> = {
  "navy blue": "navy",
  "dark blue": "navy",
  "off white": "off-white",
  offwhite: "off-white",
  ivory: "off-white",
  gray: "grey",
  "grey melange": "grey",
  "gray melange": "grey",
  "light grey": "grey",
  "dark grey": "charcoal",
  steel: "silver",
  metallic: "silver",
  "sky blue": "light blue",
  "baby blue": "light blue",
  "turquoise blue": "turquoise",
  aqua: "turquoise",
  "sea green": "green",
  "dark green": "green",
  "lime green": "lime",
  "olive green": "olive",
  skin: "nude",
  "coffee brown": "brown",
  "mushroom brown": "brown",
  camel: "tan",
  wine: "burgundy",
  rose: "pink",
  "rose gold": "gold",
  fuchsia: "magenta",
  violet: "purple",
  lilac: "lavender",
  "multi colour": "multi",
  "multi color": "multi",
  multicolour: "multi",
  multicolor: "multi",
  multicoloured: "multi",
};

/** Swatch for colours outside the vocabulary: neutral and visibly "unknown", never a guess. */
export const NEUTRAL_SWATCH: ColourSwatch = { hex: "repeating-linear-gradient(45deg, #d6d3cd 0 5px, #ecebe7 5px 10px)", light: true };

const clean = (name: string) => name.trim().toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");

/** The canonical name of a colour; unknown names come back cleaned (lowercase, single spaces). */
export function canonicalColour(name: string): string {
  const key = clean(name);
  if (ALIASES[key]) return ALIASES[key];
  if (CANONICAL_COLOURS[key]) return key;
  const hyphen = key.replace(/ /g, "-");
  return CANONICAL_COLOURS[hyphen] ? hyphen : key;
}

/** Canonical names of a colour list, first occurrence kept, empties dropped. */
export function canonicalColours(names: readonly string[]): string[] {
  return [...new Set(names.map(canonicalColour).filter((c) => c !== ""))];
}

/** The swatch of any colour name (neutral for unknown names). */
export function colourSwatch(name: string): ColourSwatch {
  return CANONICAL_COLOURS[canonicalColour(name)] ?? NEUTRAL_SWATCH;
}
