import { describe, expect, it } from "vitest";
import { generatePlantedInteractions } from "@/lib/recommender/evaluate";
import { formatInteractions, parseInteractions } from "./interactions";

describe("interactions files", () => {
  it("round-trips the CSV format and reads MovieLens-style tab files", () => {
    const list = generatePlantedInteractions({ users: 20, items: 50, groups: 4, seed: 3, perUser: 5 });
    expect(parseInteractions(formatInteractions(list))).toEqual(list);
    expect(parseInteractions("196\t242\t3\t881250949\n186\t302\t3\t891717742\n")).toEqual([
      { user: "196", item: "242", rating: 3, timestamp: 881250949 },
      { user: "186", item: "302", rating: 3, timestamp: 891717742 },
    ]);
  });

  it("names the file and line of a bad row", () => {
    expect(() => parseInteractions("user,item,rating\na,b,x\n", "f.csv")).toThrow('f.csv:2: rating "x" is not a number');
    expect(() => parseInteractions("user,item\nonly\n", "f.csv")).toThrow("f.csv:2: expected user,item");
  });
  it("round-trips ids that start like spreadsheet formulas", () => {
    const list = [{ user: "-2-3", item: "=cmd", rating: -1 }, { user: "@u", item: "+7-1", rating: 1 }];
    const text = formatInteractions(list);
    expect(text).not.toMatch(/(^|,)[=+@]|(^|,)-2-3/m);
    expect(parseInteractions(text)).toEqual(list);
  });
});
