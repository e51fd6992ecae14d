// Offline top-K metrics on hand-computed cases and the planted-group acceptance check.
import { describe, expect, it } from "vitest";
import {
  averagePrecisionAtK,
  EVAL_METHODS,
  evaluateTopK,
  generatePlanted,
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

describe("the oracle row (the generator's truth)", () => {
  // The Bayes ranking of the planted generator maximises expected P@10: on planted data no
  // method should beat it. A property over two data sets and splits; the smallest margin is
  // printed so a regression towards the ceiling is visible.
  for (const seed of [5, 6]) {
    it(`is at least every method's P@10 and nDCG@10 on planted data (seed ${seed})`, () => {
      const log = generatePlanted({ users: 300, items: 400, groups: 8, perUser: 20, seed });
      const r = evaluateTopK(log.interactions, { seed: seed + 100, oracle: log.drawProbability });
      const oracle = r.methods.oracle!;
      expect(oracle.users).toBe(300);
      const others = EVAL_METHODS.filter((m) => m !== "oracle" && r.methods[m]);
      expect(others.length).toBeGreaterThanOrEqual(6);
      const best = Math.max(...others.map((m) => r.methods[m]!.precision));
      console.log(`planted seed ${seed}: oracle P@10 ${oracle.precision.toFixed(4)}, best method ${best.toFixed(4)}`);
      for (const m of others) {
        expect(oracle.precision, m).toBeGreaterThanOrEqual(r.methods[m]!.precision);
        expect(oracle.ndcg, m).toBeGreaterThanOrEqual(r.methods[m]!.ndcg);
      }
      expect(oracle.precision).toBeGreaterThan(2 * r.mostPopular.precision);
    });
  }
});

