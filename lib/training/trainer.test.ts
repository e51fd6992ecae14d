// The background trainer against a real SQLite database: incremental reads by id, one
// trainer per database (lease, injected clock), a failed run keeps the previous version,
// undone swipes leave the model at the next training, and an instance keeps serving while
// a new version is swapped in (and refuses a corrupt one).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/lib/db/client";
import * as collabDb from "@/lib/db/collab";
import { latestModelInfo, loadModelRow, saveModelRow } from "@/lib/db/collab";
import { COLLAB_FORMAT } from "@/lib/recommender/collab-codec";
import { trainCollabModel } from "@/lib/recommender/collab-model";
import { createRng } from "@/lib/recommender/random";
import { ModelPoller } from "./model-poller";
import { createTrainer, retrainThreshold } from "./trainer";

let nextEvent = 0;
async function swipe(shopperId: string, productId: number, action: "like" | "pass" | "superlike"): Promise<number> {
  const client = await db();
  await client.shopper.upsert({ where: { id: shopperId }, create: { id: shopperId }, update: {} });
  const e = await client.feedbackEvent.create({ data: { shopperId, productId, action, clientEventId: `e${nextEvent++}` } });
  return e.id;
}

const knn = (m: Parameters<typeof trainCollabModel>[0], info: { version: number; trainedAt: number; lastEventId: number }) =>
  trainCollabModel(m, { ...info, kind: "item-knn", rng: createRng(1) });

beforeAll(async () => {
  const client = await db();
  for (let i = 1; i <= 6; i++)
    await client.product.create({
      data: { id: i, externalId: `p${i}`, name: `P${i}`, brand: "b", category: "c", subcategory: "s", articleType: "t", gender: "women", colours: "[]", styles: "[]", sizes: "[]", description: "" },
    });
  for (const s of ["a", "b", "c"]) {
    await swipe(s, 1, "like");
    await swipe(s, 2, "like");
  }
});
afterAll(() => closeDb());

describe("trainer", () => {
  it("reads only events with id > lastEventId and writes a new version when due", async () => {
    let now = 1_000;
    const spy = vi.spyOn(collabDb, "eventsAfter");
    const t = createTrainer({ holder: "t1", now: () => now, train: knn, minNewEvents: 3, intervalMs: 60_000, firstModelEvents: 3 });
    const r1 = await t.runOnce();
    expect(r1).toMatchObject({ status: "trained", newEvents: 6, version: 1 });
    const last = t.accumulator.lastEventId;
    await swipe("d", 3, "like");
    now += 10;
    const r2 = await t.runOnce();
    expect(r2).toMatchObject({ status: "up-to-date", newEvents: 1 }); // 1 < minNewEvents, interval not passed
    expect(spy.mock.calls.at(-1)![0]).toBe(last); // ids > last only
    expect(spy.mock.calls.every(([after]) => after >= 0)).toBe(true);
    expect(spy.mock.calls.slice(1).every(([after]) => after >= last)).toBe(true);
    now += 60_000;
    expect(await t.runOnce()).toMatchObject({ status: "trained", newEvents: 0, version: 2 });
    expect((await latestModelInfo())!.lastEventId).toBe(last + 1);
    spy.mockRestore();
  });

  it("lets one trainer per database hold the lease until it expires (injected clock)", async () => {
    let now = 500_000;
    const a = createTrainer({ holder: "A", now: () => now, train: knn, leaseMs: 1_000 });
    const b = createTrainer({ holder: "B", now: () => now, train: knn, leaseMs: 1_000 });
    expect((await a.runOnce()).status).not.toBe("no-lease");
    expect((await b.runOnce()).status).toBe("no-lease");
    now += 999;
    expect((await b.runOnce()).status).toBe("no-lease");
    now += 2; // A did not renew: expired
    expect((await b.runOnce()).status).not.toBe("no-lease");
    expect((await a.runOnce()).status).toBe("no-lease");
  });

  it("a failed run writes nothing: the previous version stays; the next run completes", async () => {
    let now = 1_000_000;
    const before = (await latestModelInfo())!.version;
    await swipe("e", 4, "like");
    const failing = createTrainer({ holder: "F", now: () => now, train: () => { throw new Error("killed mid-run"); } });
    await expect(failing.runOnce({ force: true })).rejects.toThrow(/killed/);
    expect((await latestModelInfo())!.version).toBe(before);
    now += 1;
    const ok = createTrainer({ holder: "F", now: () => now, train: knn });
    expect(await ok.runOnce({ force: true })).toMatchObject({ status: "trained", version: before + 1 });
  });

  it("an undone swipe leaves the model at the next training", async () => {
    let now = 2_000_000;
    const t = createTrainer({ holder: "U", now: () => now, train: knn, intervalMs: 10 });
    const id = await swipe("f", 5, "like");
    await swipe("f", 1, "like");
    await t.runOnce({ force: true });
    const has5 = async () => {
      const { decodeCollabModel } = await import("@/lib/recommender/collab-codec");
      const info = (await latestModelInfo())!;
      return decodeCollabModel((await loadModelRow(info.version))!.bytes).index.has(5);
    };
    expect(await has5()).toBe(true);
    const client = await db();
    await client.feedbackEvent.update({ where: { id }, data: { undone: true } });
    now += 20;
    expect((await t.runOnce()).status).toBe("trained"); // the undo alone makes the model stale
    expect(await has5()).toBe(false);
  });
});

describe("trainer schedule (a small store gets a model soon, a large one retrains in bounded steps)", () => {
  it("needs a fifth of the log in new events, at least 50 and at most 2000", () => {
    expect(retrainThreshold(0)).toBe(50);
    expect(retrainThreshold(100)).toBe(50);
    expect(retrainThreshold(1_000)).toBe(200);
    expect(retrainThreshold(1_000_000)).toBe(2_000);
  });
});

describe("model poller", () => {
  it("serves the old model while a new version loads, swaps it in, and keeps it over a corrupt one", async () => {
    const logs: string[] = [];
    const p = new ModelPoller({ log: (l) => logs.push(l), setTimer: () => 0, clearTimer: () => {} });
    await p.refresh();
    const v1 = p.current()!;
    expect(v1.version).toBe((await latestModelInfo())!.version);
    // a newer version: the old one is served until the load completes, then swapped
    await swipe("g", 6, "like");
    await createTrainer({ holder: "U", now: () => 3_000_000, train: knn }).runOnce({ force: true });
    const loading = p.refresh();
    expect(p.current()).toBe(v1);
    expect((await loading).swapped).toBe(true);
    const v2 = p.current()!;
    expect(v2.version).toBe(v1.version + 1);
    // a corrupt newer row: logged, refused, previous kept
    const good = (await loadModelRow(v2.version))!;
    const bad = good.bytes.slice();
    bad[bad.length - 10] ^= 0xff;
    await saveModelRow({ ...good, version: v2.version + 1, bytes: bad, format: COLLAB_FORMAT }, 10);
    const r = await p.refresh();
    expect(r.swapped).toBe(false);
    expect(p.current()).toBe(v2);
    expect(logs.join("\n")).toMatch(/not loaded, keeping v\d+: corrupt collaborative model: checksum/);
  });
});
