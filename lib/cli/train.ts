// npm run train [-- --once]: the standalone collaborative trainer for multi-instance
// deployments (instances run with COLLAB_TRAINER=off). One trainer per database holds the
// lease; extra ones wait. --once trains now (if anything is new) and exits.
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { trainForever } from "@/lib/training/loop";
import { releaseLease } from "@/lib/db/collab";
import { createTrainer, TRAINER_LEASE } from "@/lib/training/trainer";
import { randomUUID } from "node:crypto";
import { parseArgs, runCli } from "./args";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), []);
  await migrate(env().databaseUrl);
  if (args.flags.has("once")) {
    const holder = `train-cli-${randomUUID()}`;
    const r = await createTrainer({ holder, log: (l) => process.stderr.write(`${l}\n`) }).runOnce({ force: true });
    await releaseLease(TRAINER_LEASE, holder); // a one-shot run must not hold off the regular trainer for a lease period
    process.stdout.write(`${JSON.stringify(r)}\n`);
    await closeDb();
    return r.status === "no-lease" ? 1 : 0;
  }
  await trainForever();
  return 0;
});
