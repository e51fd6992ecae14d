// Quiz options from a product list: canonical colours, no placeholder styles, the
// "enough products" threshold and More split, grouped sizes, style tile images.
import { describe, expect, it } from "vitest";
import { splitByCount, styleImage } from "@/app/_components/quiz-pick";
import type { Product } from "@/lib/recommender/types";
import { buildQuizOptions, minOptionCount } from "./options";
import { groupSizes, sizeKind } from "./sizes";

let nextId = 1;
function product(patch: Partial<Product>): Product {
  const id = nextId++;
  return {
    id, externalId: `P${id}`, name: `Product ${id}`, brand: "Acme", category: "Apparel", subcategory: "Topwear", articleType: "Tshirts",
    gender: "women", colours: ["black"], styles: ["casual"], pattern: null, season: null, year: null, priceCents: 1000, currency: "USD",
    sizes: [], description: "", image: `products/p${id}.webp`, hidden: false, ...patch,
  };
}
const many = (n: number, patch: Partial<Product>) => Array.from({ length: n }, () => product(patch));

describe("minOptionCount", () => {
  it("is 5 products or 0.5% of the catalog, whichever is smaller, never below 1", () => {
    expect(minOptionCount(0)).toBe(1);
    expect(minOptionCount(100)).toBe(1);
    expect(minOptionCount(300)).toBe(2);
    expect(minOptionCount(2022)).toBe(5);
    expect(minOptionCount(100_000)).toBe(5);
  });
});

describe("buildQuizOptions", () => {
  it("counts colours in the canonical vocabulary and never offers a placeholder style", () => {
    const o = buildQuizOptions([
      ...many(3, { colours: ["Navy Blue"], styles: ["NA"] }),
      ...many(2, { colours: ["navy"], styles: ["na", "Formal"] }),
      product({ colours: ["Magenta"], styles: [""] }),
    ]);
    expect(o.colours).toEqual([{ value: "navy", count: 5 }, { value: "magenta", count: 1 }]);
    expect(o.styles.map((s) => s.value)).toEqual(["formal"]);
  });

  it("splits values below the threshold under More, keeping chosen ones in front", () => {
    const products = [...many(600, { articleType: "Tshirts" }), ...many(3, { articleType: "Shirts" }), product({ articleType: "Robe" })];
    const o = buildQuizOptions(products);
    expect(o.minCount).toBe(4);
    const { main, more } = splitByCount(o.categories, o.minCount);
    expect(main.map((c) => c.value)).toEqual(["Tshirts"]);
    expect(more.map((c) => c.value)).toEqual(["Shirts", "Robe"]);
    expect(splitByCount(o.categories, o.minCount, ["Robe"]).main.map((c) => c.value)).toEqual(["Tshirts", "Robe"]);
    expect(splitByCount(more, 10)).toEqual({ main: more, more: [] }); // nothing reaches it: show all
  });

  it("illustrates a style with its most representative product, preferring the shopper's types and gender", () => {
    const products = [
      ...many(20, { articleType: "Lipstick", category: "Personal Care", styles: ["casual"], gender: "women" }),
      product({ articleType: "Lipstick", category: "Personal Care", styles: ["casual", "formal"], gender: "women", image: "products/lipstick.webp" }),
      ...many(6, { articleType: "Formal Shoes", category: "Footwear", styles: ["formal"], gender: "men", image: "products/formal-shoe.webp" }),
      ...many(3, { articleType: "Shirts", styles: ["formal"], gender: "women", image: "products/formal-shirt-w.webp" }),
      ...many(2, { articleType: "Tshirts", styles: ["sports"], gender: "men", image: null }),
    ];
    const o = buildQuizOptions(products);
    const formal = o.styles.find((s) => s.value === "formal");
    expect(formal?.imageUrl).toBe("/media/products/formal-shoe.webp");
    expect(formal && styleImage(formal, ["Shirts"], null)).toBe("/media/products/formal-shirt-w.webp");
    expect(formal && styleImage(formal, [], "women")).toBe("/media/products/formal-shirt-w.webp");
    expect(formal && styleImage(formal, ["Jeans"], "men")).toBe("/media/products/formal-shoe.webp");
    expect(o.styles.find((s) => s.value === "sports")?.imageUrl).toBeNull(); // no product of that style has an image
  });
});

describe("size groups", () => {
  it("classes sizes by value and by the product's category", () => {
    const tee = { category: "Apparel", subcategory: "Topwear", articleType: "Tshirts" };
    const jeans = { category: "Apparel", subcategory: "Bottomwear", articleType: "Jeans" };
    const shoe = { category: "Footwear", subcategory: "Shoes", articleType: "Sneakers" };
    expect(sizeKind(tee, "XL")).toBe("letter");
    expect(sizeKind(tee, "3XL")).toBe("letter");
    expect(sizeKind(jeans, "32")).toBe("waist");
    expect(sizeKind(shoe, "42")).toBe("shoe");
    expect(sizeKind(shoe, "UK 8")).toBe("shoe");
    expect(sizeKind(tee, "Free Size")).toBe("other");
  });

  it("puts letter, waist and shoe sizes under labelled headings derived from the catalog", () => {
    const groups = groupSizes([
      ...many(3, { articleType: "Tshirts", sizes: ["S", "M", "L", "XXL"] }),
      product({ articleType: "Dresses", sizes: ["XS", "M"] }),
      product({ articleType: "Jeans", subcategory: "Bottomwear", sizes: ["28", "30", "36", "40"] }),
      product({ articleType: "Sneakers", category: "Footwear", subcategory: "Shoes", sizes: ["36", "38", "45"] }),
      product({ articleType: "Scarves", category: "Accessories", sizes: ["One Size"] }),
    ]);
    expect(groups).toEqual([
      { key: "letter", label: "Clothing (XS–XXL)", examples: ["Tshirts", "Dresses"], sizes: ["XS", "S", "M", "L", "XXL"] },
      { key: "waist", label: "Waist (28–40)", examples: ["Jeans"], sizes: ["28", "30", "36", "40"] },
      { key: "shoe", label: "Shoes (EU 36–45)", examples: ["Sneakers"], sizes: ["36", "38", "45"] },
      { key: "other", label: "Other sizes", examples: ["Scarves"], sizes: ["One Size"] },
    ]);
    expect(groupSizes([product({ articleType: "Flats", category: "Footwear", sizes: ["5", "6", "7"] })])[0].label).toBe("Shoes (UK 5–7)");
    expect(groupSizes([product({ sizes: [] })])).toEqual([]);
  });
});
