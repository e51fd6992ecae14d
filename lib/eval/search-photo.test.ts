import { describe, expect, it } from "vitest";
import { l2normalize } from "@/lib/embedding/vectors";
import { plainRanking, querySplit, scorePhotoQueries, type PhotoItem } from "./search-photo";

const item = (id: string, articleType: string, colour = "Black"): PhotoItem => ({ id, articleType, colour, file: `${id}.jpg` });

describe("photo benchmark helpers", () => {
  it("should split queries into disjoint seeded sets", () => {
    const a = querySplit(1000);
    const b = querySplit(1000);
    expect(a).toEqual(b);
    expect(a.test).toHaveLength(150);
    expect(a.tune).toHaveLength(300);
    expect(a.test.filter((i) => a.tune.includes(i))).toEqual([]);
    expect(querySplit(1000, { seed: 1, test: 150, tune: 300 }).test).not.toEqual(a.test);
  });

  it("should count same-type hits of the top 10 with the query excluded", () => {
    const items = [item("q", "Heels"), ...Array.from({ length: 12 }, (_, i) => item(`h${i}`, "Heels", i < 6 ? "Black" : "Red")), ...Array.from({ length: 12 }, (_, i) => item(`s${i}`, "Sandals"))];
    // heels lie along x, sandals along y; the query is a heel
    const vectors = items.map((it, i) => l2normalize(it.articleType === "Heels" ? [1, 0.01 * i] : [0.01 * i, 1]));
    const score = scorePhotoQueries(items, vectors, [0], plainRanking(vectors));
    expect(score.sameTypeAt10).toBe(10);
    expect(score.precisionAt10).toBe(1);
    expect(score.ndcgAt10).toBeCloseTo(1, 6);
    // colour: the 6 black heels rank first (closest to the query), the rest are red
    expect(score.sameColourAt10).toBe(6);
    const sandalQuery = scorePhotoQueries(items, vectors, [13], plainRanking(vectors));
    expect(sandalQuery.sameTypeAt10).toBe(10);
  });
});
