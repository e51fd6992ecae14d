// GET /api/health - database status, catalog size and embedding mode.
import { countProducts } from "@/lib/db/products";
import { embeddingCounts } from "@/lib/db/embeddings";
import { embeddingStatus, publicEmbeddingNote } from "@/lib/embedding";
import { handle, json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return handle(async () => {
    let products = 0;
    let counts: Record<string, number> = {};
    try {
      products = await countProducts();
      counts = await embeddingCounts();
    } catch (e) {
      console.error("[stylenova] health: database error", e);
      return json({ status: "error", database: "unavailable" }, { status: 503 });
    }
    const emb = await embeddingStatus();
    const note = publicEmbeddingNote(emb); // public: never a server path or an error text
    return json({
      status: "ok",
      database: "ok",
      products,
      embedding: { mode: emb.mode, modelId: emb.modelId, dim: emb.dim, embedded: counts[emb.modelId] ?? 0, ...(note ? { note } : {}) },
    });
  });
}
