// SQLITE_SYNCHRONOUS: "full" makes every SQLite connection the app opens commit with
// synchronous=FULL (survives a power cut); the default stays NORMAL; bad values are named.
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { createDb } from "./client";

vi.hoisted(() => {
  process.env.SQLITE_SYNCHRONOUS = "full"; // before anything calls env()
});

describe("SQLITE_SYNCHRONOUS", () => {
  it("should parse normal (default) and full, and name the variable for anything else", () => {
    expect(parseEnv({ NODE_ENV: "test" }).sqliteSynchronous).toBe("normal");
    expect(parseEnv({ NODE_ENV: "test", SQLITE_SYNCHRONOUS: "full" }).sqliteSynchronous).toBe("full");
    expect(() => parseEnv({ NODE_ENV: "test", SQLITE_SYNCHRONOUS: "fast" })).toThrow(/SQLITE_SYNCHRONOUS must be "normal" or "full"/);
  });

  it("should open SQLite connections with synchronous=FULL when set to full", async () => {
    const { client, ready } = createDb(`file:${path.join(process.env.DATA_DIR as string, "durable.db")}`);
    await ready;
    try {
      const rows = await client.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>("PRAGMA synchronous");
      expect(Number(rows[0].synchronous)).toBe(2); // 2 = FULL, 1 = NORMAL
    } finally {
      await client.$disconnect();
    }
  });
});
