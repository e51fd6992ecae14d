import { describe, expect, it } from "vitest";
import { applyEvent, initialState } from "@/lib/recommender/learning";
import { createRng } from "@/lib/recommender/random";
import { generateSyntheticCatalog } from "@/lib/recommender/synthetic";
import { quiz } from "@/lib/recommender/test-fixtures";
import { decodeState, encodeState } from "./shoppers";

describe("stored state codec", () => {
  const { products, vectors } = generateSyntheticCatalog({ size: 60, seed: 2, dim: 512 });
  const rng = createRng(8);
  let state = initialState(quiz({ colours: ["black"] }));
  for (let i = 0; i < 12; i++) {
    const p = products[Math.floor(rng() * products.length)];
    state = applyEvent(state, p, i % 3 ? "like" : "pass", { vector: vectors.byId.get(p.id), modelId: vectors.modelId });
  }

  it("round-trips a state exactly, the visual vector as base64 float64 bytes", () => {
    expect(state.visual?.vector.length).toBe(512);
    const text = encodeState(state);
    expect(decodeState(text)).toEqual(state);
    expect(text).toMatch(/"vector":"f64:/);
    expect(text.length).toBeLessThan(JSON.stringify(state).length - 4000);
  });

  it("still reads states stored with a number array, and states without a visual profile", () => {
    expect(decodeState(JSON.stringify(state))).toEqual(state);
    const plain = initialState(quiz({}));
    expect(decodeState(encodeState(plain))).toEqual(plain);
  });

  it("gives null for text that is not a state encoding", () => {
    expect(decodeState("{not json")).toBeNull();
    expect(decodeState(JSON.stringify({ ...state, visual: { ...state.visual, vector: "f32:AAAA" } }))).toBeNull();
    expect(decodeState(JSON.stringify({ ...state, visual: { ...state.visual, vector: "f64:AAAA" } }))).toBeNull();
  });
});
