// The /search page's state edits: each action changes only what it names and sends the
// shopper back to page 1 where the result set changes.
import { describe, expect, it } from "vitest";
import {
  activeFilterCount, appliedFilters, clearFilters, dropChip, facetOptions, parsePriceInput, priceLabel,
  toggleFilter, withPage, withPrice, withQuery, withSort,
} from "./edit";
import type { SearchState } from "./contract";
import { emptySearchState } from "./url";

const money = (n: number) => `$${n}`;

function refined(): SearchState {
  const s = emptySearchState("black sports shoes under 50");
  return { ...s, filters: { ...s.filters, gender: ["Men"], brand: ["Nike", "Puma"] }, min: 10, max: null, sort: "price-asc", page: 3, drop: ["colour:black"] };
}

describe("search state edits", () => {
  it("starts a new query afresh but keeps the sort", () => {
    const s = withQuery(refined(), "  red dress ");
    expect(s).toEqual({ ...emptySearchState("red dress"), sort: "price-asc" });
  });

  it("ticks and unticks a filter value and goes back to page 1", () => {
    const on = toggleFilter(refined(), "colour", "Navy Blue");
    expect(on.filters.colour).toEqual(["Navy Blue"]);
    expect(on.filters.brand).toEqual(["Nike", "Puma"]);
    expect(on.page).toBe(1);
    const off = toggleFilter(on, "brand", "Nike");
    expect(off.filters.brand).toEqual(["Puma"]);
    expect(toggleFilter(off, "colour", "Navy Blue").filters.colour).toEqual([]);
  });

  it("adds a removed chip's token to drop once", () => {
    const s = dropChip(refined(), "price");
    expect(s.drop).toEqual(["colour:black", "price"]);
    expect(s.page).toBe(1);
    expect(dropChip(s, "price").drop).toEqual(["colour:black", "price"]);
  });

  it("sets the sort, the price range and the page", () => {
    expect(withSort(refined(), "newest")).toMatchObject({ sort: "newest", page: 1 });
    expect(withPrice(refined(), 20, 80)).toMatchObject({ min: 20, max: 80, page: 1 });
    expect(withPage(refined(), 5)).toMatchObject({ page: 5, sort: "price-asc", min: 10 });
  });

  it("clears the shopper's filters but keeps the query, its removed chips and the sort", () => {
    const s = clearFilters(refined());
    expect(activeFilterCount(s)).toBe(0);
    expect(s).toMatchObject({ q: "black sports shoes under 50", drop: ["colour:black"], sort: "price-asc", page: 1, min: null, max: null });
  });

  it("counts each ticked value and the price range as one", () => {
    expect(activeFilterCount(refined())).toBe(4);
    expect(activeFilterCount(withPrice(refined(), 10, 90))).toBe(4);
    expect(activeFilterCount(emptySearchState("x"))).toBe(0);
  });
});

describe("applied filter chips", () => {
  it("labels values from the facets, falls back to the value, and removes exactly one", () => {
    const chips = appliedFilters(refined(), [{ key: "gender", values: [{ value: "Men", label: "Men's", count: 3 }] }], money);
    expect(chips.map((c) => c.label)).toEqual(["Men's", "Nike", "Puma", "over $10"]);
    const nike = chips.find((c) => c.id === "brand:Nike")!;
    expect(nike.remove.filters.brand).toEqual(["Puma"]);
    expect(nike.remove.filters.gender).toEqual(["Men"]);
    expect(chips.find((c) => c.id === "price")!.remove).toMatchObject({ min: null, max: null });
  });

  it("words price ranges", () => {
    expect(priceLabel(20, 80, money)).toBe("$20–$80");
    expect(priceLabel(null, 50, money)).toBe("under $50");
    expect(priceLabel(null, null, money)).toBeNull();
  });
});

describe("facet options", () => {
  it("keeps a ticked value the facet no longer counts", () => {
    const opts = facetOptions({ key: "brand", values: [{ value: "Nike", label: "Nike", count: 4 }] }, ["Nike", "Adidas"]);
    expect(opts).toEqual([{ value: "Nike", label: "Nike", count: 4 }, { value: "Adidas", label: "Adidas", count: 0 }]);
    expect(facetOptions(undefined, [])).toEqual([]);
  });
});

describe("price input", () => {
  it("reads whole units, empty as no bound, and refuses the rest", () => {
    expect(parsePriceInput(" 50 ")).toEqual({ ok: true, value: 50 });
    expect(parsePriceInput("")).toEqual({ ok: true, value: null });
    for (const bad of ["-5", "4.5", "abc", "1e3", "12345678"]) expect(parsePriceInput(bad)).toEqual({ ok: false });
  });
});
