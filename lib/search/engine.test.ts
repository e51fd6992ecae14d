// Unit: word search over a small catalog: understood chips as filters ANDed with explicit
// ones (explicit wins), relaxing when nothing matches, BM25 and CLIP blending, sorts,
// paging, facets, dropped chips, and the empty-query error.
import { describe, expect, it } from "vitest";
import { testProduct } from "@/lib/testing/products";
import type { Product } from "@/lib/recommender/types";
import { SEARCH_LIMITS, type SearchState } from "./contract";
import { buildSearchIndex, searchCatalog } from "./engine";
import { EMPTY_QUERY_MESSAGE, emptySearchState, SearchInputError } from "./url";

const P: Product[] = [
  testProduct({ id: 1, name: "Court Sneaker", description: "Leather court sneaker with a gum sole.", articleType: "Sneakers", colours: ["black"], gender: "men", year: 2019, priceCents: 6000, brand: "Nike" }),
  testProduct({ id: 2, name: "Canvas Low-Top", description: "Canvas sneaker for warm days.", articleType: "Sneakers", colours: ["white"], year: 2021, priceCents: 4500 }),
  testProduct({ id: 3, name: "Mesh Runner", description: "Lightweight mesh for morning runs.", articleType: "Sneakers", colours: ["black"], styles: ["sporty"], year: 2021, priceCents: null }),
  testProduct({ id: 4, name: "Chelsea Boot", description: "Suede chelsea boots.", articleType: "Boots", colours: ["brown"], year: 2020, priceCents: 12000 }),
  testProduct({ id: 5, name: "Lace-Up Boot", description: "Polished leather boots.", articleType: "Boots", colours: ["black"], gender: "men", styles: ["formal"], year: 2018, priceCents: 15000 }),
  testProduct({ id: 6, name: "Wrap Dress", description: "Flowing wrap dress with pockets.", articleType: "Dresses", colours: ["red"], styles: ["formal"], year: 2021, priceCents: 8000 }),
  testProduct({ id: 7, name: "Slip Dress", description: "A simple slip dress.", articleType: "Dresses", colours: ["black"], year: 2020, priceCents: 4000 }),
  testProduct({ id: 8, name: "Tiered Maxi Dress", description: "Airy tiered maxi with pockets.", articleType: "Dresses", colours: ["red"], styles: ["boho"], season: "Spring", year: 2019, priceCents: 3500 }),
  testProduct({ id: 9, name: "Crew Tee", description: "Cotton crew neck.", articleType: "Tshirts", colours: ["white"], gender: "men", year: 2022, priceCents: 2000, brand: "Nike" }),
  testProduct({ id: 10, name: "Training Tee", description: "Quick-dry jersey.", articleType: "Tshirts", colours: ["black"], gender: "men", styles: ["sporty"], year: 2017, priceCents: 1500 }),
];
const index = buildSearchIndex(P);

const state = (q: string, more: Partial<SearchState> = {}): SearchState => ({ ...emptySearchState(q), ...more, filters: { ...emptySearchState().filters, ...more.filters } });
const run = (q: string, more: Partial<SearchState> = {}, opts = {}) => searchCatalog(index, state(q, more), opts);
const ids = (r: ReturnType<typeof run>) => r.hits.map((h) => h.product.id);

describe("searchCatalog", () => {
  it("applies understood chips as filters", () => {
    const r = run("black sneakers");
    expect(r.understood.map((c) => c.token)).toEqual(["colour:black", "type:Sneakers"]);
    expect(ids(r).sort()).toEqual([1, 3]);
    expect(r.total).toBe(2);
    expect(r.ranker).toBe("filters");
    expect(r.rest).toBe("");
    expect(r.notice).toBeNull();
  });

  it("ANDs explicit filters with understood ones, and an explicit filter wins over a chip of its key", () => {
    expect(ids(run("dress", { filters: { colour: ["black"] } as SearchState["filters"] }))).toEqual([7]);
    const r = run("black dress", { filters: { colour: ["red"] } as SearchState["filters"] });
    expect(r.understood.map((c) => c.token)).toEqual(["type:Dresses"]);
    expect(ids(r).sort()).toEqual([6, 8]);
    // any spelling of a colour in the URL
    expect(ids(run("dress", { filters: { colour: ["Navy Blue", "RED"] } as SearchState["filters"] })).sort()).toEqual([6, 8]);
  });

  it("filters by price, from the query or from min/max (explicit wins); unpriced products never match a price", () => {
    expect(ids(run("sneakers under 50"))).toEqual([2]);
    expect(ids(run("dress", { min: 36, max: 80 })).sort()).toEqual([6, 7]);
    const r = run("dress under 30", { max: 100 });
    expect(r.understood.some((c) => c.key === "price")).toBe(false);
    expect(r.total).toBe(3);
  });

  it("relaxes the least important understood filters when together they match nothing, and says so", () => {
    const r = run("red dress under 30");
    expect(ids(r).sort()).toEqual([6, 8]);
    expect(r.understood.map((c) => c.token)).toEqual(["colour:red", "type:Dresses"]);
    expect(r.notice).toMatch(/under \$30/);
    const boots = run("red boots");
    expect(ids(boots).sort()).toEqual([4, 5]);
    expect(boots.understood.map((c) => c.token)).toEqual(["type:Boots"]);
    expect(boots.notice).toMatch(/“Red”/);
    expect(boots.rest).toBe("red");
  });

  it("relaxes every chip read from the same words together, and ranks by those words", () => {
    // "wedding" reads as formal and ethnic where both exist; no sneakers are either
    const withEthnic = buildSearchIndex([...P, testProduct({ id: 11, articleType: "Kurtas", styles: ["ethnic"] })]);
    const r = searchCatalog(withEthnic, state("wedding sneakers"));
    expect(r.understood.map((c) => c.token)).toEqual(["type:Sneakers"]);
    expect(r.rest).toBe("wedding");
    expect(r.notice).toMatch(/“Formal”/);
    expect(r.notice).toMatch(/“Ethnic”/);
    expect(r.hits.map((h) => h.product.id).sort()).toEqual([1, 2, 3]);
  });

  it("answers nothing (no relaxing) when an explicit filter rules everything out", () => {
    const r = run("red boots", { filters: { brand: ["Nobody"] } as SearchState["filters"] });
    expect(r.total).toBe(0);
    expect(r.understood.map((c) => c.token)).toEqual(["colour:red", "type:Boots"]);
  });

  it("ranks the words left by BM25 and says which words matched, never a percentage", () => {
    const r = run("pockets");
    expect(r.ranker).toBe("bm25");
    expect(ids(r).sort()).toEqual([6, 8]);
    for (const h of r.hits) {
      expect(h.why).toContain("“pockets”");
      expect(h.why).not.toMatch(/%|\d\.\d/);
    }
    expect(run("zebra stripes").total).toBe(0);
  });

  it("keeps the filter matches when the words match none of them, and says so", () => {
    const r = run("dress zebra");
    expect(r.total).toBe(3);
    expect(r.notice).toMatch(/“zebra”/);
  });

  it("searches a dropped chip's words as plain words, boosting the type they name", () => {
    const r = run("black sneakers", { drop: ["type:Sneakers"] });
    expect(r.understood.map((c) => c.token)).toEqual(["colour:black"]);
    expect(r.rest).toBe("sneakers");
    expect(r.ranker).toBe("bm25");
    expect(ids(r).sort()).toEqual([1, 3]);
  });

  it("blends CLIP similarity with BM25 and lets CLIP bring in products without the words", () => {
    const plain = run("pockets");
    const second = ids(plain)[1];
    const clip = new Float32Array(P.length).fill(0.1);
    clip[P.findIndex((p) => p.id === second)] = 0.9;
    clip[P.findIndex((p) => p.id === 4)] = Number.NaN; // no image vector
    const r = run("pockets", {}, { clip });
    expect(r.ranker).toBe("clip+bm25");
    expect(ids(r)[0]).toBe(second);
    expect(ids(r).slice(0, 2).sort()).toEqual([6, 8]); // the word matches stay above look-only matches
    expect(r.total).toBe(P.length - 1);
    expect(ids(r)).not.toContain(4);
    expect(r.hits.find((h) => h.product.id === 9)?.why).toMatch(/looks like/);
  });

  it("sorts by price (unpriced last) and by newest", () => {
    expect(ids(run("sneakers", { sort: "price-asc" }))).toEqual([2, 1, 3]);
    expect(ids(run("sneakers", { sort: "price-desc" }))).toEqual([1, 2, 3]);
    expect(ids(run("sneakers", { sort: "newest" }))).toEqual([3, 2, 1]);
  });

  it("takes article types in turn when only filters chose the results", () => {
    const r = run("", { filters: { colour: ["black"] } as SearchState["filters"] });
    expect(r.ranker).toBe("filters");
    expect(new Set(r.hits.slice(0, 4).map((h) => h.product.articleType)).size).toBe(4);
  });

  it("counts facets over the matches without the key's own filter", () => {
    const r = run("dress", { filters: { colour: ["red"] } as SearchState["filters"] });
    const facet = (key: string) => Object.fromEntries(r.facets.find((f) => f.key === key)!.values.map((v) => [v.value, v.count]));
    expect(facet("colour")).toEqual({ red: 2, black: 1 });
    expect(facet("gender")).toEqual({ women: 2 });
    expect(facet("type")).toEqual({ Dresses: 2 });
    expect(r.facets.map((f) => f.key)).toEqual(["gender", "type", "colour", "brand"]);
    expect(r.facets.find((f) => f.key === "colour")!.values.find((v) => v.value === "red")!.label).toBe("Red");
  });

  it("pages by SEARCH_LIMITS.pageSize", () => {
    const many = buildSearchIndex(Array.from({ length: 30 }, (_, i) => testProduct({ id: i + 1, articleType: "Tshirts", year: 2000 + i })));
    const page = (n: number) => searchCatalog(many, state("tees", { page: n }));
    expect(page(1).hits).toHaveLength(SEARCH_LIMITS.pageSize);
    expect(page(2).hits).toHaveLength(30 - SEARCH_LIMITS.pageSize);
    expect(page(2).total).toBe(30);
    expect(page(3).hits).toEqual([]);
    const all = [...page(1).hits, ...page(2).hits].map((h) => h.product.id);
    expect(new Set(all).size).toBe(30);
  });

  it("leaves out excluded products", () => {
    expect(ids(run("black sneakers", {}, { exclude: new Set([1]) }))).toEqual([3]);
  });

  it("refuses an empty or stop-word query without filters, and accepts filters alone", () => {
    for (const q of ["", "the and of", "something for"]) {
      expect(() => run(q)).toThrow(SearchInputError);
      expect(() => run(q)).toThrow(EMPTY_QUERY_MESSAGE);
    }
    const r = run("", { filters: { type: ["Boots"] } as SearchState["filters"] });
    expect(ids(r).sort()).toEqual([4, 5]);
    expect(run("", { max: 20 }).total).toBe(2);
  });
});
