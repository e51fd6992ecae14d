// npm run bench [-- --only embedding,api,scale,browser,generator,shoppers] [--runs N] [--no-full] [--scale-products N]
//   [--generator-rows N] [--shoppers 1000,10000,100000] [--bench-products 10000,100000] [--calls N] [--no-pg]
// Every benchmark, printed as tables (with the machine's core count) and written as
// JSON to $DATA_DIR/reports/bench.json. Targets are compared against baselines measured
// in the same run, never asserted by timed unit tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { parseArgs, runCli } from "./args";
import { benchEmbedding, formatRows } from "./bench-embedding";

const SECTIONS = ["embedding", "api", "scale", "browser", "generator", "shoppers"] as const;
type Section = (typeof SECTIONS)[number];

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["only", "runs", "products", "scale-products", "generator-rows", "shoppers", "bench-products", "calls"]);
  const only = String(args.flags.get("only") ?? SECTIONS.join(","))
    .split(",")
    .map((s) => s.trim()) as Section[];
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) throw new Error(`unknown bench section(s) ${unknown.join(", ")}; expected ${SECTIONS.join(", ")}`);
  const runs = args.flags.has("runs") ? Number(args.flags.get("runs")) : undefined;
  const results: Record<string, unknown> = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, at: new Date().toISOString() };
  process.stdout.write(`StyleNova benchmarks: ${os.cpus().length} cores (${results.cpu}), Node ${process.version}\n`);

  if (only.includes("embedding")) {
    process.stdout.write("\n## Embeddings\n");
    const rows = await benchEmbedding({ runs, fullSize: !args.flags.has("no-full"), log: (s) => process.stderr.write(`${s}\n`) });
    process.stdout.write(`${formatRows(rows)}\n`);
    results.embedding = rows;
  }
  if (only.includes("api")) {
    const { benchApi, formatApiBench } = await import("./bench-api");
    const products = Number(args.flags.get("products") ?? 10_000);
    process.stdout.write(`\n## Feed and API at ${products.toLocaleString("en-US")} products\n`);
    const r = await benchApi({ products });
    process.stdout.write(`${formatApiBench(r)}\n`);
    results.api = r;
  }
  if (only.includes("scale")) {
    const { benchScale, formatScale } = await import("./bench-scale");
    const products = Number(args.flags.get("scale-products") ?? 100_000);
    process.stdout.write(`\n## Scale: ${products.toLocaleString("en-US")} products on SQLite and PostgreSQL\n`);
    const r = await benchScale({ products, postgres: !args.flags.has("no-pg"), log: (s) => process.stderr.write(`${s}\n`) });
    process.stdout.write(`${formatScale(r)}\n`);
    results.scale = r;
  }
  if (only.includes("browser")) {
    // the deck in Chromium against the production app on its own port and data folder
    // (BENCH_BROWSER_PORT, default 3300; BENCH_BROWSER_DATA_DIR, default .data/bench-browser)
    const { benchBrowser, formatBrowser } = await import("./bench-browser");
    process.stdout.write("\n## Browser: the deck on a throttled phone and on Slow 3G\n");
    const r = await benchBrowser({ runs, log: (s) => process.stderr.write(`${s}\n`) });
    process.stdout.write(`${formatBrowser(r)}\n`);
    results.browser = r;
  }
  if (only.includes("generator")) {
    const { benchGenerator, formatGenerator } = await import("./bench-generator");
    const rows = Number(args.flags.get("generator-rows") ?? 100_000);
    process.stdout.write(`\n## Catalog generator: ${rows.toLocaleString("en-US")} rows\n`);
    const r = await benchGenerator({ rows, runs: runs ?? 5, log: (s) => process.stderr.write(`${s}\n`) });
    process.stdout.write(`${formatGenerator(r)}\n`);
    results.generator = r;
  }
  if (only.includes("shoppers")) {
    // the collaborative model at 1k-100k other shoppers: each catalog size and database in a child process
    const { benchShoppers, formatShoppers, parseCounts } = await import("./bench-shoppers");
    const shoppers = parseCounts(args.flags.get("shoppers"), [1_000, 10_000, 100_000], "shoppers");
    const products = parseCounts(args.flags.get("bench-products"), [10_000, 100_000], "bench-products");
    const calls = parseCounts(args.flags.get("calls"), [200], "calls")[0];
    process.stdout.write("\n## Shoppers: the trained collaborative model as the store grows\n");
    const r = await benchShoppers({ products, shoppers, postgres: !args.flags.has("no-pg"), calls, log: (s) => process.stderr.write(`${s}\n`) });
    process.stdout.write(`${formatShoppers(r)}\n`);
    results.shoppers = r;
  }
  const out = path.join(env().dataDir, "reports", "bench.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2));
  process.stdout.write(`\nJSON written to ${out}\n`);
});
