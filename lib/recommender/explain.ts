// "Why this item": the reason of a card, as checkable facts (Reason) and the sentence built
// from exactly those facts. A reason names the signal that contributed most to the card's
// score, only attribute values the shopper really liked (a like or superlike of an item with
// that value in their log), only quiz answers as the shopper picked them, "shoppers like you"
// only when the served model scored the item from other shoppers' swipes, and "Something
// new" only for an exploration card outside everything the quiz asked for.
// Pure: must not import anything outside lib/recommender.
import type { ProductKeys } from "./attributes";
import { attributeKey } from "./text";
import { SIGNALS, type BlendWeights, type PreferenceState, type Product, type QuizAnswers, type Reason, type ScoreComponents, type Signal } from "./types";

export interface ExplainInput {
  product: Product;
  keys: ProductKeys;
  components: ScoreComponents;
  weights: BlendWeights;
  state: PreferenceState;
  quiz: QuizAnswers;
  source: "ranked" | "explore";
  softExcluded: boolean;
  /** true when the visual profile is the quiz text embedding (no liked images yet) */
  visualFromQuiz: boolean;
  /** the served collaborative model's raw score of this item (null: none) */
  collabRaw: number | null;
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** The signal with the largest weighted contribution to the card's score. */
export function topSignal(c: ScoreComponents, w: BlendWeights): Signal {
  let best: Signal = "taste";
  let bestValue = -Infinity;
  for (const s of SIGNALS) {
    const v = w[s] * (c[s] ?? 0);
    if (v > bestValue) {
      bestValue = v;
      best = s;
    }
  }
  return best;
}

/** Type / colour / style values of the product the shopper liked at least once (log counts). */
function likedClaims(x: ExplainInput): Array<Reason["liked"][number] & { label: string }> {
  const { product, keys, state } = x;
  const out: Array<Reason["liked"][number] & { label: string }> = [];
  const liked = (kind: "colour" | "style" | "articleType", key: string) => (state.likeCounts[kind][key] ?? 0) > 0;
  if (keys.articleType[0] && liked("articleType", keys.articleType[0])) out.push({ kind: "articleType", value: keys.articleType[0], label: lower(product.articleType) });
  const ci = keys.colour.findIndex((k) => liked("colour", k));
  if (ci >= 0) out.push({ kind: "colour", value: keys.colour[ci], label: `${lower(product.colours.find((c) => attributeKey(c) === keys.colour[ci]) ?? keys.colour[ci])} items` });
  const si = keys.style.findIndex((k) => liked("style", k));
  if (si >= 0) out.push({ kind: "style", value: keys.style[si], label: `${lower(product.styles.find((s) => attributeKey(s) === keys.style[si]) ?? keys.style[si])} styles` });
  return out;
}

/** Quiz answers (as picked) the product matches. */
export function quizClaims(quiz: QuizAnswers, keys: ProductKeys): Reason["quiz"] {
  const out: Reason["quiz"] = [];
  for (const a of quiz.categories) {
    const k = attributeKey(a);
    if (k && (keys.articleType.includes(k) || keys.category.includes(k))) out.push({ kind: "categories", answer: a });
  }
  for (const a of quiz.colours) if (keys.colour.includes(attributeKey(a))) out.push({ kind: "colours", answer: a });
  for (const a of quiz.styles) if (keys.style.includes(attributeKey(a))) out.push({ kind: "styles", answer: a });
  for (const a of quiz.brands) if (keys.brand.includes(attributeKey(a))) out.push({ kind: "brands", answer: a });
  return out;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The reason of one card and its sentence (built only from the reason's facts). */
export function explain(x: ExplainInput): { text: string; reason: Reason } {
  const { product, components: c, weights: w, state } = x;
  const type = lower(product.articleType) || lower(product.category) || "items";
  const colour = product.colours[0] ? `${lower(product.colours[0])} ` : "";
  const suffix = x.softExcluded ? " (shown again: you passed it once)" : "";
  const quiz = quizClaims(x.quiz, x.keys);
  const reason = (signal: Reason["signal"], more: Partial<Reason> = {}): Reason => ({ signal, liked: [], quiz: [], collaborative: false, outsideQuiz: false, ...more });
  if (x.source === "explore") {
    if (quiz.length === 0) return { text: `Something new: exploring ${colour}${type}${suffix}`, reason: reason("explore", { outsideQuiz: true }) };
    return { text: `Exploring more of your quiz picks: ${colour}${type}${suffix}`, reason: reason("explore") };
  }
  const signal = topSignal(c, w);
  const likes = state.counts.like + state.counts.superlike;
  if (signal === "collaborative" && x.collabRaw !== null && x.collabRaw > 0)
    return { text: `Shoppers with taste like yours liked this${suffix}`, reason: reason(signal, { collaborative: true }) };
  if (signal === "visual") {
    if (x.visualFromQuiz) return { text: `Close to the look you described in the quiz${suffix}`, reason: reason(signal) };
    if (state.visual && state.visual.likes > 0) return { text: `Similar in look to items you liked${suffix}`, reason: reason(signal) };
  }
  if (signal === "content" && likes > 0) return { text: `Similar in description to items you liked${suffix}`, reason: reason(signal) };
  const liked = likedClaims(x);
  if (liked.length > 0)
    return {
      text: `Because you liked ${joinAnd(liked.map((l) => l.label))}${suffix}`,
      reason: reason(signal, { liked: liked.map(({ kind, value }) => ({ kind, value })) }),
    };
  if (quiz.length > 0) {
    const shown = quiz.slice(0, 3);
    return { text: `Matches your quiz: ${shown.map((q) => lower(q.answer)).join(", ")}${suffix}`, reason: reason(signal, { quiz: shown }) };
  }
  return { text: `Getting to know your taste: ${colour}${type}${suffix}`, reason: reason(signal) };
}
