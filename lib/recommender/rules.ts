// Business rules: quiz hard filters, exclusions (hard / soft) and batch rules
// (at most 3 items of one article type per 10 cards, no duplicates).
// Pure: must not import anything outside lib/recommender.
import { productKeys } from "./attributes";
import {
  BATCH_WINDOW,
  DEMOTE_MIN_PASSES,
  DEMOTE_PENALTY,
  MAX_PER_ARTICLE_TYPE,
  PASS_EXCLUDE_COUNT,
  SOFT_EXCLUSION_PENALTY,
} from "./config";
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

/** Compiled exclusion lookup for one state. */
export function exclusions(state: PreferenceState): (productId: number) => ExclusionStatus {
  const liked = new Set<number>([...state.liked, ...state.superliked]);
  const recent = new Set<number>(state.lastPasses);
  return (id) => {
    if (liked.has(id)) return "hard";
    const passes = state.productPasses[String(id)] ?? 0;
    if (passes === 0) return "none";
    if (recent.has(id) || passes >= PASS_EXCLUDE_COUNT) return "hard";
    return "soft";
  };
}

/** Penalty: soft exclusion + demotion of brands / article types passed repeatedly. */
export function penaltyFor(p: Product, status: ExclusionStatus, state: PreferenceState): { total: number; soft: boolean; demoted: string[] } {
  let total = status === "soft" ? SOFT_EXCLUSION_PENALTY : 0;
  const demoted: string[] = [];
  const keys = productKeys(p);
  for (const kind of ["brand", "articleType"] as const) {
    for (const v of keys[kind]) {
      const passes = state.passCounts[kind][v] ?? 0;
      const likes = state.likeCounts[kind][v] ?? 0;
      if (passes >= DEMOTE_MIN_PASSES && likes === 0) {
        total += DEMOTE_PENALTY;
        demoted.push(v);
      }
    }
  }
  return { total, soft: status === "soft", demoted };
}

/** Fast penalty scorer for the hot loop (same totals as penaltyFor). */
export function penaltyScorer(state: PreferenceState): (p: Product, status: ExclusionStatus) => number {
  const demoted = { brand: new Set<string>(), articleType: new Set<string>() };
  for (const kind of ["brand", "articleType"] as const)
    for (const [v, passes] of Object.entries(state.passCounts[kind]))
      if (passes >= DEMOTE_MIN_PASSES && (state.likeCounts[kind][v] ?? 0) === 0) demoted[kind].add(v);
  const soft = SOFT_EXCLUSION_PENALTY;
  const per = DEMOTE_PENALTY;
  const none = demoted.brand.size === 0 && demoted.articleType.size === 0;
  return (p, status) => {
    let total = status === "soft" ? soft : 0;
    if (none) return total;
    const keys = productKeys(p);
    for (const v of keys.brand) if (demoted.brand.has(v)) total += per;
    for (const v of keys.articleType) if (demoted.articleType.has(v)) total += per;
    return total;
  };
}

/**
 * Builds one batch: rejects duplicates (within the batch and `excludeIds`) and enforces at
 * most MAX_PER_ARTICLE_TYPE of one article type in any BATCH_WINDOW consecutive cards.
 */
export class BatchBuilder<T extends { product: Product }> {
  readonly items: T[] = [];
  private readonly used: Set<number>;
  /** lower-cased article type of each item (compared once per check, not per item) */
  private readonly types: string[] = [];

  constructor(excludeIds: Iterable<number> = []) {
    this.used = new Set(excludeIds);
  }

  has(id: number): boolean {
    return this.used.has(id);
  }

  canAdd(p: Product): boolean {
    if (this.used.has(p.id)) return false;
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
  add(item: T): boolean {
    if (this.used.has(item.product.id)) return false;
    this.used.add(item.product.id);
    this.items.push(item);
    this.types.push(item.product.articleType.toLowerCase());
    return true;
  }
}

/** Applies batch rules to a ranked list: greedy, then backfills if the cap leaves it short. */
export function applyBatchRules<T extends { product: Product }>(ranked: readonly T[], limit: number, excludeIds: Iterable<number> = []): T[] {
  const b = new BatchBuilder<T>(excludeIds);
  const deferred: T[] = [];
  for (const item of ranked) {
    if (b.items.length >= limit) break;
    if (b.has(item.product.id)) continue;
    if (b.canAdd(item.product)) b.add(item);
    else deferred.push(item);
  }
  for (const item of deferred) {
    if (b.items.length >= limit) break;
    b.add(item);
  }
  return b.items;
}
