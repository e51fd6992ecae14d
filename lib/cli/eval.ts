// npm run eval [-- --sessions 100 --seed 7 --interactions FILE.csv --skip-sim --skip-topk --catalogs bundled,fashion-products --fashion-deck popular|recommender|both]
// a. Simulated shoppers with hidden tastes drive the quiz and swipes through lib/feed
//    (the API's code path, real SQLite) on the bundled catalog and on
//    ../shared/datasets/fashion-products, next to random-order and most-popular baselines:
//    60 swipes with the web client's refill pattern and with 10-card batches, the deck's
//    promises over what shoppers saw, and other taste shapes against random order.
// b. Offline top-K (80/20 split, P/R/nDCG/MAP@10, 5 seeds) for the served collaborative
//    model and the reference rows on an interactions CSV (default: generated planted taste
//    groups, with the generator's oracle as the ceiling), then on the log of 1,000 simulated
//    shoppers x 40 swipes on ../shared/datasets/fashion-products (skipped when absent; deck
//    "popular" by default, "recommender" = the app's content ranking, slower: ~2 min of CPU).
// Each catalog runs in its own child process (its own data folder). Tables are printed;
// JSON is written to $DATA_DIR/reports/eval.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs, runCli } from "./args";
import { deckTable, shapeTable, simTable, type CatalogSim } from "./eval-tables";

const ROOT = process.cwd();
const DATASET = path.resolve(ROOT, "..", "shared", "datasets", "fashion-products", "items.csv");
const dataRoot = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, ".data"));

async function child(catalog: string, sessions: number, seed: number, out: string): Promise<void> {
  const { runSimulation } = await import("@/lib/eval/simulation");
  const result = await runSimulation({ catalog, sessions, seed, datasetCsv: DATASET });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["sessions", "seed", "interactions", "child", "out", "fashion-deck", "catalogs"]);
  const sessions = Number(args.flags.get("sessions") ?? 100);
  const seed = Number(args.flags.get("seed") ?? 7);
  if (!Number.isInteger(sessions) || sessions < 1) throw new Error("--sessions must be a positive whole number");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const childCatalog = args.flags.get("child");
  if (typeof childCatalog === "string") {
    await child(childCatalog, sessions, seed, String(args.flags.get("out")));
    return 0;
  }

  const report: { simulation: CatalogSim[]; topK: unknown; skipped: string[] } = { simulation: [], topK: null, skipped: [] };
  if (!args.flags.has("skip-sim")) {
    const wanted = String(args.flags.get("catalogs") ?? "bundled,fashion-products").split(",");
    if (wanted.some((c) => c !== "bundled" && c !== "fashion-products")) throw new Error("--catalogs must list bundled and/or fashion-products");
    const catalogs: string[] = wanted.filter((c) => c === "bundled");
    if (!wanted.includes("fashion-products")) report.skipped.push("fashion-products: not in --catalogs");
    else if (fs.existsSync(DATASET)) catalogs.push("fashion-products");
    else report.skipped.push(`fashion-products: ${DATASET} is absent`);
    for (const catalog of catalogs) {
      const out = path.join(dataRoot, "eval", `${catalog}-sim.json`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      process.stderr.write(`Simulating ${sessions} shoppers on the ${catalog} catalog...\n`);
      const r = spawnSync(
        process.execPath,
        [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "lib/cli/eval.ts", "--child", catalog, "--sessions", String(sessions), "--seed", String(seed), "--out", out],
        { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, DATA_DIR: path.join(dataRoot, "eval", catalog), CI: process.env.CI ?? "1" } },
      );
      if (r.status !== 0) throw new Error(`the ${catalog} simulation failed (exit ${r.status})`);
      const result = JSON.parse(fs.readFileSync(out, "utf8")) as CatalogSim;
      report.simulation.push(result);
      process.stdout.write(
        `\n## Simulated shoppers: ${catalog} catalog (${result.products} products, ${sessions} sessions x ${result.swipes} swipes, seed ${seed})\n\n${simTable(result)}\n` +
          `\n### The deck's promises over the cards shoppers saw (${catalog})\n\n${deckTable(result)}\n` +
          `\n### Taste shapes (${catalog}; web client's refill pattern; random order with the same tastes as the baseline)\n\n${shapeTable(result)}\n`,
      );
    }
  }

  if (args.flags.has("skip-topk")) {
    writeReport(report);
    return 0;
  }
  const { runFashionTopK, runTopK, topKTable } = await import("@/lib/eval/topk");
  const file = args.flags.get("interactions");
  const topK = runTopK({ file: typeof file === "string" ? file : null, seed, outDir: path.join(dataRoot, "eval") });
  report.topK = topK;
  process.stdout.write(`\n## Offline top-10: ${topK.source}\n\n${topKTable(topK.report)}\n`);
  const deckFlag = String(args.flags.get("fashion-deck") ?? "popular");
  const decks: Array<"popular" | "recommender"> | null = deckFlag === "both" ? ["popular", "recommender"] : deckFlag === "popular" || deckFlag === "recommender" ? [deckFlag] : null;
  if (!decks) throw new Error("--fashion-deck must be popular, recommender or both");
  const fashion: unknown[] = [];
  for (const deck of decks) {
    if (!fs.existsSync(DATASET)) {
      report.skipped.push(`offline top-10 on the fashion dataset: ${DATASET} is absent`);
      break;
    }
    process.stderr.write(`Simulating the fashion-dataset interaction log (${deck} deck)...\n`);
    const r = await runFashionTopK({ datasetCsv: DATASET, seed, deck, outDir: path.join(dataRoot, "eval") });
    if (!r) continue;
    fashion.push(r);
    process.stdout.write(`\n## Offline top-10: ${r.source}\n\n${topKTable(r.report)}\n`);
  }
  (report as { fashionTopK?: unknown }).fashionTopK = fashion;
  writeReport(report);
  return 0;
});

function writeReport(report: { skipped: string[] }): void {
  for (const s of report.skipped) process.stdout.write(`\nskipped: ${s}\n`);
  const jsonOut = path.join(dataRoot, "reports", "eval.json");
  fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
  fs.writeFileSync(jsonOut, JSON.stringify(report, null, 2));
  process.stdout.write(`\nJSON written to ${jsonOut}\n`);
}
