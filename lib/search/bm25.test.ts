// Unit: BM25 scores (k1 1.2, b 0.75) over term lists and products, with the same
// normaliser as queries (plurals fold).
import { describe, expect, it } from "vitest";
import { testProduct } from "@/lib/testing/products";
import { BM25_B, BM25_K1, bm25Scores, buildBm25, buildProductBm25, hasTerm, idf } from "./bm25";
import { terms } from "./text";

describe("bm25", () => {
  const docs = [["red", "dress"], ["red", "red", "dress"], ["blue", "dress", "with", "long", "sleeve", "and", "pocket"], ["red", "shoe"]];
  const index = buildBm25(docs);

  it("follows the Okapi formula", () => {
    const avg = (2 + 3 + 7 + 2) / 4;
    const idfRed = Math.log(1 + (4 - 3 + 0.5) / (3 + 0.5));
    const idfBlue = Math.log(1 + (4 - 1 + 0.5) / (1 + 0.5));
    const part = (w: number, f: number, len: number) => (w * f * (BM25_K1 + 1)) / (f + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avg));
    const s = bm25Scores(index, ["red", "blue"]);
    expect(s[0]).toBeCloseTo(part(idfRed, 1, 2), 10);
    expect(s[1]).toBeCloseTo(part(idfRed, 2, 3), 10);
    expect(s[2]).toBeCloseTo(part(idfBlue, 1, 7), 10);
    expect(idf(index, "blue")).toBeCloseTo(idfBlue, 12);
  });

  it("ranks more occurrences higher, shorter documents higher, rare terms higher", () => {
    const red = bm25Scores(index, ["red"]);
    expect(red[1]).toBeGreaterThan(red[0]);
    const dress = bm25Scores(index, ["dress"]);
    expect(dress[0]).toBeGreaterThan(dress[2]);
    expect(idf(index, "blue")).toBeGreaterThan(idf(index, "dress"));
  });

  it("scores 0 for unknown terms and counts a repeated query term once", () => {
    expect([...bm25Scores(index, ["green"])]).toEqual([0, 0, 0, 0]);
    expect([...bm25Scores(index, ["red", "red"])]).toEqual([...bm25Scores(index, ["red"])]);
  });

  it("tells whether a document holds a term", () => {
    expect(hasTerm(index, "pocket", 2)).toBe(true);
    expect(hasTerm(index, "pocket", 1)).toBe(false);
    expect(hasTerm(index, "zip", 0)).toBe(false);
  });

  it("indexes product name, description, brand and type with folded plurals", () => {
    const products = [
      testProduct({ id: 1, name: "Trail Runner", description: "Grippy soles for muddy paths.", articleType: "Sports Shoes", brand: "Salomon" }),
      testProduct({ id: 2, name: "Linen Shirt", description: "Breezy.", articleType: "Shirts" }),
    ];
    const pi = buildProductBm25(products);
    const s = bm25Scores(pi, terms("salomon sole shoes"));
    expect(s[0]).toBeGreaterThan(0);
    expect(s[1]).toBe(0);
    expect(bm25Scores(pi, terms("shirts"))[1]).toBeGreaterThan(0);
  });
});
