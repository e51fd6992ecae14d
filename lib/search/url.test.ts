// Unit: the /search URL state: parsing with defaults, errors naming the bad parameter, and
// writing a state back (defaults omitted) so that parse(write(state)) gives the state back.
import { describe, expect, it } from "vitest";
import { FILTER_KEYS, SEARCH_LIMITS, type SearchState } from "./contract";
import { emptySearchState, parseSearchState, SearchInputError, searchStateToParams } from "./url";

const parse = (qs: string) => parseSearchState(new URLSearchParams(qs));

function errorOf(qs: string): SearchInputError {
  try {
    parse(qs);
  } catch (e) {
    if (e instanceof SearchInputError) return e;
    throw e;
  }
  throw new Error(`no error for ${qs}`);
}

describe("parseSearchState", () => {
  it("reads no parameters as the empty state", () => {
    expect(parse("")).toEqual(emptySearchState());
    expect(parse("").filters).toEqual(Object.fromEntries(FILTER_KEYS.map((k) => [k, []])));
  });

  it("reads every parameter", () => {
    const s = parse("q=%20black%20%20dress%20&gender=women&type=Dresses,Tops&colour=black&brand=Nike&season=Summer&usage=casual&min=20&max=80.5&sort=price-asc&page=3&drop=type:Dresses,price");
    expect(s).toEqual({
      q: "black dress",
      filters: { gender: ["women"], type: ["Dresses", "Tops"], colour: ["black"], brand: ["Nike"], season: ["Summer"], usage: ["casual"] },
      min: 20,
      max: 80.5,
      sort: "price-asc",
      page: 3,
      drop: ["type:Dresses", "price"],
    } satisfies SearchState);
  });

  it("trims, drops empty and repeated list values (case-insensitively), and joins repeated list parameters", () => {
    const s = parse("type=Dresses,,%20dresses%20,Tops&type=Heels&colour=");
    expect(s.filters.type).toEqual(["Dresses", "Tops", "Heels"]);
    expect(s.filters.colour).toEqual([]);
  });

  it("names the parameter and the rule when one is wrong", () => {
    const long = errorOf(`q=${"a".repeat(SEARCH_LIMITS.maxQueryChars + 1)}`);
    expect(long.param).toBe("q");
    expect(long.message).toMatch(/at most 200 characters/);
    expect(parse(`q=${"a".repeat(SEARCH_LIMITS.maxQueryChars)}`).q).toHaveLength(200);
    expect(errorOf("sort=cheapest")).toMatchObject({ param: "sort", message: expect.stringMatching(/relevance, price-asc, price-desc, newest/) });
    for (const page of ["0", "51", "1.5", "two", "-1"]) expect(errorOf(`page=${page}`).param).toBe("page");
    expect(parse(`page=${SEARCH_LIMITS.maxPage}`).page).toBe(SEARCH_LIMITS.maxPage);
    for (const bad of ["abc", "-5", "1e3", "Infinity"]) expect(errorOf(`min=${bad}`).param).toBe("min");
    expect(errorOf("max=ten").param).toBe("max");
    expect(errorOf("min=80&max=20")).toMatchObject({ param: "min", message: expect.stringMatching(/must not be more than max/) });
    expect(errorOf("sort=newest&sort=relevance").message).toMatch(/sort is given more than once/);
    expect(errorOf(`type=${"x".repeat(81)}`).param).toBe("type");
  });

  it("ignores parameters it does not know (an old client's limit)", () => {
    expect(parse("q=dress&limit=5")).toEqual(emptySearchState("dress"));
  });
});

describe("searchStateToParams", () => {
  it("omits defaults", () => {
    expect(searchStateToParams(emptySearchState()).toString()).toBe("");
    expect(searchStateToParams(emptySearchState("red dress")).toString()).toBe("q=red+dress");
  });

  it("round-trips through parseSearchState", () => {
    const states: SearchState[] = [
      emptySearchState("black running shoes under 50"),
      { ...emptySearchState("tee"), filters: { ...emptySearchState().filters, gender: ["men", "unisex"], brand: ["United Colors of Benetton"] }, sort: "newest", page: 2 },
      { ...emptySearchState(""), filters: { ...emptySearchState().filters, colour: ["light blue"] }, min: 0, max: 49.99, sort: "price-desc", drop: ["type:Sports Shoes", "price"] },
    ];
    for (const s of states) expect(parseSearchState(searchStateToParams(s))).toEqual(s);
  });
});
