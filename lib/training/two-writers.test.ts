// Two writers on one database file: a child process runs trainer passes back to back
// (lib/training/trainer-loop-child.ts: each pass takes the lease and writes a model version)
// while this process records swipes and undos of several shoppers concurrently through
// lib/feed. No call may fail (SQLite: "database is locked"), nothing acknowledged may be
// lost (the event log holds exactly the acknowledged swipes and undos, and each stored state
// equals the state replayed from the log), and the trainer's last version has read every
// event. The swiping goes on until the trainer has written several versions meanwhile, so
// the overlap is guaranteed by construction, not by timing.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBundledCatalog } from "@/lib/catalog/seed";
import { closeDb, db } from "@/lib/db/client";
import { latestModelInfo } from "@/lib/db/collab";
import { activeEvents, getShopper } from "@/lib/db/shoppers";
import { getEmbedder } from "@/lib/embedding";
import { getCatalog } from "@/lib/feed/catalog";
import { refreshCollabModel, resetCollabCache } from "@/lib/feed/collab";
import { nextCards, recordFeedback, submitQuiz, undoLast } from "@/lib/feed/deck";
import { replayEvents } from "@/lib/recommender/learning";
import type { FeedbackAction } from "@/lib/recommender/types";

const SHOPPERS = 6;
const MIN_SWIPES = 30; // per shopper
const MIN_VERSIONS_DURING = 3; // model versions the trainer writes while the swipes go on
const QUIZ = { categories: [], colours: ["black"], brands: [], styles: [], gender: null, sizes: [], budget: { minCents: null, maxCents: null } };

interface Pass {
  status?: string;
  version?: number | null;
  error?: string;
}

function startTrainerLoop(): { child: ChildProcess; passes: Pass[]; exited: Promise<number | null> } {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", path.join(process.cwd(), "lib", "training", "trainer-loop-child.ts"), "--pause-ms", "5"], {
    env: process.env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const passes: Pass[] = [];
  let buf = "";
  child.stdout!.on("data", (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      passes.push(JSON.parse(buf.slice(0, nl)) as Pass);
      buf = buf.slice(nl + 1);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, passes, exited };
}

const trainedCount = (passes: Pass[]) => passes.filter((p) => p.status === "trained").length;

beforeAll(async () => {
  await seedBundledCatalog({ embedder: await getEmbedder(), count: 200 });
  await db();
}, 300_000);
afterAll(async () => {
  resetCollabCache();
  await closeDb();
});

describe("two writers on one database: the trainer process and the app", () => {
  it("records every acknowledged swipe and undo while the trainer writes model versions", async () => {
    const loop = startTrainerLoop();
    try {
      // the child is up and has passed at least once before the swipes start
      while (loop.passes.length === 0) {
        if (loop.child.exitCode !== null) throw new Error(`the trainer loop exited (${loop.child.exitCode})`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const trainedBefore = trainedCount(loop.passes);
      const acked = new Map<string, { events: Map<string, { productId: number; action: FeedbackAction }>; undone: Set<string> }>();
      const errors: string[] = [];

      const shopper = async (s: number) => {
        const id = `twoWriters${String(s).padStart(12, "0")}`;
        const mine = { events: new Map<string, { productId: number; action: FeedbackAction }>(), undone: new Set<string>() };
        acked.set(id, mine);
        await submitQuiz(id, QUIZ, { limit: 1 });
        let n = 0;
        while (n < MIN_SWIPES || trainedCount(loop.passes) - trainedBefore < MIN_VERSIONS_DURING) {
          if (n > 400) throw new Error("the trainer wrote too few versions while 400 swipes per shopper were recorded");
          const { cards } = await nextCards(id, { limit: 5, exclude: [] });
          if (cards.length === 0) break;
          for (const c of cards) {
            const clientEventId = `s${s}-${n}`;
            const action: FeedbackAction = (n + s) % 4 === 0 ? "pass" : (n + s) % 9 === 0 ? "superlike" : "like";
            const r = await recordFeedback(id, { productId: c.product.id, action, clientEventId, position: n });
            if (r.duplicate) errors.push(`${clientEventId} acknowledged as a duplicate`);
            mine.events.set(clientEventId, { productId: c.product.id, action });
            n++;
            // requests arrive through I/O: let the event loop turn (else the microtask-only
            // chain of the synchronous driver never reads the child's output)
            await new Promise((r) => setImmediate(r));
            if (n % 7 === 0) {
              const u = await undoLast(id, { clientEventId });
              if (u.undone?.clientEventId !== clientEventId) errors.push(`undo of ${clientEventId} answered ${JSON.stringify(u.undone)}`);
              else mine.undone.add(clientEventId);
            }
          }
        }
      };
      const results = await Promise.allSettled(Array.from({ length: SHOPPERS }, (_, s) => shopper(s)));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => String(r.reason));
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      expect(trainedCount(loop.passes) - trainedBefore, JSON.stringify(loop.passes.slice(-5))).toBeGreaterThanOrEqual(MIN_VERSIONS_DURING);

      loop.child.stdin!.end(); // the child runs one last pass and exits
      expect(await loop.exited).toBe(0);
      expect(loop.passes.filter((p) => p.error)).toEqual([]);

      // nothing acknowledged is lost: the log holds exactly the acknowledged swipes and undos
      const client = await db();
      const catalog = await getCatalog();
      for (const [id, mine] of acked) {
        const rows = await client.feedbackEvent.findMany({ where: { shopperId: id }, orderBy: { id: "asc" } });
        expect(rows.map((r) => r.clientEventId).sort()).toEqual([...mine.events.keys()].sort());
        for (const r of rows) {
          expect({ productId: r.productId, action: r.action }).toEqual(mine.events.get(r.clientEventId));
          expect(r.undone).toBe(mine.undone.has(r.clientEventId));
        }
        const stored = await getShopper(id);
        const active = await activeEvents(id);
        const replayed = replayEvents(stored!.quiz!, active.map((e) => ({ productId: e.productId, action: e.action, at: e.createdAt.getTime() })), catalog.byId, catalog.vectors);
        expect(stored!.state).toEqual(replayed);
        expect(stored!.eventCount).toBe(mine.events.size + mine.undone.size);
      }

      // the trainer's newest version has read every event, and the app serves it
      const maxId = (await client.feedbackEvent.aggregate({ _max: { id: true } }))._max.id!;
      const latest = (await latestModelInfo())!;
      expect(latest.lastEventId).toBe(maxId);
      await refreshCollabModel();
      const [firstId] = acked.keys();
      const { cards } = await nextCards(firstId, { limit: 10, exclude: [] });
      expect(cards.some((c) => c.components.collaborative !== null)).toBe(true);
    } finally {
      if (loop.child.exitCode === null) loop.child.kill("SIGTERM");
    }
  }, 600_000);
});
