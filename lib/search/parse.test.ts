// Unit: reading a query into chips (longest phrase first), a price range and the rest
// words; removed chips come back as plain words.
import { describe, expect, it } from "vitest";
import { testProduct } from "@/lib/testing/products";
import { parseQuery } from "./parse";
import { buildVocabulary } from "./vocabulary";

const vocab = buildVocabulary([
  testProduct({ id: 1, articleType: "Sports Shoes", colours: ["black"], styles: ["sports"], gender: "men" }),
  testProduct({ id: 2, articleType: "Formal Shoes", colours: ["brown"], styles: ["formal"] }),
  testProduct({ id: 3, articleType: "Dresses", colours: ["red"], gender: "women", season: "Summer" }),
  testProduct({ id: 4, articleType: "Casual Shoes", colours: ["white"], brand: "Red Tape" }),
]);

const tokens = (q: string, drop: string[] = []) => parseQuery(q, vocab, drop).chips.map((c) => c.token);
const rest = (q: string, drop: string[] = []) => parseQuery(q, vocab, drop).words.map((w) => w.text).join(" ");

describe("parseQuery", () => {
  it("reads the longest phrase first", () => {
    expect(tokens("running shoes")).toEqual(["type:Sports Shoes"]);
    expect(tokens("running")).toEqual(["usage:sports"]);
    expect(tokens("dress shoes")).toEqual(["type:Formal Shoes"]);
    expect(tokens("red dress")).toEqual(["colour:red", "type:Dresses"]);
    expect(tokens("red tape shoes")).toEqual(["brand:Red Tape"]);
  });

  it("gives each chip its label and the words it came from", () => {
    const [chip] = parseQuery("Running Shoes", vocab).chips;
    expect(chip).toEqual({ key: "type", value: "Sports Shoes", label: "Sports Shoes", token: "type:Sports Shoes", source: "running shoes" });
    expect(parseQuery("women's", vocab).chips[0]).toMatchObject({ label: "Women", value: "women" });
  });

  it.each([
    ["under 50", null, 50, "under $50"],
    ["below $50", null, 50, "under $50"],
    ["less than 50 dollars", null, 50, "under $50"],
    ["50 or less", null, 50, "under $50"],
    ["up to 49.99", null, 49.99, "under $49.99"],
    ["between 20 and 80", 20, 80, "$20-$80"],
    ["between $80 and $20", 20, 80, "$20-$80"],
    ["20-80", 20, 80, "$20-$80"],
    ["$20 - $80", 20, 80, "$20-$80"],
    ["20 to 80", 20, 80, "$20-$80"],
    ["over 100", 100, null, "over $100"],
    ["from 30", 30, null, "from $30"],
    ["100+", 100, null, "from $100"],
  ])("reads the price phrase %j", (q, min, max, label) => {
    const p = parseQuery(`black shoes ${q}`, vocab);
    expect(p.price).toEqual({ min, max });
    expect(p.chips.find((c) => c.key === "price")).toMatchObject({ label, token: "price", source: expect.stringContaining(q.split(" ")[0].replace("$", "")) });
    expect(p.words.map((w) => w.text)).toEqual(["shoes"]);
  });

  it("combines two price phrases into one range and leaves size ranges alone", () => {
    expect(parseQuery("over 20 under 80", vocab).price).toEqual({ min: 20, max: 80 });
    expect(parseQuery("size 8-10", vocab).price).toBeNull();
  });

  it("drops stop words from the rest and keeps unknown words", () => {
    expect(rest("something for the summer with pockets")).toBe("pockets");
    expect(tokens("something for the summer with pockets")).toEqual(["season:Summer"]);
    const empty = parseQuery("the and of for", vocab);
    expect(empty.chips).toEqual([]);
    expect(empty.words).toEqual([]);
  });

  it("folds plurals in the rest words", () => {
    expect(parseQuery("pockets zippers", vocab).words).toEqual([
      { text: "pockets", term: "pocket" },
      { text: "zippers", term: "zipper" },
    ]);
  });

  it("turns dropped chips back into plain words", () => {
    expect(tokens("black running shoes", ["type:Sports Shoes"])).toEqual(["colour:black"]);
    expect(rest("black running shoes", ["type:Sports Shoes"])).toBe("running shoes");
    const p = parseQuery("black running shoes", vocab, ["type:Sports Shoes"]);
    expect(p.dropped.map((c) => c.token)).toEqual(["type:Sports Shoes"]);
    expect(rest("dress under 50", ["price"])).toBe("50");
    expect(parseQuery("dress under 50", vocab, ["price"]).price).toBeNull();
  });

  it("keeps the words out while another chip read from them still applies", () => {
    const both = parseQuery("sneakers", vocab);
    expect(both.chips.map((c) => c.token).sort()).toEqual(["type:Casual Shoes", "type:Sports Shoes"]);
    const one = parseQuery("sneakers", vocab, ["type:Casual Shoes"]);
    expect(one.chips.map((c) => c.token)).toEqual(["type:Sports Shoes"]);
    expect(one.words).toEqual([]);
    expect(parseQuery("sneakers", vocab, ["type:Casual Shoes", "type:Sports Shoes"]).words.map((w) => w.text)).toEqual(["sneakers"]);
  });

  it("reads a repeated value once", () => {
    expect(tokens("men shoes for men")).toEqual(["gender:men"]);
  });
});
