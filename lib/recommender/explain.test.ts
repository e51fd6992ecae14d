// Property test: over thousands of random sessions (random quizzes, swipes, collaborative
// scores, near-duplicate products), every card's explanation is checked against the
// shopper's log and quiz by deck-metrics.ts falseClaims (an independent reading of the log,
// not the state explain.ts reads), and names the signal that contributed most.
import { describe, expect, it } from "vitest";
import { buildContentIndex } from "./content";
import { falseClaims } from "./deck-metrics";
import { applyEvent, initialState } from "./learning";
import { createRng, pick, sample, type Rng } from "./random";
import { recommend } from "./rank";
import { generateSyntheticCatalog } from "./synthetic";
import { SIGNALS, type FeedbackAction, type Product, type QuizAnswers } from "./types";

const { products: base, vectors } = generateSyntheticCatalog({ size: 300, seed: 17, dim: 16 });
// a few near-duplicates (same name, another colour) as a real catalog has
const products: Product[] = [...base, ...base.slice(0, 12).map((p, i) => ({ ...p, id: 10_000 + i, colours: [pick(createRng(i), ["red", "green", "pink"])] }))];
const index = buildContentIndex(products);
const values = (f: (p: Product) => string[]) => Array.from(new Set(products.flatMap(f)));
const TYPES = values((p) => [p.articleType]);
const GROUPS = values((p) => [p.subcategory]);
const COLOURS = values((p) => p.colours);
const STYLES = values((p) => p.styles);
const BRANDS = values((p) => [p.brand]);

function randomQuiz(rng: Rng): QuizAnswers {
  const some = (xs: string[], max: number) => sample(rng, xs, Math.floor(rng() * (max + 1)));
  return {
    categories: [...some(TYPES, 3), ...(rng() < 0.3 ? some(GROUPS, 1) : [])],
    colours: some(COLOURS, 3),
    brands: rng() < 0.3 ? some(BRANDS, 2) : [],
    styles: some(STYLES, 2),
    gender: rng() < 0.7 ? pick(rng, ["women", "men"] as const) : null,
    sizes: [],
    budget: { minCents: null, maxCents: null },
  };
}

/** Random collaborative scores: none, all zero, or a few positive and negative items. */
function randomCollab(rng: Rng): Map<number, number> | null {
  const r = rng();
  if (r < 0.3) return null;
  const m = new Map<number, number>();
  for (const p of sample(rng, products, 40)) m.set(p.id, r < 0.45 ? 0 : rng() * 2 - 0.6);
  return m;
}

describe("explanations (property)", () => {
  it("make no false claim and name the strongest signal over 2,000 random sessions", () => {
    const rng = createRng(2024);
    let cards = 0;
    const failures: string[] = [];
    const kinds = new Set<string>();
    for (let session = 0; session < 2000; session++) {
      const quiz = randomQuiz(rng);
      let state = initialState(quiz);
      const log: Array<{ product: Product; action: FeedbackAction }> = [];
      const collab = randomCollab(rng);
      const swipes = Math.floor(rng() * 25);
      for (let round = 0; round < 2; round++) {
        const recs = recommend({
          products, quiz, state, contentIndex: index, vectors: rng() < 0.5 ? vectors : null, quizTextVector: null,
          collabScores: collab, limit: 10, context: [], rng: createRng(session * 7 + round), now: 0,
        });
        for (const r of recs) {
          cards++;
          kinds.add(r.explanation.split(/[:(]/)[0].replace(/ (liked|picks).*/, ""));
          const bad = falseClaims({ product: r.product, reason: r.reason, explanation: r.explanation, source: r.source }, quiz, log, collab?.get(r.productId) ?? null);
          if (r.source === "ranked") {
            const contribution = (s: (typeof SIGNALS)[number]) => r.weights[s] * (r.components[s] ?? 0);
            for (const s of SIGNALS) if (contribution(s) > contribution(r.reason.signal as (typeof SIGNALS)[number]) + 1e-12) bad.push(`names ${r.reason.signal} but ${s} contributed more`);
          }
          if (bad.length && failures.length < 10) failures.push(`session ${session}: "${r.explanation}" on ${r.product.name}: ${bad.join("; ")}`);
        }
        // a random stretch of swipes on what was served (likes are rarer than passes)
        for (const r of recs.slice(0, round === 0 ? swipes : 0)) {
          const action: FeedbackAction = rng() < 0.3 ? "like" : rng() < 0.1 ? "superlike" : "pass";
          state = applyEvent(state, r.product, action, vectors.byId.get(r.productId) ? { vector: vectors.byId.get(r.productId)!, modelId: vectors.modelId } : undefined);
          log.push({ product: r.product, action });
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cards).toBeGreaterThan(30_000);
    // the sessions reach every kind of reason (the check is not vacuous)
    for (const k of ["Because you", "Matches your quiz", "Something new", "Exploring more of your quiz", "Shoppers with taste like yours", "Getting to know your taste"]) expect([...kinds].some((x) => x.startsWith(k))).toBe(true);
  }, 120_000);
});
