// Import runs left "running" by a killed process are marked "interrupted" at start; finished
// runs keep their outcome.
import { describe, expect, it } from "vitest";
import { db } from "./client";
import { markInterruptedImportRuns, recentImportRuns } from "./admin-stats";

describe("markInterruptedImportRuns", () => {
  it("should mark only running runs as interrupted, with the given time", async () => {
    const client = await db();
    const t0 = new Date("2026-01-02T03:04:05Z");
    await client.importRun.create({ data: { source: "done.csv", status: "done", total: 3, imported: 3, finishedAt: t0 } });
    await client.importRun.create({ data: { source: "killed.csv", status: "running", total: 9 } });
    await client.importRun.create({ data: { source: "failed.csv", status: "failed", total: 1, finishedAt: t0 } });
    const at = new Date("2026-11-28T00:00:00Z");
    expect(await markInterruptedImportRuns(at)).toBe(1);
    const runs = new Map((await recentImportRuns()).map((r) => [r.source, r]));
    expect(runs.get("killed.csv")).toMatchObject({ status: "interrupted", finishedAt: at });
    expect(runs.get("done.csv")).toMatchObject({ status: "done", finishedAt: t0 });
    expect(runs.get("failed.csv")?.status).toBe("failed");
    expect(await markInterruptedImportRuns(at)).toBe(0);
  });
});
