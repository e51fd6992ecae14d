// Offline top-K metrics on hand-computed cases and the planted-group acceptance check.
import { describe, expect, it } from "vitest";
import {
  averagePrecisionAtK,
  evaluateTopK,
  generatePlantedInteractions,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  splitInteractions,
} from "./evaluate";

describe("top-K metrics (hand-computed)", () => {
  const ranked = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
  const relevant = new Set(["a", "c", "x"]); // hits at ranks 1 and 3, one relevant item missed
  it("P@10, R@10", () => {
    expect(precisionAtK(ranked, relevant, 10)).toBeCloseTo(0.2, 12);
    expect(recallAtK(ranked, relevant, 10)).toBeCloseTo(2 / 3, 12);
  });
  it("nDCG@10", () => {
    const dcg = 1 / Math.log2(2) + 1 / Math.log2(4); // 1.5
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcgAtK(ranked, relevant, 10)).toBeCloseTo(dcg / idcg, 12);
    expect(ndcgAtK(["a", "c", "x"], relevant, 10)).toBeCloseTo(1, 12);
  });
  it("MAP@10 (AP@10 = sum P@i at hits / min(|rel|, 10))", () => {
    expect(averagePrecisionAtK(ranked, relevant, 10)).toBeCloseTo((1 / 1 + 2 / 3) / 3, 12);
    expect(averagePrecisionAtK(["z"], relevant, 10)).toBe(0);
  });
});

describe("split", () => {
  it("is deterministic for a seed, 80/20 per user, train and test disjoint", () => {
    const inter = generatePlantedInteractions({ users: 20, items: 100, groups: 4, seed: 1, perUser: 10 });
    const a = splitInteractions(inter, 7);
    const b = splitInteractions(inter, 7);
    expect([...a.test.get("u3")!]).toEqual([...b.test.get("u3")!]);
    for (const [u, test] of a.test) {
      expect(test.size).toBe(2);
      expect(a.train.get(u)!.size).toBe(8);
      for (const i of test) expect(a.train.get(u)!.has(i)).toBe(false);
    }
  });
});

describe("planted taste groups", () => {
  it("user-kNN P@10 is at least 1.5x most-popular", () => {
    const inter = generatePlantedInteractions({ users: 400, items: 500, groups: 8, seed: 3 });
    const r = evaluateTopK(inter, { seed: 42 });
    console.log("planted-groups evaluation", JSON.stringify(r));
    expect(r.userKnn.users).toBe(400);
    expect(r.userKnn.precision).toBeGreaterThanOrEqual(1.5 * r.mostPopular.precision);
    expect(r.userKnn.ndcg).toBeGreaterThan(r.mostPopular.ndcg);
    expect(r.userKnn.map).toBeGreaterThan(r.mostPopular.map);
  });
});
