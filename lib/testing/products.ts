// Test fixture: a catalog Product with defaults for every field a test does not care
// about, so unit tests of pure search and ranking code can build small product arrays.
// Test-only.
import type { Product } from "@/lib/recommender/types";

export function testProduct(p: Partial<Product> & { id: number }): Product {
  const articleType = p.articleType ?? "Tshirts";
  const colours = p.colours ?? ["black"];
  return {
    externalId: `T-${p.id}`,
    name: p.name ?? `${colours[0]} ${articleType} ${p.id}`,
    brand: "",
    category: "Apparel",
    subcategory: "Topwear",
    articleType,
    gender: "women",
    colours,
    styles: ["casual"],
    pattern: null,
    season: "Summer",
    year: 2020,
    priceCents: 2500,
    currency: "USD",
    sizes: [],
    description: "",
    image: null,
    hidden: false,
    ...p,
  };
}
