// Dashboard numbers: like-rate by swipe index, swipes per shopper, catalog coverage, most
// liked / passed items and brands, blend-stage distribution (with the weights each stage
// uses) and the embedding mode. computeDashboard is pure (aggregates in, numbers out);
// loadDashboard reads the database. Server-only; must not import lib/feed or next.
import "server-only";
import { countEmbeddedVisible } from "@/lib/db/admin-products";
import { embeddingCounts } from "@/lib/db/embeddings";
import { feedbackAggregates, productBriefs, type FeedbackAggregates, type ProductBrief } from "@/lib/db/admin-stats";
import { embeddingStatus, type EmbeddingStatus } from "@/lib/embedding";
import { BLEND_SCHEDULE } from "@/lib/recommender/config";
import { blendWeights } from "@/lib/recommender/hybrid";
import type { BlendWeights } from "@/lib/recommender/types";

/** Swipe-index buckets (index = position + 1) and events-per-shopper buckets: [min, max]. */
export const INDEX_BUCKETS: readonly [number, number][] = [[1, 5], [6, 10], [11, 20], [21, 40], [41, Infinity]];
export const SESSION_BUCKETS: readonly [number, number][] = [[0, 0], [1, 4], [5, 9], [10, 19], [20, 39], [40, 79], [80, Infinity]];
const TOP_N = 8;

const label = ([min, max]: readonly [number, number]) => (max === Infinity ? `${min}+` : min === max ? `${min}` : `${min}-${max}`);
const rate = (pos: number, total: number) => (total > 0 ? pos / total : null);
const isPositive = (action: string) => action === "like" || action === "superlike";

export interface Tally {
  likes: number;
  superlikes: number;
  passes: number;
}
const emptyTally = (): Tally => ({ likes: 0, superlikes: 0, passes: 0 });
function add(t: Tally, action: string, n: number): void {
  if (action === "like") t.likes += n;
  else if (action === "superlike") t.superlikes += n;
  else if (action === "pass") t.passes += n;
}
const eventsOf = (t: Tally) => t.likes + t.superlikes + t.passes;

export interface ItemRow extends Tally {
  id: number;
  externalId: string;
  name: string;
  brand: string;
  imageUrl: string | null;
  hidden: boolean;
  events: number;
  likeRate: number | null;
}

export interface BrandRow extends Tally {
  brand: string;
  events: number;
  likeRate: number | null;
}

export interface StageRow {
  label: string;
  minN: number;
  maxN: number | null;
  shoppers: number;
  weights: BlendWeights;
}

export interface EmbeddingSummary {
  mode: EmbeddingStatus["mode"];
  modelId: string;
  dim: number;
  reason: string | null;
  embeddedVisible: number;
  visible: number;
  missingVisible: number;
  byModel: { modelId: string; count: number }[];
}

export interface Dashboard {
  totals: {
    shoppers: number;
    activeShoppers: number;
    events: number;
    likes: number;
    superlikes: number;
    passes: number;
    undone: number;
    likeRate: number | null;
  };
  likeRateByIndex: { bucket: string; events: number; positives: number; likeRate: number | null }[];
  unknownPosition: number;
  swipesPerSession: { bucket: string; shoppers: number }[];
  medianSwipes: number;
  coverage: { visible: number; ratedVisible: number; share: number | null };
  topLiked: ItemRow[];
  topPassed: ItemRow[];
  brandsLiked: BrandRow[];
  brandsPassed: BrandRow[];
  stages: StageRow[];
  embedding: EmbeddingSummary;
}

function stageRows(perShopper: number[]): StageRow[] {
  let min = 0;
  return BLEND_SCHEDULE.map((s) => {
    const maxN = s.maxN === Infinity ? null : s.maxN - 1;
    const row: StageRow = {
      label: maxN === null ? `n ≥ ${min}` : min === 0 ? `n < ${s.maxN}` : `${min} ≤ n < ${s.maxN}`,
      minN: min,
      maxN,
      shoppers: perShopper.filter((n) => n >= min && (maxN === null || n <= maxN)).length,
      weights: blendWeights(min, { taste: true, content: true, collaborative: true, visual: true }),
    };
    min = s.maxN;
    return row;
  });
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Pure: the dashboard from the feedback aggregates, the products and the embedding state. */
export function computeDashboard(
  agg: FeedbackAggregates,
  products: ProductBrief[],
  emb: { status: EmbeddingStatus; counts: Record<string, number>; embeddedVisible: number },
): Dashboard {
  const totals = emptyTally();
  for (const r of agg.byProduct) add(totals, r.action, r.count);

  const byIndex = INDEX_BUCKETS.map(() => ({ events: 0, positives: 0 }));
  for (const r of agg.byPosition) {
    const idx = r.key + 1;
    const b = INDEX_BUCKETS.findIndex(([min, max]) => idx >= min && idx <= max);
    if (b < 0) continue;
    byIndex[b].events += r.count;
    if (isPositive(r.action)) byIndex[b].positives += r.count;
  }

  const perShopperMap = new Map<string, number>();
  for (const r of agg.byShopper) perShopperMap.set(r.key, (perShopperMap.get(r.key) ?? 0) + r.count);
  const perShopper = [...perShopperMap.values()];
  const idle = Math.max(0, agg.shoppers - perShopper.length);
  const withIdle = [...perShopper, ...Array<number>(idle).fill(0)];

  const tallies = new Map<number, Tally>();
  for (const r of agg.byProduct) {
    const t = tallies.get(r.key) ?? emptyTally();
    add(t, r.action, r.count);
    tallies.set(r.key, t);
  }
  const byId = new Map(products.map((p) => [p.id, p]));
  const items: ItemRow[] = [];
  for (const [id, t] of tallies) {
    const p = byId.get(id);
    if (!p) continue;
    const events = eventsOf(t);
    items.push({
      id, externalId: p.externalId, name: p.name, brand: p.brand, imageUrl: p.image ? `/media/${p.image}` : null, hidden: p.hidden,
      ...t, events, likeRate: rate(t.likes + t.superlikes, events),
    });
  }
  const brands = new Map<string, Tally>();
  for (const it of items) {
    const key = it.brand || "(no brand)";
    const t = brands.get(key) ?? emptyTally();
    t.likes += it.likes;
    t.superlikes += it.superlikes;
    t.passes += it.passes;
    brands.set(key, t);
  }
  const brandRows: BrandRow[] = [...brands].map(([brand, t]) => ({ brand, ...t, events: eventsOf(t), likeRate: rate(t.likes + t.superlikes, eventsOf(t)) }));
  const byPositive = <T extends Tally & { events: number }>(a: T, b: T) => b.likes + b.superlikes - (a.likes + a.superlikes) || b.events - a.events;
  const byPasses = <T extends Tally & { events: number }>(a: T, b: T) => b.passes - a.passes || b.events - a.events;

  const visible = products.filter((p) => !p.hidden);
  const ratedVisible = visible.filter((p) => tallies.has(p.id)).length;
  const events = eventsOf(totals);

  return {
    totals: {
      shoppers: agg.shoppers, activeShoppers: perShopper.length, events, ...totals, undone: agg.undone,
      likeRate: rate(totals.likes + totals.superlikes, events),
    },
    likeRateByIndex: INDEX_BUCKETS.map((b, i) => ({ bucket: label(b), ...byIndex[i], likeRate: rate(byIndex[i].positives, byIndex[i].events) })),
    unknownPosition: agg.unknownPosition,
    swipesPerSession: SESSION_BUCKETS.map((b) => ({ bucket: label(b), shoppers: withIdle.filter((n) => n >= b[0] && n <= b[1]).length })),
    medianSwipes: median(perShopper),
    coverage: { visible: visible.length, ratedVisible, share: rate(ratedVisible, visible.length) },
    topLiked: items.filter((i) => i.likes + i.superlikes > 0).sort(byPositive).slice(0, TOP_N),
    topPassed: items.filter((i) => i.passes > 0).sort(byPasses).slice(0, TOP_N),
    brandsLiked: brandRows.filter((b) => b.likes + b.superlikes > 0).sort(byPositive).slice(0, TOP_N),
    brandsPassed: brandRows.filter((b) => b.passes > 0).sort(byPasses).slice(0, TOP_N),
    stages: stageRows(withIdle),
    embedding: {
      mode: emb.status.mode, modelId: emb.status.modelId, dim: emb.status.dim, reason: emb.status.reason ?? null,
      embeddedVisible: emb.embeddedVisible, visible: visible.length, missingVisible: visible.length - emb.embeddedVisible,
      byModel: Object.entries(emb.counts).map(([modelId, count]) => ({ modelId, count })).sort((a, b) => b.count - a.count),
    },
  };
}

/** Everything the dashboard shows, from the database. */
export async function loadDashboard(): Promise<Dashboard> {
  const [agg, products, status, counts] = await Promise.all([feedbackAggregates(), productBriefs(), embeddingStatus(), embeddingCounts()]);
  const embeddedVisible = await countEmbeddedVisible(status.modelId);
  return computeDashboard(agg, products, { status, counts, embeddedVisible });
}
