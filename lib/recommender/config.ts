// Every tunable number of the recommender, defined once.
// Pure: must not import anything outside lib/recommender.

/** Blend weights by feedback count n = likes + passes + superlikes (DESIGN.md section 3). */
export const BLEND_SCHEDULE = [
  { maxN: 5, weights: { content: 0.6, collaborative: 0.2, visual: 0.2 } }, // n < 5
  { maxN: 20, weights: { content: 0.4, collaborative: 0.4, visual: 0.2 } }, // 5 <= n < 20
  { maxN: Infinity, weights: { content: 0.3, collaborative: 0.5, visual: 0.2 } }, // n >= 20
] as const;

/** Attribute EMA: p <- (1 - a) * p + a * target. */
export const EMA_ALPHA = 0.3;
export const EMA_TARGET = { like: 1, superlike: 2, pass: -1 } as const;
/** EMA values are clipped to [PREF_MIN, PREF_MAX] (superlike target 2 is clipped here). */
export const PREF_MIN = -1;
export const PREF_MAX = 1.5;
/** Initial EMA value for attributes the shopper picked in the quiz. */
export const QUIZ_PRIOR = 0.5;

/** How much each attribute kind contributes to the preference score (normalised by the sum). */
export const ATTRIBUTE_WEIGHTS = {
  articleType: 1.0,
  colour: 0.8,
  style: 0.5,
  category: 0.2,
  brand: 0.3,
  priceBand: 0.2,
} as const;

/** Price bands in USD cents: upper bounds (exclusive); the last band is open. */
export const PRICE_BANDS = [
  { id: "under-30", maxCents: 3000 },
  { id: "30-60", maxCents: 6000 },
  { id: "60-120", maxCents: 12000 },
  { id: "120-250", maxCents: 25000 },
  { id: "250-plus", maxCents: Infinity },
] as const;

/** Online logistic regression over attribute values (learning.ts): one SGD step per event. */
export const LOGIT_LEARNING_RATE = 0.6;
export const LOGIT_L2 = 0.01; // shrinkage of the weights the event touches
export const LOGIT_INITIAL_BIAS = -1.4; // about a 20% like rate before any feedback
export const LOGIT_QUIZ_PRIOR = 0.7; // initial weight of quiz answers
/** Attribute kinds in the logistic model and the feature value of each (split over the values). */
export const LOGIT_FEATURE_SCALE = {
  articleType: 1,
  colour: 1,
  style: 1,
  category: 0.5,
  brand: 0.5,
  priceBand: 0.5,
} as const;

/**
 * Attribute affinity (smoothed like-rate lift per attribute value, from the like/pass counts
 * kept next to the EMA): log(rate_v / rate_all), rate_v = (likes_v + M * rate_all) / (n_v + M).
 * A pass is ambiguous (which attribute caused it?), and with symmetric EMA targets a value the
 * shopper likes half the time sits near 0 like an unseen one; the lift separates them.
 */
export const AFFINITY_SMOOTHING = 5; // M
export const AFFINITY_QUIZ_PSEUDO_LIKES = 1; // quiz answers count as this many likes
/** preference = EMA_SHARE * EMA score + AFFINITY_SHARE * affinity + LOGIT_SHARE * (logit - bias) */
export const PREFERENCE_EMA_SHARE = 0.5;
export const PREFERENCE_AFFINITY_SHARE = 1.0;
export const PREFERENCE_LOGIT_SHARE = 0.25;

/**
 * The taste model's share of the final score. Final score = TASTE_SHARE * taste + (1 -
 * TASTE_SHARE) * (the BLEND_SCHEDULE blend of content, collaborative and visual) - penalty,
 * where taste = P(like) under the taste beliefs (beliefs.ts) + TASTE_ATTRIBUTE_SHARE * the
 * attribute preference (EMA + logistic + affinity tables), clamped to [0, 1]. Every signal is
 * in [0, 1], so the weights recommend() returns (and the learning panel shows) are the
 * shares that rank. 0.8 keeps the measured balance of the earlier unnamed form (5 x P(like)
 * beside a blend spread of 1).
 */
export const TASTE_SHARE = 0.8;
export const TASTE_ATTRIBUTE_SHARE = 0.04;
/** Penalty for a soft-excluded item (passed once, no longer among the last passes), in score units. */
export const SOFT_EXCLUSION_PENALTY = 0.1;
/** Demotion of brands / article types / colours passed repeatedly. */
export const DEMOTE_MIN_PASSES = 3; // passes of a value never liked before demotion
export const DEMOTE_PENALTY = 0.03; // per demoted attribute (brand, article type)
/**
 * A quiz answer the shopper keeps passing is dropped (rules.ts droppedQuizValues): its quiz
 * prior and quiz match no longer count and its items lose this much.
 */
export const DEMOTE_QUIZ_PENALTY = 1;

/** Content profile: liked vectors weight 1 (superlike SUPERLIKE_MULTIPLIER), passes subtract PASS_WEIGHT. */
export const SUPERLIKE_MULTIPLIER = 2;
export const CONTENT_PASS_WEIGHT = 0.3;
export const CONTENT_QUIZ_WEIGHT = 1.0;
/**
 * Multi-modal tastes (e.g. dresses AND sneakers) blur a single centroid, so content and visual
 * scores mix the centroid cosine with the best cosine to one recent liked item:
 * score = (1 - NEAREST_SHARE) * centroid + NEAREST_SHARE * max over the last NEAREST_LIKES likes.
 */
export const NEAREST_SHARE = 0;
export const NEAREST_LIKES = 20;
/** Attribute fields repeated this many times in the TF-IDF document (emphasis). */
export const CONTENT_ATTRIBUTE_REPEAT = 2;

/** Visual profile EMA: p <- (1 - b) * p + b * v for likes; passes push away slightly. */
export const VISUAL_ALPHA_LIKE = 0.3;
export const VISUAL_ALPHA_SUPERLIKE = 0.5;
export const VISUAL_PASS_PUSH = 0.05;

/** Collaborative user-kNN. */
export const KNN_K = 30;
export const KNN_SHRINKAGE = 5; // sim * overlap / (overlap + shrinkage)
export const COLLAB_RATING = { like: 1, superlike: 2, pass: -1 } as const;
/** Top collaborative items added to the stage-1 candidates regardless of cheap score. */
export const COLLAB_CANDIDATES = 50;

/** Exploration: epsilon(n) = floor + (start - floor) * exp(-n / decay). */
export const EPSILON_START = 0.3;
export const EPSILON_FLOOR = 0.05;
export const EPSILON_DECAY = 6;
/** An exploration slot picks randomly among the best EXPLORE_TOP_PER_GROUP of the chosen group. */
export const EXPLORE_TOP_PER_GROUP = 1;
/** Exploration weighs article types also by min(1, eligible items / BELIEF_TYPE_MIN_ITEMS). */
export const EXPLORE_SIZE_WEIGHT = true;
/** After the article type, draw the least-seen colour within it (else: best item of the type). */
export const EXPLORE_COLOUR_STEP = true;

/** Exclusions and batch rules. */
export const RECENT_PASSES_KEPT = 3; // a passed item is excluded while among the last 3 passes
export const PASS_EXCLUDE_COUNT = 2; // ... or once passed 2+ times
export const BATCH_WINDOW = 10; // at most MAX_PER_ARTICLE_TYPE of one article type per 10 cards
export const MAX_PER_ARTICLE_TYPE = 3;
/** Of a deck's first BATCH_WINDOW cards, at most this many outside the quiz's categories (when it names any). */
export const QUIZ_FIRST_CARDS_OUTSIDE = 2;
/** Swipes kept in the state (oldest first) so a new batch continues the displayed sequence. */
export const RECENT_SWIPES_KEPT = BATCH_WINDOW - 1;

/** Two-stage pipeline. */
export const CANDIDATE_STAGE_SIZE = 300;
/** Stage-1 cheap score (candidate generation, not the final ranking) = visual (min-max over the pool) + attribute preference + BELIEF_WEIGHT * P(like) + quiz match. */
export const CHEAP_WEIGHTS = { visual: 1.0, preference: 1.0, quiz: 0.5 } as const;
/** Tiny seeded jitter so cold-start ties do not always favour the lowest ids. */
export const CHEAP_JITTER = 1e-3;

/** Explanations: an attribute counts as "liked" above this EMA value. */
export const EXPLAIN_MIN_PREF = 0.1;

/** Offline evaluation defaults. */
export const EVAL_K = 10;
export const EVAL_TEST_FRACTION = 0.2;
export const EVAL_KNN_K = 50;

/**
 * Taste beliefs (beliefs.ts): P(value is part of the taste) per article type / colour /
 * style, updated by Bayes on "like = wanted type AND (liked colour OR liked style)".
 */
export const BELIEF_NOISE = 0.1; // share of swipes that contradict the taste
export const BELIEF_QUIZ = 0.9; // prior of a value picked in the quiz
export const BELIEF_TYPE_PRIOR = 0.2; // prior of any other article type (a taste has a few of dozens)
/** ... scaled down by eligible items / this for article types with fewer eligible items. */
export const BELIEF_TYPE_MIN_ITEMS = 16;
export const BELIEF_COLOUR_PRIOR = 0.05;
export const BELIEF_STYLE_PRIOR = 0.15; // no style in the quiz: one of a handful
export const BELIEF_STYLE_PRIOR_AFTER_QUIZ = 0.03;
export const BELIEF_SUPERLIKE_PARTIAL = 0.3; // superlike likelihood when only colour or style matches
export const BELIEF_MIN = 0.002;
export const BELIEF_MAX = 0.995;
/** Weight of P(like) under the beliefs in the stage-1 (candidate) score. */
export const BELIEF_WEIGHT = 5;
/** In one batch, the k-th extra card of a not-yet-confirmed type loses k * this * (1 - P(type)) * the taste weight. */
export const BATCH_REPEAT_PENALTY = 0.1;

/**
 * Trained collaborative models (collab-model.ts; DESIGN.md section 3). Each model maps the
 * swipe codes to its own values; the served kind is chosen by `servedCollabKind` below, from
 * the numbers of `npm run eval` (README: evaluation table).
 */
/** item-kNN: cosine over the like/superlike/pass matrix with these values; N neighbours per item. */
export const ITEM_KNN_RATING = { pass: -1, like: 1, superlike: 2 } as const;
export const ITEM_KNN_NEIGHBOURS = 100;
/** sim = dot / (|i| |j| + shrinkage): damps similarities resting on a handful of shoppers. */
export const ITEM_KNN_SHRINKAGE = 2;
/**
 * Implicit ALS (Hu, Koren, Volinsky 2008): preference p = 1 for likes and superlikes, 0 for
 * passes and unseen items; confidence c = 1 + ALS_ALPHA * weight. A pass is a
 * confidence-weighted zero (it says "not this" more firmly than an unseen item).
 */
export const ALS_FACTORS = 24;
export const ALS_ITERATIONS = 10;
export const ALS_REGULARIZATION = 20;
export const ALS_ALPHA = 3;
export const ALS_CONFIDENCE = { pass: 0.5, like: 1, superlike: 2 } as const;
/**
 * ALS-WR: lambda_u = lambda x the row's positives (Spark MLlib's scaling). Off: measured P@10
 * (tuning splits 101-102) with lambda 0.5 vs plain lambda 20: fashion "recommender" log 0.1792 vs
 * 0.1681, "popular" log 0.0462 vs 0.0521, planted groups 0.1474 vs 0.1520 (2 of 3 worse).
 */
export const ALS_WEIGHTED_REGULARIZATION = false;
/** Conjugate-gradient steps per row and half-iteration (the `implicit` library's default: 3). */
export const ALS_CG_STEPS = 3;
/** Iterations when the trainer starts from the previous model's item factors. */
export const ALS_WARM_ITERATIONS = 4;
/**
 * EASE^R (Steck 2019): B = I - P diag(1/diag P), P = (X'X + lambda I)^-1, X with these values.
 * Passes are left out of X: as -0.5 they cost P@10 on the fashion "recommender" log (lambda 30:
 * 0.1772 vs 0.2000). lambda searched over 10..3000 on tuning splits 101-103: best 30 on the
 * "recommender" log (0.2000; 100: 0.1975), 100-300 on "popular" (0.0509), 100 on planted
 * groups (0.1426): 100 is within 1.3% of the best everywhere.
 */
export const EASE_RATING = { pass: 0, like: 1, superlike: 1.5 } as const;
export const EASE_LAMBDA = 100;
/**
 * EASE^R is dense item x item: n^2 float64 while training (3,000 items = 72 MB) and about n^3
 * flops to invert (symmetric sweep; 2,000 items: about 8 s of CPU in JS); above this many rated items
 * the served model is ALS (factors: items x ALS_FACTORS floats).
 */
export const EASE_MAX_ITEMS = 3000;
/**
 * The kinds served, by rated items: EASE^R up to EASE_MAX_ITEMS, ALS above. Measured (tuning
 * splits 101-103, P@10) on the simulated shoppers' logs of the 2,022-product fashion dataset,
 * EASE^R is best on the "recommender" deck (the app's own ranking, how its log arises)
 * EASE 0.1975, ALS 0.1684, user-kNN 0.1587, item-kNN 0.1514, most-popular 0.0553; "popular"
 * deck ALS 0.0528, EASE 0.0509 (both 1.5x user-kNN), user-kNN 0.0333, item-kNN 0.0234, most-popular 0.0410. On
 * the planted groups (800 items) EASE^R (0.1426) is below user-kNN (~0.150) and ALS (0.152):
 * the app's catalogs and logs decide. Above EASE_MAX_ITEMS EASE^R is too big and slow to
 * train, so ALS (second on the app-like logs, item factors only, CG training) is served.
 */
export const COLLAB_SERVED = { small: "ease", large: "als" } as const;
/** A request's collaborative map holds this many best-scored items (not the whole catalog). */
export const COLLAB_SCORE_TOP = 1000;

/** Background trainer (lib/training): schedule, trigger, lease, versions kept, instance poll. */
export const TRAINER_INTERVAL_MS = 10 * 60_000; // retrain at least this often when anything changed
export const TRAINER_MIN_NEW_EVENTS = 2000; // ... and as soon as this many new events arrived
export const TRAINER_MIN_NEW_FRACTION = 0.2; // ... or, on a smaller log, this fraction of it (at least TRAINER_FIRST_MODEL_EVENTS)
export const TRAINER_FIRST_MODEL_EVENTS = 50; // the first model: once this many events arrived ...
export const TRAINER_FIRST_MODEL_MS = 3 * 60_000; // ... or this long after the first event was seen
export const TRAINER_CHECK_MS = 30_000; // how often the trainer looks for new events
export const TRAINER_LEASE_MS = 2 * 60_000; // a lease not renewed for this long is free
export const TRAINER_EVENT_PAGE = 50_000; // events read per query
export const MODEL_VERSIONS_KEPT = 3;
export const MODEL_POLL_MS = 15_000; // instances look for a newer model version this often
