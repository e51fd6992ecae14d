// Human-readable import summary (CLI output and admin report). Pure.
import type { ImportSummary } from "./importer";

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Imported ${s.imported} of ${s.rows} rows from ${s.file} (${s.format} layout): ${s.created} new, ${s.updated} updated, ${s.errors.length} skipped, in ${(s.ms / 1000).toFixed(1)}s.`,
    s.embeddingModel ? `Embedded ${s.embedded} product image(s) with ${s.embeddingModel}.` : "Embeddings: skipped (--no-embed).",
  ];
  if (s.hygiene) {
    const { before: b, after: a } = s.hygiene;
    const pct = (n: number) => (a.rows ? ((100 * n) / a.rows).toFixed(1) : "0.0");
    lines.push(
      `Brands: ${a.withBrand} of ${a.rows} products have one (${pct(a.withBrand)}%, per-row guess ${pct(b.withBrand)}%), ${a.brands} distinct (was ${b.brands}). Colours: ${a.colours} distinct (was ${b.colours}).`,
    );
  }
  if (s.errors.length) {
    lines.push(`Skipped rows:`);
    for (const e of s.errors) lines.push(`  ${s.file}:${e.line}: ${e.id ? `id ${e.id}: ` : ""}${e.reason}`);
  }
  return lines.join("\n");
}
