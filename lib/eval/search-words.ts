// Offline relevance of word search on the fashion-products dataset (issue 15, point 4, the
// words part). Queries are built from held-out products' own attributes:
//   "<colour> <article type>", "<article type> for <season>", "<gender> <article type> under <price>",
// worded as a shopper might (type in the singular or plural, "men's" / "ladies", "below $40"
// / "less than 40": a seeded draw per query). Each query's product is left out of the
// catalog for its query; a product is relevant when it has every attribute the query names.
// Only products whose combination has at least 10 other products become queries (so P@10
// can reach 1). The dataset has no prices: every product gets a deterministic seeded price.
// Systems: "old" = the search before issue 15 (CLIP text vector -> nearest image vectors in
// CLIP mode, TF-IDF `searchText` over product text otherwise; moved here from
// lib/feed/search.ts), "new" = GET /api/search's path (lib/feed/text-search.ts).
// Modes: "pixel" (the default install, no CLIP) and "tiny-clip" (the random-weight tiny
// CLIP of lib/embedding/tiny-clip.ts in the child's models folder). Each mode runs in its
// own child process with its own data folder (lib/cli/eval-search.ts --child-words).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { csvLine, parseCsv } from "@/lib/catalog/csv";
import { topKOf } from "@/lib/embedding/vectors";
import type { CatalogSnapshot } from "@/lib/feed/catalog";
import { ndcgAtK, precisionAtK } from "@/lib/recommender/evaluate";
import { createRng, hashSeed } from "@/lib/recommender/random";
import { searchText } from "@/lib/recommender/content";
import type { Product } from "@/lib/recommender/types";
import { emptySearchState } from "@/lib/search/url";
import type { EmbeddingMode, RelevanceRow } from "./relevance";

export const WORD_KINDS = ["<colour> <article type>", "<article type> for <season>", "<gender> <article type> under <price>"] as const;
export type WordKind = (typeof WORD_KINDS)[number];

/** Fewest other relevant products a query's attribute combination needs. */
export const MIN_RELEVANT = 10;
const K = 10;

export interface WordQuery {
  kind: WordKind;
  text: string;
  /** the held-out product the query was built from */
  productId: number;
  /** ids of the other products with every attribute the query names */
  relevant: Set<number>;
}

// ---- prices (the dataset has none)

/** The benchmark's price of a product: log-uniform $8-$200, ending in .99, fixed by seed and external id. */
export function benchmarkPriceCents(externalId: string, seed: number): number {
  const r = createRng(hashSeed(`${seed}:${externalId}`))();
  const dollars = Math.floor(Math.exp(Math.log(8) + r * (Math.log(200) - Math.log(8))));
  return dollars * 100 + 99;
}

/** items.csv with the price column filled by benchmarkPriceCents (everything else as is). */
export function pricedItemsCsv(text: string, seed: number): string {
  const records = parseCsv(text);
  const header = records[0].fields.map((h) => h.trim());
  const priceAt = header.indexOf("price");
  const idAt = header.indexOf("id");
  if (priceAt < 0 || idAt < 0) throw new Error("items.csv needs an id and a price column");
  const lines = [csvLine(header)];
  for (const r of records.slice(1)) {
    const fields = [...r.fields];
    fields[priceAt] = (benchmarkPriceCents(fields[idAt], seed) / 100).toFixed(2);
    lines.push(csvLine(fields));
  }
  return `${lines.join("\n")}\n`;
}

// ---- queries (pure)

const lower = (s: string) => s.toLowerCase();

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Words that read as plural only ("jeans", not "jean"). */
const PLURAL_ONLY = /(?:jeans|shorts|trousers|pants|leggings|sunglasses|capris|tights|briefs|trunks|suits|glasses)$/;

/** How a shopper might write an article type: as the catalog does, or in the singular ("Casual Shoes" -> "casual shoe"). */
function typeWords(type: string, rng: () => number): string {
  const t = lower(type);
  if (rng() < 0.5 || PLURAL_ONLY.test(t) || !t.endsWith("s") || t.endsWith("ss")) return t;
  return /(?:ses|shes|ches|xes)$/.test(t) ? t.slice(0, -2) : t.slice(0, -1);
}

const GENDER_WORDS: Record<Product["gender"], readonly string[]> = {
  men: ["men", "men's", "mens"],
  women: ["women", "women's", "ladies"],
  boys: ["boys", "boys'"],
  girls: ["girls", "girls'"],
  unisex: ["unisex"],
};
const UNDER_WORDS = ["under", "below $", "less than "] as const;

/** A query of one kind from one product, or null when the product lacks what the kind names. The wording varies by a seeded draw. */
function queryOf(kind: WordKind, p: Product, seed: number): (Omit<WordQuery, "relevant"> & { matches: (o: Product) => boolean }) | null {
  const type = p.articleType;
  if (!type) return null;
  const rng = createRng(hashSeed(`${seed}:${kind}:${p.id}`));
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  if (kind === "<colour> <article type>") {
    const colour = p.colours[0];
    if (!colour) return null;
    return { kind, productId: p.id, text: `${colour} ${typeWords(type, rng)}`, matches: (o) => o.articleType === type && o.colours.includes(colour) };
  }
  if (kind === "<article type> for <season>") {
    const season = p.season;
    if (!season) return null;
    return { kind, productId: p.id, text: `${typeWords(type, rng)} for ${lower(season)}`, matches: (o) => o.articleType === type && o.season === season };
  }
  if (p.priceCents === null) return null;
  // the next round ten dollars at or above the product's own price
  const under = Math.ceil(p.priceCents / 1000) * 10;
  const word = pick(UNDER_WORDS);
  return {
    kind,
    productId: p.id,
    text: `${pick(GENDER_WORDS[p.gender])} ${typeWords(type, rng)} ${word}${word.endsWith(" ") || word.endsWith("$") ? "" : " "}${under}`,
    matches: (o) => o.gender === p.gender && o.articleType === type && o.priceCents !== null && o.priceCents <= under * 100,
  };
}

/** Up to `perKind` queries of each kind from seeded held-out products whose combination has MIN_RELEVANT other products. */
export function buildWordQueries(products: readonly Product[], perKind: number, seed: number): WordQuery[] {
  const out: WordQuery[] = [];
  WORD_KINDS.forEach((kind, k) => {
    let taken = 0;
    for (const p of shuffled(products, seed * 31 + k)) {
      if (taken >= perKind) break;
      const q = queryOf(kind, p, seed);
      if (!q) continue;
      const relevant = new Set(products.filter((o) => o.id !== p.id && q.matches(o)).map((o) => o.id));
      if (relevant.size < MIN_RELEVANT) continue;
      out.push({ kind, text: q.text, productId: q.productId, relevant });
      taken++;
    }
  });
  return out;
}

/** Mean P@10 and nDCG@10 per kind of ranked id lists (one per query, same order). */
export function scoreWordQueries(queries: readonly WordQuery[], ranked: readonly number[][], system: RelevanceRow["system"], mode: EmbeddingMode): RelevanceRow[] {
  return WORD_KINDS.flatMap((kind) => {
    const idx = queries.map((q, i) => (q.kind === kind ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) return [];
    let p = 0;
    let n = 0;
    for (const i of idx) {
      const rel = new Set([...queries[i].relevant].map(String));
      const ids = ranked[i].slice(0, K).map(String);
      p += precisionAtK(ids, rel, K);
      n += ndcgAtK(ids, rel, K);
    }
    return [{ system, mode, kind, queries: idx.length, precisionAt10: p / idx.length, ndcgAt10: n / idx.length }];
  });
}

// ---- the old search (moved from lib/feed/search.ts searchByText)

/** Today's-before-issue-15 word search: CLIP text vector -> nearest image vectors in CLIP mode, TF-IDF otherwise. Top k ids. */
export async function oldTextSearch(catalog: CatalogSnapshot, query: string, k: number): Promise<number[]> {
  if (catalog.embedder.mode === "clip" && catalog.packed) {
    const v = await catalog.embedder.embedText(query);
    if (v) {
      const r = topKOf(v, catalog.packed.dots, k);
      return Array.from(r.indices, (i) => catalog.packed!.ids[i]).filter((id) => catalog.byId.has(id));
    }
  }
  return searchText(catalog.contentIndex, query, k)
    .filter((h) => catalog.byId.get(h.productId)?.hidden === false)
    .map((h) => h.productId);
}

// ---- one mode (child process: DATA_DIR is the mode's own, fresh folder)

export interface WordsChildResult {
  mode: EmbeddingMode;
  products: number;
  queries: number;
  distinctTexts: number;
  rows: RelevanceRow[];
  importMs: number;
  queryMs: { old: number; new: number };
  examples: Array<{ kind: string; text: string; old: string[]; new: string[] }>;
}

export async function runWordsChild(opts: { mode: EmbeddingMode; datasetCsv: string; perKind: number; seed: number }): Promise<WordsChildResult> {
  const [{ env }, { migrate }, { getEmbedder }, { importCatalog }, { getCatalog }, { textSearch }, { closeDb }] = await Promise.all([
    import("@/lib/env"),
    import("@/lib/db/migrate"),
    import("@/lib/embedding"),
    import("@/lib/catalog/importer"),
    import("@/lib/feed/catalog"),
    import("@/lib/feed/text-search"),
    import("@/lib/db/client"),
  ]);
  const e = env();
  await migrate(e.databaseUrl);
  if (opts.mode === "tiny-clip") {
    const { generateClipModel } = await import("@/lib/embedding/tiny-clip");
    await generateClipModel(path.join(e.modelsDir, ...e.clipModel.split("/")), { size: "tiny", seed: 1 });
  }
  const embedder = await getEmbedder();
  const wanted = opts.mode === "tiny-clip" ? "clip" : "fallback";
  if (embedder.mode !== wanted) throw new Error(`the ${opts.mode} run got the ${embedder.mode} embedder (${embedder.reason ?? "no reason given"})`);
  const priced = path.join(e.dataDir, "catalog", "items-priced.csv");
  fs.mkdirSync(path.dirname(priced), { recursive: true });
  fs.writeFileSync(priced, pricedItemsCsv(fs.readFileSync(opts.datasetCsv, "utf8"), opts.seed));
  const started = Date.now();
  const summary = await importCatalog({ csvPath: priced, imagesDir: path.dirname(opts.datasetCsv), embedder, source: "fashion-products" });
  const importMs = Date.now() - started;
  if (summary.imported === 0) throw new Error(`nothing imported from ${opts.datasetCsv}`);
  const catalog = await getCatalog();
  const queries = buildWordQueries(catalog.products, opts.perKind, opts.seed);

  const oldRanked: number[][] = [];
  const newRanked: number[][] = [];
  let t = Date.now();
  for (const q of queries) oldRanked.push((await oldTextSearch(catalog, q.text, K + 1)).filter((id) => id !== q.productId).slice(0, K));
  const oldMs = Date.now() - t;
  t = Date.now();
  for (const q of queries) {
    const r = await textSearch(emptySearchState(q.text), { exclude: new Set([q.productId]) });
    newRanked.push(r.hits.slice(0, K).map((h) => h.product.id));
  }
  const newMs = Date.now() - t;
  const name = (id: number) => catalog.byId.get(id)?.name ?? String(id);
  const examples = WORD_KINDS.map((kind) => queries.findIndex((q) => q.kind === kind))
    .filter((i) => i >= 0)
    .map((i) => ({ kind: queries[i].kind, text: queries[i].text, old: oldRanked[i].slice(0, 3).map(name), new: newRanked[i].slice(0, 3).map(name) }));
  await closeDb();
  return {
    mode: opts.mode,
    products: catalog.products.length,
    queries: queries.length,
    distinctTexts: new Set(queries.map((q) => q.text)).size,
    rows: [...scoreWordQueries(queries, oldRanked, "old", opts.mode), ...scoreWordQueries(queries, newRanked, "new", opts.mode)],
    importMs,
    queryMs: { old: oldMs, new: newMs },
    examples,
  };
}

// ---- the section (parent process)

export interface WordsSectionOptions {
  /** project root (the child runs lib/cli/eval-search.ts from it) */
  root: string;
  /** where each mode gets its fresh data folder: <dataRoot>/eval/search-words/<mode> */
  dataRoot: string;
  datasetCsv: string;
  modes: readonly EmbeddingMode[];
  perKind: number;
  seed: number;
}

export interface WordsSection {
  rows: RelevanceRow[];
  children: WordsChildResult[];
  /** Markdown: what was measured and how, then per mode its notes */
  text: string;
}

/** Run every mode in its own child process and gather the rows (the CLI prints relevanceTable(rows)). */
export function runWordsSection(opts: WordsSectionOptions): WordsSection {
  const children: WordsChildResult[] = [];
  for (const mode of opts.modes) {
    const dataDir = path.join(opts.dataRoot, "eval", "search-words", mode);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    const out = path.join(dataDir, "result.json");
    process.stderr.write(`Word search benchmark, ${mode} mode: importing the dataset and running ${opts.perKind} queries per kind...\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, CI: process.env.CI ?? "1" };
    delete env.DATABASE_URL;
    delete env.MODELS_DIR;
    const r = spawnSync(
      process.execPath,
      [path.join(opts.root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "lib/cli/eval-search.ts", "--child-words", mode,
        "--queries", String(opts.perKind), "--seed", String(opts.seed), "--dataset", opts.datasetCsv, "--out", out],
      { cwd: opts.root, stdio: ["ignore", "inherit", "inherit"], env },
    );
    if (r.status !== 0) throw new Error(`the ${mode} word-search run failed (exit ${r.status})`);
    children.push(JSON.parse(fs.readFileSync(out, "utf8")) as WordsChildResult);
  }
  const rows = children.flatMap((c) => c.rows);
  const lines = [
    `Queries from held-out products of ${path.basename(path.dirname(opts.datasetCsv))} (seed ${opts.seed}, up to ${opts.perKind} per kind), ` +
      `worded as shoppers might (singular or plural type, "men's"/"ladies", "under"/"below $"/"less than"); ` +
      `each query's product is left out for its query; relevant = the other products with every attribute the query names; ` +
      `only combinations with at least ${MIN_RELEVANT} such products are asked. The dataset has no prices: each product gets a ` +
      `deterministic seeded price ($8-$200, log-uniform) for this benchmark.`,
    "",
  ];
  for (const c of children) {
    lines.push(
      `- ${c.mode}: ${c.products} products, ${c.queries} queries (${c.distinctTexts} distinct texts); import ${(c.importMs / 1000).toFixed(0)} s; ` +
        `queries old ${c.queryMs.old} ms, new ${c.queryMs.new} ms in total`,
    );
    for (const ex of c.examples) lines.push(`  - “${ex.text}”: old ${ex.old.map((n) => `“${n}”`).join(", ")}; new ${ex.new.map((n) => `“${n}”`).join(", ")}`);
  }
  return { rows, children, text: lines.join("\n") };
}
