// Synthetic catalog for tests, tuning and benchmarks: products from small attribute lists
// and random unit vectors correlated with article type and colour (so visual has signal).
// Pure: must not import anything outside lib/recommender.
import { createRng, gaussian, pick, type Rng } from "./random";
import type { Gender, Product } from "./types";
import type { VectorSet } from "./visual";

const TYPES: Record<string, { category: string; subcategory: string; genders: Gender[] }> = {
  Dresses: { category: "Apparel", subcategory: "Dress", genders: ["women"] },
  Tops: { category: "Apparel", subcategory: "Topwear", genders: ["women"] },
  Skirts: { category: "Apparel", subcategory: "Bottomwear", genders: ["women"] },
  Heels: { category: "Footwear", subcategory: "Shoes", genders: ["women"] },
  Handbags: { category: "Accessories", subcategory: "Bags", genders: ["women"] },
  Shirts: { category: "Apparel", subcategory: "Topwear", genders: ["men"] },
  Trousers: { category: "Apparel", subcategory: "Bottomwear", genders: ["men", "women"] },
  Jackets: { category: "Apparel", subcategory: "Topwear", genders: ["men", "women"] },
  Tshirts: { category: "Apparel", subcategory: "Topwear", genders: ["men", "women"] },
  Jeans: { category: "Apparel", subcategory: "Bottomwear", genders: ["men", "women"] },
  Sneakers: { category: "Footwear", subcategory: "Shoes", genders: ["men", "women", "unisex"] },
  Boots: { category: "Footwear", subcategory: "Shoes", genders: ["men", "women"] },
  Watches: { category: "Accessories", subcategory: "Watches", genders: ["men", "women", "unisex"] },
  Sweaters: { category: "Apparel", subcategory: "Topwear", genders: ["men", "women"] },
};
const COLOURS = ["black", "white", "navy", "red", "green", "beige", "grey", "light blue", "pink", "brown"];
const STYLES = ["casual", "formal", "sports", "boho", "minimalist", "streetwear"];
const BRANDS = ["Northwind", "Lumen", "Oakridge", "Velvet Lane", "Kite", "Marlow", "Sable", "Juniper"];
const PATTERNS = ["solid", "stripes", "floral", "checks", null];
const SEASONS = ["summer", "winter", "spring", "fall", null];
const SIZES = [["XS", "S", "M", "L"], ["S", "M", "L", "XL"], ["38", "39", "40", "41", "42"], []];

export interface SyntheticCatalog {
  products: Product[];
  vectors: VectorSet;
}

function unit(rng: Rng, dim: number): Float32Array {
  const v = new Float32Array(dim);
  let n = 0;
  for (let i = 0; i < dim; i++) {
    v[i] = gaussian(rng);
    n += v[i] * v[i];
  }
  const inv = 1 / Math.sqrt(n);
  for (let i = 0; i < dim; i++) v[i] *= inv;
  return v;
}

/**
 * `size` products with ids 1..size. Vector = normalise(1.0 * typeProto + 0.8 * colourProto
 * + 0.8 * noise), so visual similarity reflects article type and primary colour.
 */
export function generateSyntheticCatalog(opts: { size: number; seed: number; dim?: number; modelId?: string }): SyntheticCatalog {
  const rng = createRng(opts.seed);
  const dim = opts.dim ?? 64;
  const typeNames = Object.keys(TYPES);
  const typeProto = new Map(typeNames.map((t) => [t, unit(rng, dim)]));
  const colourProto = new Map(COLOURS.map((c) => [c, unit(rng, dim)]));
  const products: Product[] = [];
  const byId = new Map<number, Float32Array>();
  for (let i = 1; i <= opts.size; i++) {
    const articleType = pick(rng, typeNames);
    const info = TYPES[articleType];
    const gender = pick(rng, info.genders);
    const colours = [pick(rng, COLOURS)];
    if (rng() < 0.3) {
      const second = pick(rng, COLOURS);
      if (second !== colours[0]) colours.push(second);
    }
    const styles = [pick(rng, STYLES)];
    if (rng() < 0.2) {
      const second = pick(rng, STYLES);
      if (second !== styles[0]) styles.push(second);
    }
    const brand = pick(rng, BRANDS);
    const pattern = pick(rng, PATTERNS);
    const season = pick(rng, SEASONS);
    const priceCents = Math.round(1500 + rng() * 30000);
    const name = `${brand} ${colours[0]} ${styles[0]} ${articleType.replace(/s$/, "").toLowerCase()}`;
    products.push({
      id: i,
      externalId: `syn-${i}`,
      name,
      brand,
      category: info.category,
      subcategory: info.subcategory,
      articleType,
      gender,
      colours,
      styles,
      pattern,
      season,
      year: 2020 + Math.floor(rng() * 5),
      priceCents,
      currency: "USD",
      sizes: pick(rng, SIZES),
      description: `A ${styles.join(" and ")} ${colours.join(" and ")} ${articleType.toLowerCase()} by ${brand}${pattern ? `, ${pattern}` : ""}${season ? ` for ${season}` : ""}.`,
      image: null,
      hidden: false,
    });
    const t = typeProto.get(articleType)!;
    const c = colourProto.get(colours[0])!;
    const noise = unit(rng, dim);
    const v = new Float32Array(dim);
    let n = 0;
    for (let d = 0; d < dim; d++) {
      v[d] = t[d] + 0.8 * c[d] + 0.8 * noise[d];
      n += v[d] * v[d];
    }
    const inv = 1 / Math.sqrt(n);
    for (let d = 0; d < dim; d++) v[d] *= inv;
    byId.set(i, v);
  }
  return { products, vectors: { modelId: opts.modelId ?? "synthetic-v1", byId } };
}
