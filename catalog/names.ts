// Product names a person would write ("Floral Wrap Midi Dress", "Navy Linen Shirt"): the
// colour or print, at most one cut detail or material, and the item noun last. Never the
// brand, which the app shows on its own.
// Pure: imports only ./source and ./prng (no node:*, no sharp, no lib/*).

import { pick, type Rng } from "./prng";
import { PATTERN_WORDS, colourByName, type ArticleTypeDef, type MaterialDef, type Pattern } from "./source";

// Cut and detail words a shop would put in a name, per article type key.
const DETAIL_WORDS: Record<string, readonly string[]> = {
  tshirt: ["Pocket", "Boxy", "Ringer", "Cropped", "Longline"],
  shirt: ["Camp-Collar", "Pocket", "Oversized", "Cropped", "Band-Collar"],
  sweater: ["Cable-Knit", "Ribbed", "Oversized", "Cropped", "Brushed"],
  hoodie: ["Oversized", "Cropped", "Brushed", "Heavyweight"],
  dress: ["Wrap", "Tiered", "Belted", "Ruched", "Smocked", "Puff-Sleeve"],
  skirt: ["Wrap", "Tiered", "Button-Front", "Bias-Cut"],
  jeans: ["High-Rise", "Mid-Rise", "Washed", "Cropped"],
  trousers: ["High-Rise", "Wide-Leg", "Cropped", "Drawstring"],
  shorts: ["Drawstring", "Cargo", "Pleated", "Linen-Look"],
  jacket: ["Cropped", "Quilted", "Utility", "Boxy"],
  coat: ["Belted", "Longline", "Collarless", "Hooded"],
  sneakers: ["Retro", "Platform", "Suede-Trim", "Canvas"],
  boots: ["Lug-Sole", "Block-Heel", "Pull-On", "Suede"],
  heels: ["Pointed", "Slingback", "Block", "Square-Toe"],
  handbag: ["Mini", "Quilted", "Crossbody", "Soft"],
  hat: ["Packable", "Banded", "Wool", "Wide"],
};

// First words of nouns that already describe the cut ("Relaxed Tee"), so no detail word is added.
const CUT_NOUN_WORDS = new Set([
  "Relaxed", "Classic", "Long", "Pleated", "Tailored", "Straight", "Knit", "Slim-Fit", "Five-Pocket", "Straight-Leg",
  "Button-Down", "Crew-Neck", "Double-Breasted", "Low-Top", "Stiletto", "Structured", "Pull-On", "Wide-Brim", "Hooded",
  "Fit-and-Flare", "Pullover", "Zip-Up", "Chino", "Bermuda",
]);

interface NameParts {
  def: ArticleTypeDef;
  primary: string;
  pattern: Pattern;
  material: MaterialDef;
  noun: string;
}

/**
 * A name a person would write: "Floral Wrap Midi Dress", "Navy Linen Shirt". Never the
 * brand (shown on its own), at most one cut detail or material, always ending with the noun.
 * `rng` draws exactly as before (material choice); `detailRng` is separate so names can
 * change without moving any other field of the row.
 */
export function buildName(rng: Rng, detailRng: Rng, { def, primary, pattern, material, noun }: NameParts): string {
  const nounWords = noun.toLowerCase();
  const overlaps = material.title.toLowerCase().split(" ").some((w) => nounWords.includes(w));
  const useMaterial = material.title && rng() < 0.5 && !overlaps;
  const colour = colourByName(primary)!.title;
  const patternTitle = PATTERN_WORDS[pattern].title;
  const parts: string[] = [];
  if (!patternTitle || detailRng() < 0.4) parts.push(colour);
  if (patternTitle) parts.push(patternTitle);
  const details = (DETAIL_WORDS[def.key] ?? []).filter((d) => !nounWords.includes(d.toLowerCase().split("-")[0]));
  const qualified = noun.includes(" ") && CUT_NOUN_WORDS.has(noun.split(" ")[0]); // "Relaxed Tee": no second cut word
  const detail = details.length > 0 && !qualified && detailRng() < 0.55 ? pick(detailRng, details) : "";
  if (detail) parts.push(detail);
  else if (useMaterial && parts.length < 2) parts.push(material.title);
  parts.push(noun);
  return parts.join(" ");
}
