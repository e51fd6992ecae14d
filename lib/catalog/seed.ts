// Seeds the bundled catalog: generate it (deterministic) into the data folder, then
// run it through the same importer as every other catalog. Server-only.
import "server-only";
import path from "node:path";
import { writeBundledCatalog } from "@/catalog";
import { env } from "@/lib/env";
import { importCatalog, type ImageEmbedder, type ImportSummary } from "./importer";
import type { ProgressSink } from "./progress";

export const BUNDLED_COUNT = 720;
export const BUNDLED_SEED = 42;

export async function seedBundledCatalog(opts: { embedder: ImageEmbedder | null; onProgress?: ProgressSink; count?: number }): Promise<ImportSummary> {
  const outDir = path.join(env().dataDir, "catalog");
  const { csvPath } = await writeBundledCatalog({
    outDir,
    count: opts.count ?? BUNDLED_COUNT,
    seed: BUNDLED_SEED,
    images: true,
    onProgress: opts.onProgress ? (done: number, total: number) => opts.onProgress?.("Rendering", done, total) : undefined,
  });
  return importCatalog({ csvPath, source: "bundled", embedder: opts.embedder, onProgress: opts.onProgress, trustedImages: true });
}
