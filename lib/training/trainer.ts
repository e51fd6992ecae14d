// The background trainer of the collaborative model: under the database's trainer lease,
// reads only the events added since its last pass (by id) into an accumulator, and
// retrains when enough new events arrived (`retrainThreshold`: TRAINER_MIN_NEW_FRACTION of
// the log, at least TRAINER_FIRST_MODEL_EVENTS, at most TRAINER_MIN_NEW_EVENTS, so a small
// store gets fresh models as often as a large one gets them cheaply), when anything changed
// and TRAINER_INTERVAL_MS passed, or when undone swipes changed; the first model once
// TRAINER_FIRST_MODEL_EVENTS arrived or TRAINER_FIRST_MODEL_MS after the first event. Then
// writes the next model version (keeping MODEL_VERSIONS_KEPT). A run that fails or is killed writes nothing, so
// the previous version stays in service. Clock, randomness and the model trainer are injected.
// Server-only; must not import lib/feed.
import "server-only";
import { acquireLease, eventsAfter, latestModelInfo, saveModelRow, undoneEventIds } from "@/lib/db/collab";
import { COLLAB_FORMAT, encodeCollabModel } from "@/lib/recommender/collab-codec";
import type { RatingMatrix } from "@/lib/recommender/collab-matrix";
import { trainCollabModel, type CollabModel } from "@/lib/recommender/collab-model";
import {
  MODEL_VERSIONS_KEPT, TRAINER_EVENT_PAGE, TRAINER_FIRST_MODEL_EVENTS, TRAINER_FIRST_MODEL_MS, TRAINER_INTERVAL_MS, TRAINER_LEASE_MS, TRAINER_MIN_NEW_EVENTS,
  TRAINER_MIN_NEW_FRACTION,
} from "@/lib/recommender/config";
import { createRng } from "@/lib/recommender/random";
import { EventAccumulator } from "./accumulator";

export const TRAINER_LEASE = "collab-trainer";

export interface TrainerOptions {
  holder: string;
  now?: () => number;
  /** the model trainer (default: the served kind with config.ts constants) */
  train?: (m: RatingMatrix, info: TrainInfo) => CollabModel;
  /** retrain once this many new events arrived (default: `retrainThreshold` of the log size) */
  minNewEvents?: number;
  intervalMs?: number;
  /** no model yet: train once this many events arrived, or firstModelMs after the first one */
  firstModelEvents?: number;
  firstModelMs?: number;
  leaseMs?: number;
  pageSize?: number;
  log?: (line: string) => void;
}

export interface TrainerRun {
  status: "no-lease" | "up-to-date" | "trained" | "lease-lost";
  newEvents: number;
  version?: number;
  kind?: string;
  ms?: number;
  bytes?: number;
}

export interface Trainer {
  /** One pass: lease, incremental read, train + write when due. Throws when training fails. */
  runOnce(opts?: { force?: boolean }): Promise<TrainerRun>;
  readonly accumulator: EventAccumulator;
}

/** New events that make a retrain due for a log of `logSize` events: a fifth of it, within [50, 2000]. */
export function retrainThreshold(logSize: number): number {
  return Math.min(TRAINER_MIN_NEW_EVENTS, Math.max(TRAINER_FIRST_MODEL_EVENTS, Math.ceil(logSize * TRAINER_MIN_NEW_FRACTION)));
}

/** What a training run gets: the version to write and, to warm-start from, this trainer's last model. */
export interface TrainInfo {
  version: number;
  trainedAt: number;
  lastEventId: number;
  previous: CollabModel | null;
}

function defaultTrain(m: RatingMatrix, info: TrainInfo): CollabModel {
  return trainCollabModel(m, { version: info.version, trainedAt: info.trainedAt, lastEventId: info.lastEventId, previous: info.previous, rng: createRng(info.version) });
}

export function createTrainer(opts: TrainerOptions): Trainer {
  const now = opts.now ?? Date.now;
  const train = opts.train ?? defaultTrain;
  const minNew = (): number => opts.minNewEvents ?? retrainThreshold(acc.size);
  const firstEvents = opts.firstModelEvents ?? TRAINER_FIRST_MODEL_EVENTS;
  const firstMs = opts.firstModelMs ?? TRAINER_FIRST_MODEL_MS;
  const interval = opts.intervalMs ?? TRAINER_INTERVAL_MS;
  const leaseMs = opts.leaseMs ?? TRAINER_LEASE_MS;
  const page = opts.pageSize ?? TRAINER_EVENT_PAGE;
  const log = opts.log ?? (() => {});
  const acc = new EventAccumulator();
  let pending = 0; // events read since the last written model
  let undoneChanged = false;
  let previous: CollabModel | null = null; // the last model this trainer wrote (ALS warm start)
  let lastTrainedAt = -Infinity;
  let started = false;
  let firstSeenAt: number | null = null; // when this trainer first saw events while no model existed

  async function readNew(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await eventsAfter(acc.lastEventId, page);
      total += acc.add(batch);
      if (batch.length < page) return total;
    }
  }

  return {
    accumulator: acc,
    async runOnce({ force = false } = {}) {
      if (!(await acquireLease(TRAINER_LEASE, opts.holder, now(), leaseMs))) return { status: "no-lease", newEvents: 0 };
      const latest = await latestModelInfo();
      if (!started) {
        // a fresh trainer reads the whole log once; a newer model written elsewhere is fine
        started = true;
        if (latest) lastTrainedAt = now();
      }
      const newEvents = await readNew();
      pending += newEvents;
      if (acc.setUndone(await undoneEventIds(acc.lastEventId))) undoneChanged = true;
      const stale = latest === null || latest.lastEventId < acc.lastEventId || undoneChanged;
      if (latest === null && acc.size > 0) firstSeenAt ??= now();
      const firstDue = latest === null && acc.size > 0 && (acc.size >= firstEvents || now() - firstSeenAt! >= firstMs);
      const due = force || firstDue || (latest !== null && stale && (pending >= minNew() || now() - lastTrainedAt >= interval));
      if (!due || acc.size === 0) return { status: "up-to-date", newEvents };
      const t0 = now();
      const version = (latest?.version ?? 0) + 1;
      const matrix = acc.toMatrix();
      const model = train(matrix, { version, trainedAt: t0, lastEventId: acc.lastEventId, previous });
      const bytes = encodeCollabModel(model);
      // training can outlast the lease: write only while still holding it
      if (!(await acquireLease(TRAINER_LEASE, opts.holder, now(), leaseMs))) return { status: "lease-lost", newEvents };
      await saveModelRow({ version, kind: model.kind, format: COLLAB_FORMAT, lastEventId: acc.lastEventId, items: model.itemIds.length, bytes }, MODEL_VERSIONS_KEPT);
      previous = model;
      pending = 0;
      undoneChanged = false;
      lastTrainedAt = now();
      const ms = now() - t0;
      log(`collaborative model v${version} (${model.kind}, ${matrix.users} shoppers, ${model.itemIds.length} items, ${bytes.length} bytes) trained in ${ms} ms`);
      return { status: "trained", newEvents, version, kind: model.kind, ms, bytes: bytes.length };
    },
  };
}
