// The shopper's learned state: attribute EMAs, counts, exclusions, exploration counts,
// the logistic model, the taste beliefs (beliefs.ts) and the visual profile. applyEvent is pure (returns a new state); undo = replayEvents of the
// log without the undone event, which restores the prior state exactly.
// Pure: must not import anything outside lib/recommender.
import { logitFeatures, productKeys } from "./attributes";
import { beliefEvidence, emptyBeliefs, updateBeliefs } from "./beliefs";
import { emptyMixture, updateMixture } from "./taste-mixture";
import {
  EMA_ALPHA,
  EMA_TARGET,
  LOGIT_INITIAL_BIAS,
  LOGIT_L2,
  LOGIT_LEARNING_RATE,
  LOGIT_QUIZ_PRIOR,
  PREF_MAX,
  PREF_MIN,
  QUIZ_PRIOR,
  RECENT_PASSES_KEPT,
  RECENT_SWIPES_KEPT,
  VISUAL_ALPHA_LIKE,
  VISUAL_ALPHA_SUPERLIKE,
  VISUAL_PASS_PUSH,
} from "./config";
import { attributeKey } from "./text";
import {
  ATTRIBUTE_KINDS,
  type AttributeTable,
  type FeedbackAction,
  type FeedbackEvent,
  type PreferenceState,
  type Product,
  type QuizAnswers,
} from "./types";

function table(): AttributeTable {
  return { colour: {}, style: {}, articleType: {}, category: {}, brand: {}, priceBand: {} };
}

function cloneTable(t: AttributeTable): AttributeTable {
  const out = table();
  for (const k of ATTRIBUTE_KINDS) out[k] = { ...t[k] };
  return out;
}

/** Quiz answers as normalised attribute values (categories match article types and categories). */
export function quizTable(quiz: QuizAnswers): AttributeTable {
  const t = table();
  const put = (kind: keyof AttributeTable, values: string[]) => {
    for (const v of values) {
      const key = attributeKey(v);
      if (key) t[kind][key] = 1;
    }
  };
  put("colour", quiz.colours);
  put("style", quiz.styles);
  put("brand", quiz.brands);
  put("articleType", quiz.categories);
  put("category", quiz.categories);
  return t;
}

/** Fresh state for a shopper who answered the quiz: quiz values start at QUIZ_PRIOR. */
export function initialState(quiz: QuizAnswers): PreferenceState {
  const quizValues = quizTable(quiz);
  const prefs = table();
  const weights = table();
  for (const k of ATTRIBUTE_KINDS)
    for (const v of Object.keys(quizValues[k])) {
      prefs[k][v] = QUIZ_PRIOR;
      weights[k][v] = LOGIT_QUIZ_PRIOR;
    }
  return {
    version: 1,
    counts: { like: 0, pass: 0, superlike: 0, total: 0 },
    prefs,
    likeCounts: table(),
    passCounts: table(),
    quizValues,
    productPasses: {},
    lastPasses: [],
    liked: [],
    superliked: [],
    seen: { articleType: {}, category: {}, colour: {} },
    logit: { bias: LOGIT_INITIAL_BIAS, weights },
    beliefs: emptyBeliefs(),
    mixture: emptyMixture(),
    recent: [],
    visual: null,
  };
}

function clip(x: number): number {
  return x < PREF_MIN ? PREF_MIN : x > PREF_MAX ? PREF_MAX : x;
}

export interface EventExtras {
  /** the product's image embedding (L2-normalised), if any */
  vector?: Float32Array | readonly number[] | null;
  modelId?: string | null;
}

function updateVisual(
  prev: PreferenceState["visual"],
  action: FeedbackAction,
  extras: EventExtras | undefined,
): PreferenceState["visual"] {
  const v = extras?.vector;
  const modelId = extras?.modelId;
  if (!v || !modelId) return prev;
  // A model change starts a new profile: vectors from different models never mix.
  const base = prev && prev.modelId === modelId && prev.vector.length === v.length ? prev : null;
  if (action === "pass") {
    if (!base || base.likes === 0) return prev;
    const vector = base.vector.map((p, i) => p - VISUAL_PASS_PUSH * v[i]);
    return { modelId, vector, likes: base.likes };
  }
  const a = action === "superlike" ? VISUAL_ALPHA_SUPERLIKE : VISUAL_ALPHA_LIKE;
  if (!base) return { modelId, vector: Array.from(v, (x) => x * 1), likes: 1 };
  const vector = base.vector.map((p, i) => (1 - a) * p + a * v[i]);
  return { modelId, vector, likes: base.likes + 1 };
}

/**
 * Apply one feedback event. Pure: never mutates `state`, returns a new state.
 * Every attribute value of the product moves by p <- (1 - a) p + a * target.
 */
export function applyEvent(
  state: PreferenceState,
  product: Product,
  action: FeedbackAction,
  extras?: EventExtras,
): PreferenceState {
  const keys = productKeys(product);
  const target = EMA_TARGET[action];
  const prefs = cloneTable(state.prefs);
  const likeCounts = cloneTable(state.likeCounts);
  const passCounts = cloneTable(state.passCounts);
  for (const kind of ATTRIBUTE_KINDS) {
    for (const v of keys[kind]) {
      const p = prefs[kind][v] ?? 0;
      prefs[kind][v] = clip((1 - EMA_ALPHA) * p + EMA_ALPHA * target);
      const counts = action === "pass" ? passCounts : likeCounts;
      counts[kind][v] = (counts[kind][v] ?? 0) + 1;
    }
  }
  // one SGD step of the logistic model (like/superlike = 1, pass = 0)
  const features = logitFeatures(keys);
  let margin = state.logit.bias;
  for (const [kind, v, x] of features) margin += (state.logit.weights[kind][v] ?? 0) * x;
  const err = (action === "pass" ? 0 : 1) - 1 / (1 + Math.exp(-margin));
  const weights = cloneTable(state.logit.weights);
  for (const [kind, v, x] of features) {
    const w = weights[kind][v] ?? 0;
    weights[kind][v] = w + LOGIT_LEARNING_RATE * (err * x - LOGIT_L2 * w);
  }
  const logit = { bias: state.logit.bias + LOGIT_LEARNING_RATE * 0.1 * err, weights };

  const seen = {
    articleType: { ...state.seen.articleType },
    category: { ...state.seen.category },
    colour: { ...state.seen.colour },
  };
  for (const v of keys.articleType) seen.articleType[v] = (seen.articleType[v] ?? 0) + 1;
  for (const v of keys.category) seen.category[v] = (seen.category[v] ?? 0) + 1;
  for (const v of keys.colour) seen.colour[v] = (seen.colour[v] ?? 0) + 1;

  const id = product.id;
  let productPasses = state.productPasses;
  let lastPasses = state.lastPasses;
  let liked = state.liked;
  let superliked = state.superliked;
  if (action === "pass") {
    productPasses = { ...state.productPasses, [String(id)]: (state.productPasses[String(id)] ?? 0) + 1 };
    lastPasses = [...state.lastPasses.filter((x) => x !== id), id].slice(-RECENT_PASSES_KEPT);
  } else if (action === "like") {
    if (!liked.includes(id)) liked = [...liked, id];
  } else if (!superliked.includes(id)) {
    superliked = [...superliked, id];
  }
  return {
    version: 1,
    counts: {
      like: state.counts.like + (action === "like" ? 1 : 0),
      pass: state.counts.pass + (action === "pass" ? 1 : 0),
      superlike: state.counts.superlike + (action === "superlike" ? 1 : 0),
      total: state.counts.total + 1,
    },
    prefs,
    likeCounts,
    passCounts,
    quizValues: state.quizValues,
    productPasses,
    lastPasses,
    liked,
    superliked,
    seen,
    logit,
    beliefs: updateBeliefs(state.beliefs, state.quizValues, keys, action),
    mixture: updateMixture(state.mixture, state.quizValues, product, action, beliefEvidence(state.beliefs, state.quizValues, keys, action)),
    recent: [...(state.recent ?? []), id].slice(-RECENT_SWIPES_KEPT),
    visual: updateVisual(state.visual, action, extras),
  };
}

/**
 * Rebuild the state from the quiz and the event log (in log order). Events whose product
 * is unknown are skipped. Undo = replay without the undone event.
 */
export function replayEvents(
  quiz: QuizAnswers,
  events: readonly FeedbackEvent[],
  productById: ReadonlyMap<number, Product>,
  vectorById?: { modelId: string; byId: ReadonlyMap<number, Float32Array> } | null,
): PreferenceState {
  let state = initialState(quiz);
  for (const e of events) {
    const product = productById.get(e.productId);
    if (!product) continue;
    const vector = vectorById?.byId.get(e.productId) ?? null;
    state = applyEvent(state, product, e.action, vector ? { vector, modelId: vectorById!.modelId } : undefined);
  }
  return state;
}

/** Feedback count n used by the blend schedule and epsilon. */
export function feedbackCount(state: PreferenceState): number {
  return state.counts.like + state.counts.pass + state.counts.superlike;
}
