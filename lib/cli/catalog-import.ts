// npm run catalog:import -- <file.csv> [--images <dir>] [--no-embed] [--source NAME]
// Imports a catalog CSV (StyleNova format, Fashion Product Images styles.csv, or the
// shared dataset's items.csv) with row-level error reporting, then embeds images.
import { closeDb } from "@/lib/db/client";
import { getEmbedder } from "@/lib/embedding";
import { importCatalog } from "@/lib/catalog/importer";
import { formatSummary } from "@/lib/catalog/summary";
import { createProgress } from "@/lib/catalog/progress";
import { parseArgs, runCli } from "./args";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["images", "source"]);
  const file = args.positional[0];
  if (!file) {
    process.stderr.write("usage: npm run catalog:import -- <file.csv> [--images <dir>] [--no-embed] [--source NAME]\n");
    return 2;
  }
  const images = args.flags.get("images");
  const source = args.flags.get("source");
  const embedder = args.flags.has("no-embed") ? null : await getEmbedder();
  if (embedder) process.stderr.write(`Embedding mode: ${embedder.mode} (${embedder.modelId})\n`);
  const summary = await importCatalog({
    csvPath: file,
    imagesDir: typeof images === "string" ? images : undefined,
    source: typeof source === "string" ? source : undefined,
    embedder,
    onProgress: createProgress(),
  });
  process.stdout.write(`${formatSummary(summary)}\n`);
  await closeDb();
  return 0;
});
