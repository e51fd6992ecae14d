// The SQLite schema (prisma/schema.prisma) and the PostgreSQL schema
// (prisma/postgres/schema.prisma) must declare the same models: only the datasource and
// generator blocks may differ. Both providers also need the same migration names.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

/** Model / enum blocks of a schema file, comments and blank lines removed, whitespace normalised. */
function modelBlocks(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const blocks = text.match(/^(model|enum|type|view)\s+\w+\s*\{[\s\S]*?^\}/gm) ?? [];
  return blocks.map((b) =>
    b
      .split("\n")
      .map((l) => l.replace(/\/\/.*$/, "").trim().replace(/\s+/g, " "))
      .filter((l) => l.length > 0)
      .join("\n"),
  );
}

function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

describe("prisma schemas", () => {
  it("declare identical models for SQLite and PostgreSQL", () => {
    const sqlite = modelBlocks("prisma/schema.prisma");
    const postgres = modelBlocks("prisma/postgres/schema.prisma");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
  });

  it("use the expected providers", () => {
    expect(fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")).toMatch(/provider\s*=\s*"sqlite"/);
    const pg = fs.readFileSync(path.join(root, "prisma/postgres/schema.prisma"), "utf8");
    expect(pg).toMatch(/provider\s*=\s*"postgresql"/);
    expect(pg).toMatch(/output\s*=\s*"..\/..\/node_modules\/.prisma\/client-pg"/);
  });

  it("have the same migrations on both providers", () => {
    expect(migrationNames("prisma/postgres/migrations")).toEqual(migrationNames("prisma/migrations"));
  });
});
