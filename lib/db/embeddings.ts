// Product embedding storage: float32 little-endian BLOBs tagged with model id and
// dimension. Vectors of different models are never mixed. Server-only.
import "server-only";
import { blobToVector, vectorToBlob } from "@/lib/embedding/vectors";
import { db } from "./client";

export { blobToVector, vectorToBlob };

/** Store embeddings (replacing any of the same product and model) in one transaction. */
export async function saveEmbeddings(modelId: string, items: { productId: number; vector: Float32Array }[]): Promise<void> {
  if (items.length === 0) return;
  const client = await db();
  await client.$transaction(
    items.map(({ productId, vector }) =>
      client.productEmbedding.upsert({
        where: { productId_modelId: { productId, modelId } },
        create: { productId, modelId, dim: vector.length, vector: new Uint8Array(vectorToBlob(vector)) },
        update: { dim: vector.length, vector: new Uint8Array(vectorToBlob(vector)), createdAt: new Date() },
      }),
    ),
  );
}

/** Ids (of the given products) that have no embedding for this model yet. */
export async function missingEmbeddings(modelId: string, productIds: number[]): Promise<number[]> {
  const client = await db();
  const have = new Set<number>();
  for (let i = 0; i < productIds.length; i += 500) {
    const chunk = productIds.slice(i, i + 500);
    const rows = await client.productEmbedding.findMany({
      where: { modelId, productId: { in: chunk } },
      select: { productId: true },
    });
    for (const r of rows) have.add(r.productId);
  }
  return productIds.filter((id) => !have.has(id));
}

/** All vectors of one model, by product id. */
export async function loadEmbeddings(modelId: string): Promise<{ dim: number; byId: Map<number, Float32Array> }> {
  const client = await db();
  const rows = await client.productEmbedding.findMany({ where: { modelId }, select: { productId: true, dim: true, vector: true } });
  const byId = new Map<number, Float32Array>();
  let dim = 0;
  for (const r of rows) {
    const v = blobToVector(r.vector);
    if (v.length !== r.dim) continue;
    dim = r.dim;
    byId.set(r.productId, v);
  }
  return { dim, byId };
}

/** How many products have an embedding per model id (visible products only, by default). */
export async function embeddingCounts(opts: { includeHidden?: boolean } = {}): Promise<Record<string, number>> {
  const client = await db();
  const groups = await client.productEmbedding.groupBy({
    by: ["modelId"],
    where: opts.includeHidden ? {} : { product: { hidden: false } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.modelId, g._count._all]));
}
