// Unit: the vocabulary is the catalog's own: its types (plural and singular), colours (and
// other spellings, families), genders, seasons, usage values and brands, plus lexicon words
// only where the catalog has the value they map onto.
import { describe, expect, it } from "vitest";
import { testProduct } from "@/lib/testing/products";
import type { Product } from "@/lib/recommender/types";
import { phraseKey } from "./text";
import { buildVocabulary, type Vocabulary } from "./vocabulary";

const lookup = (v: Vocabulary, phrase: string) => (v.phrases.get(phraseKey(phrase)) ?? []).map((e) => `${e.key}:${e.value}`);

const catalog: Product[] = [
  testProduct({ id: 1, articleType: "Sports Shoes", gender: "men", colours: ["navy"], styles: ["sports"], season: "Summer", brand: "United Colors of Benetton" }),
  testProduct({ id: 2, articleType: "Casual Shoes", gender: "women", colours: ["grey"], styles: ["casual"], season: "Winter", brand: "W" }),
  testProduct({ id: 3, articleType: "Dresses", gender: "girls", colours: ["black"], styles: ["formal"], season: "Fall", brand: "Red Tape" }),
  testProduct({ id: 4, articleType: "Tshirts", gender: "boys", colours: ["white"], styles: ["casual"], season: "Spring", brand: "Nike" }),
];

describe("buildVocabulary", () => {
  const v = buildVocabulary(catalog);

  it("knows the catalog's article types by plural and singular", () => {
    expect(lookup(v, "dresses")).toEqual(["type:Dresses"]);
    expect(lookup(v, "dress")).toEqual(["type:Dresses"]);
    expect(lookup(v, "sports shoe")).toEqual(["type:Sports Shoes"]);
    expect(lookup(v, "t-shirt")).toEqual(["type:Tshirts"]);
    expect(lookup(v, "tees")).toEqual(["type:Tshirts"]);
  });

  it("maps shopper words onto the types this catalog has, and drops the others", () => {
    expect(lookup(v, "sneakers").sort()).toEqual(["type:Casual Shoes", "type:Sports Shoes"]);
    expect(lookup(v, "running shoes")).toEqual(["type:Sports Shoes"]);
    expect(lookup(v, "hoodie")).toEqual([]); // no Hoodies, no Sweatshirts here
    expect(lookup(v, "handbag")).toEqual([]);
    const withSneakers = buildVocabulary([...catalog, testProduct({ id: 9, articleType: "Sneakers" })]);
    expect(lookup(withSneakers, "sneakers")).toEqual(["type:Sneakers"]);
    expect(lookup(withSneakers, "running shoes")).toEqual(["type:Sports Shoes"]);
  });

  it("knows colours by their other spellings, only colours the catalog has", () => {
    expect(lookup(v, "navy blue")).toEqual(["colour:navy"]);
    expect(lookup(v, "dark blue")).toEqual(["colour:navy"]);
    expect(lookup(v, "gray")).toEqual(["colour:grey"]);
    expect(lookup(v, "purple")).toEqual([]);
    expect(lookup(v, "neutral")).toEqual(["colour:neutral"]);
    expect(v.families.get("neutral")?.sort()).toEqual(["black", "grey", "white"]);
    expect(v.families.has("pastel")).toBe(false); // none of its colours here
  });

  it("knows gender, season and occasion words mapped onto values that exist", () => {
    expect(lookup(v, "men's")).toEqual(["gender:men"]);
    expect(lookup(v, "ladies")).toEqual(["gender:women"]);
    expect(lookup(v, "kids").sort()).toEqual(["gender:boys", "gender:girls"]);
    expect(lookup(v, "unisex")).toEqual([]);
    expect(lookup(v, "autumn")).toEqual(["season:Fall"]);
    expect(lookup(v, "beach")).toEqual(["season:Summer"]);
    expect(lookup(v, "office")).toEqual(["usage:formal"]);
    expect(lookup(v, "wedding")).toEqual(["usage:formal"]);
    expect(lookup(v, "gym")).toEqual(["usage:sports"]);
    expect(lookup(v, "boho")).toEqual([]);
  });

  it("knows the catalog's brands case-folded, several words long, but not one-letter ones", () => {
    expect(lookup(v, "UNITED colors OF benetton")).toEqual(["brand:United Colors of Benetton"]);
    expect(lookup(v, "red tape")).toEqual(["brand:Red Tape"]);
    expect(lookup(v, "w")).toEqual([]);
    expect(v.maxWords).toBeGreaterThanOrEqual(4);
  });

  it("lists the catalog's values by key", () => {
    expect([...v.values.type.values()].sort()).toEqual(["Casual Shoes", "Dresses", "Sports Shoes", "Tshirts"]);
    expect(v.values.brand.get("nike")).toBe("Nike");
  });
});
