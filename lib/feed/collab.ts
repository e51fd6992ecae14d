// The collaborative signal on the request path: the in-memory trained model of this
// instance (lib/training/model-poller: loaded and swapped in the background, polled off the
// request path) and the shopper's scores from their own ratings only. Nothing here reads
// other shoppers' rows; a request never waits for a model load (null until the first one).
import "server-only";
import { collabScoresFor, type CollabModel } from "@/lib/recommender/collab-model";
import { ratingsFromState } from "@/lib/recommender/collaborative";
import type { PreferenceState } from "@/lib/recommender/types";
import { ModelPoller, type PollerOptions } from "@/lib/training/model-poller";

const g = globalThis as unknown as { __stylenovaCollabModel?: ModelPoller; __stylenovaCollabPollerOptions?: PollerOptions };

function poller(): ModelPoller {
  if (!g.__stylenovaCollabModel) {
    g.__stylenovaCollabModel = new ModelPoller(g.__stylenovaCollabPollerOptions);
    g.__stylenovaCollabModel.start();
  }
  return g.__stylenovaCollabModel;
}

/** The served model (null before the first load). Starts the background polling on first use. */
export function currentCollabModel(): CollabModel | null {
  return poller().current();
}

/** Collaborative scores per product id for a shopper's state (null = no model or no signal). */
export function collabScoresForState(state: PreferenceState): Map<number, number> | null {
  return collabScoresFor(currentCollabModel(), ratingsFromState(state));
}

/** Load a newer model version now (tests, CLI); requests never call this. */
export function refreshCollabModel() {
  return poller().refresh();
}

/**
 * Drop the served model and stop polling (tests; the next use starts again). `poller`
 * options apply from then on: e.g. `{ setTimer: () => 0 }` for a process that loads new
 * versions only through `refreshCollabModel()` (the simulation: deterministic swaps).
 */
export function resetCollabCache(opts?: { poller?: PollerOptions }): void {
  g.__stylenovaCollabModel?.stop();
  g.__stylenovaCollabModel = undefined;
  if (opts) g.__stylenovaCollabPollerOptions = opts.poller;
}
