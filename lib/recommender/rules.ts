// Business rules: quiz hard filters, exclusions (hard / soft), penalties (soft exclusion,
// demoted brands / article types, dropped quiz answers) and the batch assembly with its rules
// over the displayed sequence (at most 3 items of one article type in any 10 consecutive
// cards, counting the cards the shopper already has; no duplicates; no near-duplicates
// side by side; exploration slots). rank.ts runs these.
// Pure: must not import anything outside lib/recommender.
import {
  BATCH_WINDOW,
  DEMOTE_MIN_PASSES,
  DEMOTE_PENALTY,
  DEMOTE_QUIZ_PENALTY,
  MAX_PER_ARTICLE_TYPE,
  PASS_EXCLUDE_COUNT,
  SOFT_EXCLUSION_PENALTY,
} from "./config";
import type { Rng } from "./random";
import type { PreferenceState, Product, QuizAnswers } from "./types";

/** Compiled quiz filters (build once per call, test many products). */
export interface HardFilter {
  (p: Product): boolean;
}

export function hardFilter(quiz: QuizAnswers): HardFilter {
  const gender = quiz.gender;
  const sizes = quiz.sizes.length ? new Set(quiz.sizes.map((s) => s.trim().toUpperCase())) : null;
  const min = quiz.budget.minCents;
  const max = quiz.budget.maxCents;
  return (p) => {
    if (p.hidden) return false;
    if (gender && p.gender !== gender && p.gender !== "unisex") return false;
    if (sizes && p.sizes.length > 0 && !p.sizes.some((s) => sizes.has(s.trim().toUpperCase()))) return false;
    if (p.priceCents !== null) {
      if (min !== null && p.priceCents < min) return false;
      if (max !== null && p.priceCents > max) return false;
    }
    return true;
  };
}

export type ExclusionStatus = "hard" | "soft" | "none";

/**
 * Compiled exclusion lookup for one state: liked or superliked, among the last
 * RECENT_PASSES_KEPT passes, or passed PASS_EXCLUDE_COUNT+ times -> "hard" (never shown);
 * passed otherwise (once, a while ago) -> "soft" (ranked lower); else "none".
 */
export function exclusions(state: PreferenceState): (productId: number) => ExclusionStatus {
  const liked = new Set<number>([...state.liked, ...state.superliked]);
  const recent = new Set<number>(state.lastPasses);
  const passes = new Map<number, number>();
  for (const [key, count] of Object.entries(state.productPasses)) passes.set(Number(key), count);
  return (id) => {
    if (liked.has(id)) return "hard";
    const count = passes.get(id) ?? 0;
    if (count === 0) return "none";
    if (recent.has(id) || count >= PASS_EXCLUDE_COUNT) return "hard";
    return "soft";
  };
}

/**
 * Eligibility of a product for one request: "hard" also for hidden products, products the
 * quiz filters out and `excludeIds` (e.g. cards already in the client's buffer).
 * Every ranker (rank.ts and the scorers.ts adapters) decides exclusion through this.
 */
export function eligibility(quiz: QuizAnswers, state: PreferenceState, excludeIds: Iterable<number> = []): (p: Product) => ExclusionStatus {
  const filter = hardFilter(quiz);
  const status = exclusions(state);
  const exclude = new Set(excludeIds);
  return (p) => (exclude.has(p.id) || !filter(p) ? "hard" : status(p.id));
}

/** A value passed DEMOTE_MIN_PASSES+ times and never liked is demoted. */
export function isDemoted(passes: number, likes: number): boolean {
  return likes === 0 && passes >= DEMOTE_MIN_PASSES;
}

/** Values of one kind the rule above demotes. */
export function demotedValues(state: PreferenceState, kind: "brand" | "articleType" | "colour" | "category"): string[] {
  const out: string[] = [];
  for (const [v, count] of Object.entries(state.passCounts[kind])) if (isDemoted(count, state.likeCounts[kind][v] ?? 0)) out.push(v);
  return out;
}

/**
 * Quiz answers the shopper's swipes overrule: quiz article types / categories and colours
 * passed DEMOTE_MIN_PASSES+ times and never liked. rank.ts takes the quiz's prior back from
 * their beliefs (their learned evidence stays), stops counting them as answers and gives
 * their items DEMOTE_QUIZ_PENALTY, so they leave the next cards until a like brings them back.
 */
export function droppedQuizValues(state: PreferenceState): { articleType: string[]; category: string[]; colour: string[] } {
  const q = state.quizValues;
  return {
    articleType: demotedValues(state, "articleType").filter((v) => q.articleType[v]),
    category: demotedValues(state, "category").filter((v) => q.category[v]),
    colour: demotedValues(state, "colour").filter((v) => q.colour[v]),
  };
}

// module-local copies: penalty() runs once per product in rank.ts's hot loop, where reading
// an imported binding can cost a getter call (CommonJS-transpiled modules)
const SOFT_PENALTY = SOFT_EXCLUSION_PENALTY;
const PER_DEMOTED = DEMOTE_PENALTY;
const QUIZ_DROPPED = DEMOTE_QUIZ_PENALTY;

/**
 * Score penalty of a product: soft exclusion, DEMOTE_PENALTY per demoted brand / article
 * type, and DEMOTE_QUIZ_PENALTY when it carries a dropped quiz answer.
 */
export function penalty(soft: boolean, demoted: number, quizDropped = false): number {
  return (soft ? SOFT_PENALTY : 0) + PER_DEMOTED * demoted + (quizDropped ? QUIZ_DROPPED : 0);
}

/** Lower-cased, whitespace-collapsed product name (near-duplicate check). */
function nameKey(p: Product): string {
  return p.name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Same name or same picture: never side by side. */
export function nearDuplicates(a: Product, b: Product): boolean {
  return a.id === b.id || nameKey(a) === nameKey(b) || (a.image !== null && a.image === b.image);
}

/**
 * One batch being built after the cards the shopper already has (`context`, in display
 * order): rejects duplicates and near-duplicates of the previous card, and knows how many
 * cards of an article type the window holds (at most MAX_PER_ARTICLE_TYPE in any
 * BATCH_WINDOW consecutive cards, context included).
 */
class BatchBuilder<T extends { product: Product }> {
  readonly items: T[] = [];
  private readonly used = new Set<number>();
  /** lower-cased article type of each card, context first (compared once per check, not per item) */
  private readonly types: string[] = [];
  private last: Product | null = null;
  private outside = 0;
  /** false while a slot cannot be filled within the quota (the cap and duplicates come first) */
  quotaOn = true;

  constructor(
    context: readonly Product[] = [],
    private readonly quota: QuizQuota | null = null,
  ) {
    for (const p of context.slice(-(BATCH_WINDOW - 1))) {
      this.types.push(p.articleType.toLowerCase());
      this.last = p;
    }
  }

  has(id: number): boolean {
    return this.used.has(id);
  }

  canAdd(p: Product): boolean {
    if (this.used.has(p.id)) return false;
    if (this.last && nearDuplicates(this.last, p)) return false;
    const q = this.quota;
    if (q && this.quotaOn && this.items.length < q.positions && this.outside >= q.maxOutside && !q.inside(p)) return false;
    return this.typeCount(p) < MAX_PER_ARTICLE_TYPE;
  }

  /** Cards of the product's article type among the last BATCH_WINDOW - 1 cards. */
  typeCount(p: Product): number {
    const type = p.articleType.toLowerCase();
    let count = 0;
    const start = Math.max(0, this.types.length - (BATCH_WINDOW - 1));
    for (let i = start; i < this.types.length; i++) if (this.types[i] === type) count++;
    return count;
  }

  /** Adds without the type check (backfill when the rules cannot be met); never duplicates. */
  add(item: T): void {
    if (this.used.has(item.product.id)) return;
    this.used.add(item.product.id);
    this.items.push(item);
    this.types.push(item.product.articleType.toLowerCase());
    this.last = item.product;
    if (this.quota && !this.quota.inside(item.product)) this.outside++;
  }
}

/**
 * Cold start with quiz categories: of the next `positions` cards at most `maxOutside` may be
 * outside them (`inside`), wherever the candidates and the pool allow it.
 */
export interface QuizQuota {
  inside: (p: Product) => boolean;
  positions: number;
  maxOutside: number;
}

export type BatchSource = "ranked" | "explore";

export interface BatchOptions<T> {
  /**
   * Score a card loses for the `sameType` cards of its article type already in the window
   * (>= 0; rank.ts: one probe per unconfirmed type tells more than three). Default 0.
   */
  repeatPenalty?: (item: T, sameType: number) => number;
  /** Exploration slots: each slot is one with probability `rate`; `pick` draws an item the batch allows (or null). */
  explore?: { rate: number; rng: Rng; pick: (allowed: (p: Product) => boolean) => T | null };
  /** The cards the shopper already has, in display order (recent swipes, then the buffer): the window continues them. */
  context?: readonly Product[];
  /** When no candidate keeps the rules: the best item of the whole eligible pool that does (or null). */
  fallback?: (allowed: (p: Product) => boolean) => T | null;
  /** the first cards honour the quiz's categories (QuizQuota) */
  quota?: QuizQuota | null;
}

/**
 * The batch `recommend` returns, from candidates sorted best first: per slot, an exploration
 * pick with probability `explore.rate`, else the best candidate by score minus the repeat
 * penalty that keeps the batch rules (no duplicates, no near-duplicate next to its twin, at
 * most MAX_PER_ARTICLE_TYPE of one article type in any BATCH_WINDOW consecutive cards,
 * `context` included); when no candidate keeps them, the `fallback` pick from the whole
 * pool; when nothing does (the catalog does not allow it), backfill in rank order.
 */
export function assembleBatch<T extends { product: Product; score: number }>(
  ranked: readonly T[],
  limit: number,
  opts: BatchOptions<T> = {},
): Array<T & { source: BatchSource }> {
  const batch = new BatchBuilder<T & { source: BatchSource }>(opts.context, opts.quota ?? null);
  const allowed = (p: Product) => batch.canAdd(p);
  const { repeatPenalty, explore, fallback } = opts;
  while (batch.items.length < limit) {
    if (explore && explore.rng() < explore.rate) {
      const item = explore.pick(allowed);
      if (item) {
        batch.add({ ...item, source: "explore" });
        continue;
      }
    }
    const best = bestAllowed(ranked, batch, repeatPenalty);
    if (best >= 0) {
      batch.add({ ...ranked[best], source: "ranked" });
      continue;
    }
    const wider = fallback?.(allowed);
    if (wider) {
      batch.add({ ...wider, source: "ranked" });
      continue;
    }
    if (batch.quotaOn && opts.quota) {
      // the quiz quota cannot be kept with the other rules: this slot goes without it
      batch.quotaOn = false;
      const slot = bestAllowed(ranked, batch, repeatPenalty);
      const item = slot >= 0 ? ranked[slot] : fallback?.(allowed);
      batch.quotaOn = true;
      if (item) {
        batch.add({ ...item, source: "ranked" });
        continue;
      }
    }
    // rules cannot be met from the catalog: backfill in rank order, then stop
    const item = ranked.find((x) => !batch.has(x.product.id));
    if (!item) break;
    batch.add({ ...item, source: "ranked" });
  }
  return batch.items;
}

/** Index of the best candidate the batch allows, by score minus the repeat penalty; -1 when none. */
function bestAllowed<T extends { product: Product; score: number }>(
  ranked: readonly T[],
  batch: BatchBuilder<T & { source: BatchSource }>,
  repeatPenalty: BatchOptions<T>["repeatPenalty"],
): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let r = 0; r < ranked.length; r++) {
    const item = ranked[r];
    if (item.score <= bestScore) break; // sorted by score and the penalty is >= 0: no later item wins
    if (!batch.canAdd(item.product)) continue;
    const eff = repeatPenalty ? item.score - repeatPenalty(item, batch.typeCount(item.product)) : item.score;
    if (eff > bestScore) {
      bestScore = eff;
      best = r;
    }
  }
  return best;
}
