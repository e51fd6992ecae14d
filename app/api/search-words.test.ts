// Integration: GET /api/search through the real route handler, the real SQLite catalog
// (bundled catalog seeded into this file's own data folder) and the snapshot cache:
// parsed chips filter, explicit filters, sort, pages, facets, a removed chip, a hidden
// product leaving the results, and the 400 for a query with nothing to search for.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getSearch } from "@/app/api/search/route";
import { editProduct } from "@/lib/admin/catalog";
import { getCatalog } from "@/lib/feed/catalog";
import type { Product } from "@/lib/recommender/types";
import type { TextSearchResponse } from "@/lib/search/contract";
import { call, expectClientError, seedCatalog } from "./_testing/api";

let products: Product[];

beforeAll(async () => {
  await seedCatalog(120);
  products = (await getCatalog()).products;
}, 180_000);

const search = (qs: string) => call<TextSearchResponse>(getSearch, `/api/search?${qs}`);

/** The article type with the most products, and the most common colour among them. */
function commonTypeAndColour(): { type: string; colour: string } {
  const count = <T,>(xs: T[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>())].sort((a, b) => b[1] - a[1])[0][0];
  const type = count(products.map((p) => p.articleType));
  const colour = count(products.filter((p) => p.articleType === type).map((p) => p.colours[0]));
  return { type, colour };
}

describe("GET /api/search", () => {
  it("reads a colour and an article type into chips and returns exactly the products that have both", async () => {
    const { type, colour } = commonTypeAndColour();
    const r = await search(new URLSearchParams({ q: `${colour} ${type.toLowerCase()}` }).toString());
    expect(r.status).toBe(200);
    expect(r.body.kind).toBe("text");
    expect(r.body.understood.map((c) => c.token).sort()).toEqual([`colour:${colour}`, `type:${type}`].sort());
    expect(r.body.ranker).toBe("filters");
    const expected = products.filter((p) => p.articleType === type && p.colours.includes(colour)).map((p) => p.id);
    expect(r.body.total).toBe(expected.length);
    expect(r.body.hits.map((h) => h.product.id).sort((a, b) => a - b)).toEqual(expected.slice(0, 24).sort((a, b) => a - b));
    for (const h of r.body.hits) expect(h.why).toContain(type);
    expect(r.body.state.q).toBe(`${colour} ${type.toLowerCase()}`);
  });

  it("ANDs an explicit filter, sorts by price and pages", async () => {
    const { type } = commonTypeAndColour();
    const gender = products.find((p) => p.articleType === type)!.gender;
    const asc = await search(new URLSearchParams({ q: type, gender, sort: "price-asc" }).toString());
    expect(asc.status).toBe(200);
    const cents = asc.body.hits.map((h) => h.product.priceCents ?? Infinity);
    expect(cents).toEqual([...cents].sort((a, b) => a - b));
    expect(asc.body.hits.every((h) => h.product.gender === gender && h.product.articleType === type)).toBe(true);

    const women = products.filter((p) => p.gender === "women").length;
    expect(women).toBeGreaterThan(24);
    const p1 = await search("gender=women");
    const p2 = await search("gender=women&page=2");
    expect(p1.body.total).toBe(women);
    expect(p1.body.hits).toHaveLength(24);
    expect(p2.body.page).toBe(2);
    const seen = new Set(p1.body.hits.map((h) => h.product.id));
    expect(p2.body.hits.length).toBe(Math.min(24, women - 24));
    expect(p2.body.hits.some((h) => seen.has(h.product.id))).toBe(false);
  });

  it("counts facets without their own key's filter", async () => {
    const { type } = commonTypeAndColour();
    const r = await search(new URLSearchParams({ type }).toString());
    const ofType = products.filter((p) => p.articleType === type);
    const gender = r.body.facets.find((f) => f.key === "gender")!;
    expect(gender.values.reduce((s, v) => s + v.count, 0)).toBe(ofType.length);
    const types = r.body.facets.find((f) => f.key === "type")!;
    expect(types.values.reduce((s, v) => s + v.count, 0)).toBe(products.length);
  });

  it("searches a removed chip's words as plain words", async () => {
    const { type } = commonTypeAndColour();
    const r = await search(new URLSearchParams({ q: type, drop: `type:${type}` }).toString());
    expect(r.status).toBe(200);
    expect(r.body.understood).toEqual([]);
    expect(r.body.rest).toBe(type.toLowerCase());
    expect(r.body.ranker).toBe("bm25");
    expect(r.body.total).toBeGreaterThanOrEqual(products.filter((p) => p.articleType === type).length);
  });

  it("stops returning a product once it is hidden", async () => {
    const { type, colour } = commonTypeAndColour();
    const q = new URLSearchParams({ q: `${colour} ${type}` }).toString();
    const before = await search(q);
    const target = before.body.hits[0].product.id;
    await editProduct(target, { hidden: true });
    const after = await search(q);
    expect(after.body.total).toBe(before.body.total - 1);
    expect(after.body.hits.map((h) => h.product.id)).not.toContain(target);
    await editProduct(target, { hidden: false });
  });

  it("asks for words when the query is empty or only stop words, and names an over-long query's limit", async () => {
    for (const q of ["", "   ", "the and for"]) {
      const r = await search(new URLSearchParams({ q }).toString());
      expectClientError(r as never, 400, /Type what you are looking for/);
    }
    expectClientError((await search(`q=${"x".repeat(201)}`)) as never, 400, /at most 200 characters/);
  });
});
