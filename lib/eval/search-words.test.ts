// Unit: the word-search benchmark's pure parts: seeded prices, the priced CSV, queries from
// held-out products (relevance = every attribute named, the query's product excluded, at
// least MIN_RELEVANT others), and the per-kind P@10 / nDCG@10 rows.
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/catalog/csv";
import { testProduct } from "@/lib/testing/products";
import type { Product } from "@/lib/recommender/types";
import { benchmarkPriceCents, buildWordQueries, MIN_RELEVANT, pricedItemsCsv, scoreWordQueries, WORD_KINDS } from "./search-words";

describe("benchmark prices", () => {
  it("are fixed by seed and id, in $8-$200, ending in .99", () => {
    expect(benchmarkPriceCents("1608", 7)).toBe(benchmarkPriceCents("1608", 7));
    const prices = Array.from({ length: 500 }, (_, i) => benchmarkPriceCents(String(i), 7));
    expect(new Set(prices).size).toBeGreaterThan(50);
    for (const c of prices) {
      expect(c % 100).toBe(99);
      expect(c).toBeGreaterThanOrEqual(899);
      expect(c).toBeLessThanOrEqual(20099);
    }
    expect(prices).not.toEqual(Array.from({ length: 500 }, (_, i) => benchmarkPriceCents(String(i), 8)));
  });

  it("fill the price column of items.csv and leave the rest alone", () => {
    const csv = 'id,name,price,image\n1,"Tee, blue",,images/1.jpg\n2,Cap,,images/2.jpg\n';
    const out = parseCsv(pricedItemsCsv(csv, 3));
    expect(out[0].fields).toEqual(["id", "name", "price", "image"]);
    expect(out[1].fields).toEqual(["1", "Tee, blue", (benchmarkPriceCents("1", 3) / 100).toFixed(2), "images/1.jpg"]);
    expect(out[2].fields[2]).toBe((benchmarkPriceCents("2", 3) / 100).toFixed(2));
  });
});

describe("buildWordQueries", () => {
  const products: Product[] = [];
  let id = 1;
  for (const [type, colour, season, gender, n] of [
    ["Tshirts", "navy", "Summer", "men", 14],
    ["Casual Shoes", "white", "Fall", "women", 12],
    ["Dresses", "red", "Winter", "women", 5],
  ] as const) {
    for (let i = 0; i < n; i++) products.push(testProduct({ id: id++, articleType: type, colours: [colour], season, gender, priceCents: 1000 + 300 * i + 99 }));
  }
  const queries = buildWordQueries(products, 8, 7);

  it("names the held-out product's attributes, with relevance over the others", () => {
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      const p = products.find((x) => x.id === q.productId)!;
      expect(q.relevant.has(p.id)).toBe(false);
      expect(q.relevant.size).toBeGreaterThanOrEqual(MIN_RELEVANT);
      const others = products.filter((o) => o.id !== p.id);
      if (q.kind === "<colour> <article type>") {
        expect(q.text.startsWith(p.colours[0])).toBe(true);
        expect([...q.relevant].sort()).toEqual(others.filter((o) => o.articleType === p.articleType && o.colours.includes(p.colours[0])).map((o) => o.id).sort());
      } else if (q.kind === "<article type> for <season>") {
        expect(q.text.endsWith(`for ${p.season!.toLowerCase()}`)).toBe(true);
      } else {
        const under = Number(/(\d+)$/.exec(q.text)![1]);
        expect(under * 100).toBeGreaterThanOrEqual(p.priceCents!);
        for (const r of q.relevant) expect(products.find((o) => o.id === r)!.priceCents!).toBeLessThanOrEqual(under * 100);
      }
    }
  });

  it("asks no query whose combination has too few other products, and is seeded", () => {
    const red = products.filter((p) => p.articleType === "Dresses").map((p) => p.id);
    expect(queries.some((q) => red.includes(q.productId))).toBe(false);
    expect(buildWordQueries(products, 8, 7).map((q) => q.text)).toEqual(queries.map((q) => q.text));
    for (const kind of WORD_KINDS) expect(queries.filter((q) => q.kind === kind).length).toBeLessThanOrEqual(8);
  });
});

describe("scoreWordQueries", () => {
  it("averages P@10 and nDCG@10 per kind", () => {
    const q = (kind: (typeof WORD_KINDS)[number], relevant: number[]) => ({ kind, text: "", productId: 0, relevant: new Set(relevant) });
    const queries = [q(WORD_KINDS[0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), q(WORD_KINDS[0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), q(WORD_KINDS[1], [1])];
    const ranked = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11, 12, 13, 14, 15, 1, 2, 3, 4, 5], [1]];
    const rows = scoreWordQueries(queries, ranked, "new", "pixel");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: WORD_KINDS[0], queries: 2, precisionAt10: 0.75, system: "new", mode: "pixel" });
    expect(rows[0].ndcgAt10).toBeGreaterThan(0.5);
    expect(rows[0].ndcgAt10).toBeLessThan(1);
    expect(rows[1]).toMatchObject({ precisionAt10: 0.1, ndcgAt10: 1 });
  });
});
