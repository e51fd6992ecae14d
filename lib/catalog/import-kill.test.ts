// Integration: an import killed midway (SIGKILL) and re-run ends with the full, correct
// catalog and never leaves a product whose image is missing or half-written. The kill
// is triggered by the child's own progress report on stderr ("Importing ... k/N", written
// after a chunk of k rows is committed), so nothing depends on how fast the machine is.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { csvLine } from "./csv";
import { STYLENOVA_COLUMNS } from "./rows";

const N = 300;
const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

async function writeFixture(dir: string): Promise<string> {
  fs.mkdirSync(path.join(dir, "images"), { recursive: true });
  const lines = [STYLENOVA_COLUMNS.join(",")];
  for (let i = 0; i < N; i++) {
    const id = `K-${String(i).padStart(4, "0")}`;
    const hue = (i * 37) % 360;
    await sharp({ create: { width: 300, height: 400, channels: 3, background: `hsl(${hue}, 60%, 50%)` } })
      .png()
      .toFile(path.join(dir, "images", `${id}.png`));
    lines.push(
      csvLine([id, `Kill Test Item ${i}`, "Acme", i % 2 ? "Men" : "Women", "Apparel", "Topwear", "Tshirts", "red", "solid", "casual", "Summer", 2024, (10 + i / 100).toFixed(2), "USD", "S|M", `Item number ${i}.`, `images/${id}.png`]),
    );
  }
  const csv = path.join(dir, "catalog.csv");
  fs.writeFileSync(csv, `${lines.join("\n")}\n`);
  return csv;
}

function countProducts(dbFile: string): number {
  if (!fs.existsSync(dbFile)) return 0;
  const d = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (d.prepare(`SELECT count(*) AS n FROM "Product"`).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    d.close();
  }
}

function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, DATA_DIR: dataDir, CI: "1" }; // CI: plain progress lines, no redrawn bar
}

/** Resolves with k once the child reports "Importing [...] k/total" with 0 < k; rejects if it exits first. */
function firstCommittedRows(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      buffered += chunk;
      for (const m of buffered.matchAll(/^Importing\s+\[[#-]+\]\s+(\d+)\/(\d+)/gm)) {
        if (Number(m[1]) > 0) resolve(Number(m[1]));
      }
    });
    child.on("exit", (code, signal) => reject(new Error(`the import exited (${code ?? signal}) before reporting progress:\n${buffered}`)));
  });
}

describe("an interrupted import", () => {
  it("completes on re-run with the full, correct set and no half-written products", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-kill-"));
    const csv = await writeFixture(fs.mkdtempSync(path.join(os.tmpdir(), "sn-kill-src-")));
    const dbFile = path.join(dataDir, "stylenova.db");
    const args = [TSX, "--conditions=react-server", "lib/cli/catalog-import.ts", csv, "--no-embed"];

    const child = spawn(process.execPath, args, { cwd: ROOT, env: cliEnv(dataDir), stdio: ["ignore", "ignore", "pipe"] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    const committed = await firstCommittedRows(child);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL"); // killed, not finished on its own
    expect(committed).toBeLessThan(N);
    const partial = countProducts(dbFile);
    expect(partial).toBeGreaterThanOrEqual(committed); // what was reported as committed survived the kill
    expect(partial).toBeLessThan(N);

    // every product written before the kill is whole: its image exists and decodes
    const d = new Database(dbFile, { readonly: true });
    const rows = d.prepare(`SELECT externalId, image FROM "Product"`).all() as { externalId: string; image: string }[];
    d.close();
    for (const r of rows) {
      const meta = await sharp(path.join(dataDir, "media", r.image)).metadata();
      expect(meta.format).toBe("webp");
    }

    const rerun = spawnSync(process.execPath, args, { cwd: ROOT, env: cliEnv(dataDir), encoding: "utf8" });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`Imported ${N} of ${N} rows`));

    const full = new Database(dbFile, { readonly: true });
    const all = full.prepare(`SELECT externalId, name, priceCents, image FROM "Product" ORDER BY externalId`).all() as {
      externalId: string; name: string; priceCents: number; image: string;
    }[];
    const distinct = (full.prepare(`SELECT count(DISTINCT externalId) AS n FROM "Product"`).get() as { n: number }).n;
    full.close();
    expect(all).toHaveLength(N);
    expect(distinct).toBe(N); // nothing duplicated
    for (const [i, p] of all.entries()) {
      expect(p.externalId).toBe(`K-${String(i).padStart(4, "0")}`);
      expect(p.name).toBe(`Kill Test Item ${i}`);
      expect(p.priceCents).toBe(Math.round((10 + i / 100) * 100));
      expect((await sharp(path.join(dataDir, "media", p.image)).metadata()).format).toBe("webp");
    }
  }, 180_000);
});
