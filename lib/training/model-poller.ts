// An instance's served collaborative model: polls the model table for a newer version off
// the request path (an unref'd timer), decodes it and swaps it in with one assignment, so
// a request sees either the old or the new model, never a half-loaded one, and never waits.
// A failed or corrupt load logs one line and keeps the previous model. Timer injected.
// Server-only; must not import lib/feed.
import "server-only";
import { latestModelInfo, loadModelRow } from "@/lib/db/collab";
import { decodeCollabModel } from "@/lib/recommender/collab-codec";
import type { CollabModel } from "@/lib/recommender/collab-model";
import { MODEL_POLL_MS } from "@/lib/recommender/config";

export interface ModelSource {
  latestVersion(): Promise<number | null>;
  load(version: number): Promise<Uint8Array | null>;
}

export const dbModelSource: ModelSource = {
  async latestVersion() {
    return (await latestModelInfo())?.version ?? null;
  },
  async load(version) {
    return (await loadModelRow(version))?.bytes ?? null;
  },
};

export interface PollerOptions {
  source?: ModelSource;
  intervalMs?: number;
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void; [k: string]: unknown } | number;
  clearTimer?: (t: unknown) => void;
  now?: () => number;
  log?: (line: string) => void;
}

export interface RefreshResult {
  swapped: boolean;
  version: number | null;
  error?: string;
  loadMs?: number;
}

export class ModelPoller {
  private model: CollabModel | null = null;
  private inflight: Promise<RefreshResult> | null = null;
  private timer: unknown = null;
  private failedVersion: number | null = null;
  constructor(private readonly opts: PollerOptions = {}) {}

  current(): CollabModel | null {
    return this.model;
  }

  /** Load a newer version if there is one (concurrent calls share one load). Never throws. */
  refresh(): Promise<RefreshResult> {
    this.inflight ??= this.load().finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async load(): Promise<RefreshResult> {
    const source = this.opts.source ?? dbModelSource;
    const log = this.opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
    const now = this.opts.now ?? Date.now;
    const have = this.model?.version ?? null;
    let latest: number | null = null;
    try {
      latest = await source.latestVersion();
      if (latest === null || latest === have || latest === this.failedVersion || (have !== null && latest < have)) return { swapped: false, version: have };
      const t0 = now();
      const bytes = await source.load(latest);
      if (!bytes) return { swapped: false, version: have };
      const model = decodeCollabModel(bytes);
      if (model.version !== latest) throw new Error(`row version ${latest} holds model version ${model.version}`);
      this.model = model; // the swap: one reference assignment
      return { swapped: true, version: latest, loadMs: now() - t0 };
    } catch (e) {
      this.failedVersion = latest;
      const error = (e as Error).message;
      log(`collaborative model v${latest ?? "?"} not loaded, keeping v${have ?? "none"}: ${error}`);
      return { swapped: false, version: have, error };
    }
  }

  /** Refresh now and then every intervalMs (an unref'd timer: it never keeps the process alive). */
  start(): void {
    if (this.timer !== null) return;
    const setTimer = this.opts.setTimer ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
    const t = setTimer(() => void this.refresh(), this.opts.intervalMs ?? MODEL_POLL_MS);
    if (typeof t === "object" && t && typeof t.unref === "function") t.unref();
    this.timer = t;
    void this.refresh();
  }

  stop(): void {
    if (this.timer !== null) (this.opts.clearTimer ?? ((t: unknown) => clearInterval(t as NodeJS.Timeout)))(this.timer);
    this.timer = null;
  }
}
