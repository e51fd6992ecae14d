// Integration: an import killed midway (SIGKILL) and re-run ends with the full, correct
// catalog and never leaves a product whose image is missing or half-written.
import { spawn, spawnSync } from "node:child_process";
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
  return { ...process.env, DATA_DIR: dataDir, CI: "1" };
}

describe("an interrupted import", () => {
  it("completes on re-run with the full, correct set and no half-written products", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sn-kill-"));
    const csv = await writeFixture(fs.mkdtempSync(path.join(os.tmpdir(), "sn-kill-src-")));
    const dbFile = path.join(dataDir, "stylenova.db");
    const args = [TSX, "--conditions=react-server", "lib/cli/catalog-import.ts", csv, "--no-embed"];

    const child = spawn(process.execPath, args, { cwd: ROOT, env: cliEnv(dataDir), stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let seen = 0;
    for (let t = 0; t < 600 && seen < 40; t++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = countProducts(dbFile);
    }
    child.kill("SIGKILL");
    await exited;
    const partial = countProducts(dbFile);
    expect(partial).toBeGreaterThan(0);
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
    full.close();
    expect(all).toHaveLength(N);
    all.forEach((p, i) => {
      expect(p.externalId).toBe(`K-${String(i).padStart(4, "0")}`);
      expect(p.name).toBe(`Kill Test Item ${i}`);
      expect(p.priceCents).toBe(Math.round((10 + i / 100) * 100));
      expect(fs.existsSync(path.join(dataDir, "media", p.image))).toBe(true);
    });
  }, 180_000);
});
