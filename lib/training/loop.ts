// Runs the trainer forever: one pass every TRAINER_CHECK_MS (a pass trains only when due),
// logging failures and carrying on (the previous model stays in service). Used by the
// worker thread that `npm start` launches and by the standalone `npm run train`.
// Server-only; must not import lib/feed.
import "server-only";
import { randomUUID } from "node:crypto";
import { TRAINER_CHECK_MS } from "@/lib/recommender/config";
import { createTrainer, type TrainerOptions } from "./trainer";

export async function trainForever(opts: Partial<TrainerOptions> & { checkMs?: number; signal?: AbortSignal } = {}): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`[trainer] ${l}\n`));
  const trainer = createTrainer({ holder: opts.holder ?? `trainer-${randomUUID()}`, ...opts, log });
  while (!opts.signal?.aborted) {
    try {
      await trainer.runOnce();
    } catch (e) {
      log(`training failed, the previous model stays in service: ${(e as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, opts.checkMs ?? TRAINER_CHECK_MS));
  }
}
