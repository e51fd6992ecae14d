// Other shoppers' ratings for user-kNN, cached per process for a short time (the
// collaborative signal tolerates seconds of staleness; a shopper's own data never is).
import "server-only";
import { allRatings } from "@/lib/db/shoppers";
import type { CollabUser } from "@/lib/recommender/collaborative";
import { COLLAB_RATING } from "@/lib/recommender/config";

const TTL_MS = 15_000;
const g = globalThis as unknown as { __stylenovaCollab?: { at: number; promise: Promise<CollabUser<number>[]> } };

export async function collaborativeUsers(now: number = Date.now()): Promise<CollabUser<number>[]> {
  const hit = g.__stylenovaCollab;
  if (hit && now - hit.at < TTL_MS) return hit.promise;
  const promise = allRatings(COLLAB_RATING).then((m) => [...m].map(([id, ratings]) => ({ id, ratings })));
  g.__stylenovaCollab = { at: now, promise };
  promise.catch(() => {
    if (g.__stylenovaCollab?.promise === promise) g.__stylenovaCollab = undefined;
  });
  return promise;
}

export function resetCollabCache(): void {
  g.__stylenovaCollab = undefined;
}
