import { describe, expect, it } from "vitest";
import { relevanceTable, type RelevanceRow } from "./relevance";

describe("relevanceTable", () => {
  it("puts old and new of one query kind and mode on one line", () => {
    const rows: RelevanceRow[] = [
      { system: "old", mode: "pixel", kind: "photo", queries: 50, precisionAt10: 0.31, ndcgAt10: 0.4, sameTypeAt10: 3.1 },
      { system: "new", mode: "pixel", kind: "photo", queries: 50, precisionAt10: 0.72, ndcgAt10: 0.8, sameTypeAt10: 7.2 },
      { system: "new", mode: "tiny-clip", kind: "<colour> <article type>", queries: 80, precisionAt10: 0.9, ndcgAt10: 0.93 },
    ];
    const lines = relevanceTable(rows).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe("| photo | pixel | 50 | 0.31 | 0.72 | 0.40 | 0.80 | 3.1 | 7.2 |");
    expect(lines[3]).toBe("| <colour> <article type> | tiny-clip | 80 | - | 0.90 | - | 0.93 | - | - |");
  });
});
