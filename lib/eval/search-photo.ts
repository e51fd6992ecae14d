// Offline photo-search relevance on the fashion-products dataset (items.csv +
// images/<id>.jpg): each query is a held-out product picture, the candidates are every
// other product (the query product is excluded), a hit is relevant when it has the query
// item's article type. Reports RelevanceRow[] (P@10, nDCG@10 and the mean number of the top
// 10 with the query's article type) for
//   - "old": today's photo search (the frozen pixel v1 descriptor in pixel mode, plain
//     nearest neighbours);
//   - "new": lib/embedding/fallback.ts (pixel v2) ranked by lib/search/photo-rank.ts;
// in mode "pixel" and in mode "tiny-clip" (the random-weight tiny CLIP of
// lib/embedding/tiny-clip.ts, generated into a temporary models folder: its numbers are
// expected to be poor, it only shows the CLIP code path runs end to end).
// Queries: QUERY_SPLIT.test seeded queries are the reported test set; QUERY_SPLIT.tune other
// seeded queries (disjoint) are the only ones the descriptor's weights were tuned on.
// No database: decode with sharp, embed, rank in memory. Never imported by app code.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseCsv } from "@/lib/catalog/csv";
import { getEmbedder, resetEmbedderCache } from "@/lib/embedding";
import { pixelDescriptor } from "@/lib/embedding/fallback";
import { packVectors, topK } from "@/lib/embedding/vectors";
import { generateClipModel } from "@/lib/embedding/tiny-clip";
import { ndcgAtK, precisionAtK } from "@/lib/recommender/evaluate";
import { createRng, shuffled } from "@/lib/recommender/random";
import { PHOTO_RANK, rankPhotoPool, typeCentroids } from "@/lib/search/photo-rank";
import { pixelDescriptorV1 } from "./baseline/pixel-v1";
import type { EmbeddingMode, RelevanceRow, SearchSystem } from "./relevance";

export interface PhotoItem {
  id: string;
  articleType: string;
  colour: string;
  file: string;
}

/** Seeded, disjoint query sets: `test` is reported, `tune` is what weights were chosen on. */
export const QUERY_SPLIT = { seed: 15, test: 150, tune: 300 } as const;
const K = 10;
/** The folder name the tiny CLIP is written under (the default CLIP_MODEL, so the loader finds it). */
const TINY_CLIP_MODEL = "Xenova/clip-vit-base-patch32";

/** The dataset folder: STYLENOVA_DATASET_DIR, else ../shared/datasets/fashion-products from the project root. */
export function datasetDir(root = process.cwd()): string {
  return process.env.STYLENOVA_DATASET_DIR ?? path.resolve(root, "..", "shared", "datasets", "fashion-products");
}

/** Products of items.csv that have a picture, in file order; null when the dataset is absent. */
export function loadPhotoItems(dir: string): PhotoItem[] | null {
  const csv = path.join(dir, "items.csv");
  if (!existsSync(csv)) return null;
  const [head, ...records] = parseCsv(readFileSync(csv, "utf8"));
  const col = (name: string) => head.fields.indexOf(name);
  const [id, type, colour, image] = [col("id"), col("article_type"), col("colour"), col("image")];
  const items: PhotoItem[] = [];
  for (const r of records) {
    const file = path.join(dir, r.fields[image] ?? "");
    if (r.fields[image] && existsSync(file)) items.push({ id: r.fields[id], articleType: r.fields[type], colour: r.fields[colour], file });
  }
  return items;
}

/** Disjoint seeded query indices (test first, then tune), from one shuffle of the items. */
export function querySplit(count: number, split: { seed: number; test: number; tune: number } = QUERY_SPLIT): { test: number[]; tune: number[] } {
  const order = shuffled(createRng(split.seed), Array.from({ length: count }, (_, i) => i));
  return { test: order.slice(0, split.test), tune: order.slice(split.test, split.test + split.tune) };
}

export interface PhotoScore {
  queries: number;
  precisionAt10: number;
  ndcgAt10: number;
  sameTypeAt10: number;
  /** mean number of the top 10 with the query item's base colour (not a target; shows colour still counts) */
  sameColourAt10: number;
}

/** Rank every other item for each query by `rank` and score the top 10. Pure. */
export function scorePhotoQueries(
  items: readonly PhotoItem[],
  vectors: readonly Float32Array[],
  queries: readonly number[],
  rank: (query: Float32Array, exclude: number) => number[],
): PhotoScore {
  const byType = new Map<string, Set<string>>();
  items.forEach((it) => {
    const s = byType.get(it.articleType) ?? new Set<string>();
    s.add(it.id);
    byType.set(it.articleType, s);
  });
  let p = 0;
  let n = 0;
  let same = 0;
  let colour = 0;
  for (const q of queries) {
    const top = rank(vectors[q], q).slice(0, K);
    const ranked = top.map((i) => items[i].id);
    const relevant = new Set(byType.get(items[q].articleType));
    relevant.delete(items[q].id);
    p += precisionAtK(ranked, relevant, K);
    n += ndcgAtK(ranked, relevant, K);
    same += top.filter((i) => items[i].articleType === items[q].articleType).length;
    colour += top.filter((i) => items[i].colour === items[q].colour).length;
  }
  const m = Math.max(1, queries.length);
  return { queries: queries.length, precisionAt10: p / m, ndcgAt10: n / m, sameTypeAt10: same / m, sameColourAt10: colour / m };
}

/** Plain nearest neighbours (unit vectors: cosine), the query item excluded: today's ranking. */
export function plainRanking(vectors: readonly Float32Array[]) {
  const dim = vectors[0]?.length ?? 0;
  const matrix = packVectors([...vectors], dim);
  return (query: Float32Array, exclude: number): number[] => topK(query, matrix, dim, K, new Set([exclude])).indices;
}

/** The "new" ranking: lib/search/photo-rank.ts over the nearest pool, exactly as the route ranks. */
export function newRanking(items: readonly PhotoItem[], vectors: readonly Float32Array[]) {
  const dim = vectors[0]?.length ?? 0;
  const matrix = packVectors([...vectors], dim);
  const centroids = typeCentroids(matrix, dim, items.map((it) => it.articleType));
  return (query: Float32Array, exclude: number): number[] => {
    const pool = topK(query, matrix, dim, PHOTO_RANK.pool, new Set([exclude]));
    return rankPhotoPool(pool, query, centroids, K, { row: exclude, vector: vectors[exclude] });
  };
}

/** Embed every item's picture with `embed` (batches of 16, in order). */
export async function embedItems(items: readonly PhotoItem[], embed: (images: Buffer[]) => Promise<Float32Array[]>, onProgress?: (done: number) => void): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < items.length; i += 16) {
    const batch = await Promise.all(items.slice(i, i + 16).map((it) => readFile(it.file)));
    out.push(...(await embed(batch)));
    onProgress?.(out.length);
  }
  return out;
}

export interface PhotoRelevanceOptions {
  dir?: string;
  modes?: EmbeddingMode[];
  /** which query set to score: "test" (reported) or "tune" */
  split?: "test" | "tune";
  log?: (line: string) => void;
}

export interface PhotoRelevanceResult {
  rows: RelevanceRow[];
  /** per row, the same-colour figure that RelevanceRow has no column for */
  sameColour: { system: SearchSystem; mode: EmbeddingMode; sameColourAt10: number }[];
}

/** The photo rows of the search benchmark; null when the dataset is absent. */
export async function photoRelevance(opts: PhotoRelevanceOptions = {}): Promise<PhotoRelevanceResult | null> {
  const log = opts.log ?? (() => {});
  const items = loadPhotoItems(opts.dir ?? datasetDir());
  if (!items) return null;
  const queries = querySplit(items.length)[opts.split ?? "test"];
  const rows: RelevanceRow[] = [];
  const sameColour: PhotoRelevanceResult["sameColour"] = [];
  const add = (system: SearchSystem, mode: EmbeddingMode, s: PhotoScore) => {
    rows.push({ system, mode, kind: "photo", queries: s.queries, precisionAt10: s.precisionAt10, ndcgAt10: s.ndcgAt10, sameTypeAt10: s.sameTypeAt10 });
    sameColour.push({ system, mode, sameColourAt10: s.sameColourAt10 });
  };
  const each = async (embed: (b: Buffer) => Promise<Float32Array>) => embedItems(items, (batch) => Promise.all(batch.map(embed)));
  for (const mode of opts.modes ?? ["pixel", "tiny-clip"]) {
    if (mode === "pixel") {
      log(`photo: embedding ${items.length} pictures with pixel v1 (old) ...`);
      const v1 = await each((b) => pixelDescriptorV1(b));
      add("old", "pixel", scorePhotoQueries(items, v1, queries, plainRanking(v1)));
      log(`photo: embedding ${items.length} pictures with pixel v2 (new) ...`);
      const v2 = await each((b) => pixelDescriptor(b));
      add("new", "pixel", scorePhotoQueries(items, v2, queries, newRanking(items, v2)));
    } else {
      const modelsDir = await mkdtemp(path.join(os.tmpdir(), "stylenova-photo-eval-"));
      try {
        await generateClipModel(path.join(modelsDir, ...TINY_CLIP_MODEL.split("/")), { size: "tiny", seed: 42 });
        const em = await getEmbedder({ modelsDir, clipModel: TINY_CLIP_MODEL, quantized: true, threads: 1 });
        if (em.mode !== "clip") throw new Error(`tiny CLIP did not load: ${em.reason ?? "unknown reason"}`);
        log(`photo: embedding ${items.length} pictures with the tiny random CLIP (${em.modelId}) ...`);
        const vecs = await embedItems(items, (batch) => em.embedImages(batch, { batchSize: 16 }));
        add("old", "tiny-clip", scorePhotoQueries(items, vecs, queries, plainRanking(vecs)));
        add("new", "tiny-clip", scorePhotoQueries(items, vecs, queries, newRanking(items, vecs)));
      } finally {
        await resetEmbedderCache();
        await rm(modelsDir, { recursive: true, force: true });
      }
    }
  }
  return { rows, sameColour };
}
