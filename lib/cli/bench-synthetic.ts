// Synthetic data shared by the benchmarks: the generated catalog validated by the
// importer's row schema (no images) and seeded 512-dim unit vectors clustered around a
// centroid per colour and per article type. Deterministic; no I/O.
import { generateCatalog, parseCsv, toCsv } from "@/catalog";
import type { Embedder } from "@/lib/embedding";
import type { ProductInput } from "@/lib/db/products";
import { validateRow } from "@/lib/catalog/rows";
import { createRng, hashSeed } from "@/lib/recommender/random";

export const DIM = 512;
/** The model id of the synthetic vectors (seeded catalogs and the bench embedder). */
export const SYNTHETIC_MODEL_ID = "bench:synthetic-512";

export const hash = hashSeed;

export function gaussianVector(seed: number): Float32Array {
  const rng = createRng(seed);
  const v = new Float32Array(DIM);
  for (let i = 0; i < DIM; i++) v[i] = Math.sqrt(-2 * Math.log(rng() + 1e-12)) * Math.cos(2 * Math.PI * rng());
  return v;
}

export function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  return v.map((x) => x / n);
}

const centroids = new Map<string, Float32Array>();
function centroid(key: string): Float32Array {
  let c = centroids.get(key);
  if (!c) centroids.set(key, (c = gaussianVector(hash(key))));
  return c;
}

/** A unit vector near the centroids of the product's primary colour and article type. */
export function syntheticVector(colour: string, articleType: string, seed: number): Float32Array {
  const c = centroid(`colour:${colour}`);
  const t = centroid(`type:${articleType}`);
  const noise = gaussianVector(seed);
  const v = new Float32Array(DIM);
  for (let i = 0; i < DIM; i++) v[i] = 0.6 * c[i] + 0.6 * t[i] + 0.5 * noise[i];
  return unit(v);
}

/** The generated catalog through the importer's own row validation (no images). */
export function catalogProducts(count: number): ProductInput[] {
  const [header, ...records] = parseCsv(toCsv(generateCatalog({ count, seed: 42 })));
  return records.map((fields, i) => {
    const r = validateRow("stylenova", Object.fromEntries(header.map((h, j) => [h, fields[j] ?? ""])));
    if ("error" in r) throw new Error(`generated row ${i + 1} is invalid: ${r.error}`);
    const { image: _image, ...rest } = r.row;
    return { ...rest, image: null };
  });
}

/** Bulk insert (createMany) into an empty database: products, then their vectors. */
export async function seedSyntheticCatalog(count: number, modelId: string, log: (l: string) => void): Promise<void> {
  const { db } = await import("@/lib/db/client");
  const { toRowData } = await import("@/lib/db/products");
  const { vectorToBlob } = await import("@/lib/db/embeddings");
  const { bumpCatalogVersion } = await import("@/lib/db/meta");
  const client = await db();
  const rows = catalogProducts(count);
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const batch = rows.slice(i, i + CHUNK);
    await client.product.createMany({ data: batch.map((p) => ({ ...toRowData(p, "bench"), updatedAt: new Date() })) });
    const ids = await client.product.findMany({ where: { externalId: { in: batch.map((b) => b.externalId) } }, select: { id: true, externalId: true } });
    const byExt = new Map(batch.map((b) => [b.externalId, b]));
    await client.productEmbedding.createMany({
      data: ids.map((r) => {
        const p = byExt.get(r.externalId)!;
        return { productId: r.id, modelId, dim: DIM, vector: new Uint8Array(vectorToBlob(syntheticVector(p.colours[0] ?? "", p.articleType, r.id))) };
      }),
    });
    if ((i / CHUNK) % 20 === 0) log(`  seeded ${Math.min(i + CHUNK, rows.length)}/${rows.length}`);
  }
  await bumpCatalogVersion();
}

/**
 * Installs an embedder that returns synthetic vectors (no model load): images get the
 * dress centroid's vectors, text the centroid of the first colour word it names.
 */
export async function installSyntheticEmbedder(): Promise<void> {
  const { setEmbedderOverride } = await import("@/lib/embedding");
  const e: Embedder = {
    mode: "clip",
    modelId: SYNTHETIC_MODEL_ID,
    dim: DIM,
    reason: "synthetic bench vectors",
    embedImages: async (images) => images.map((_, i) => syntheticVector("black", "Dresses", i)),
    embedText: async (text) => {
      const words = text.toLowerCase().split(/\W+/);
      return syntheticVector(words.find((w) => ["black", "navy", "red", "white"].includes(w)) ?? "black", "Dresses", hash(text));
    },
  };
  setEmbedderOverride(e);
}
