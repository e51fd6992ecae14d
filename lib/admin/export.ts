// Feedback export in the interactions format `npm run eval -- --interactions FILE` reads
// (user,item,rating,timestamp). evaluateTopK treats every row as a positive, so only likes
// (1) and superlikes (2) are exported by default; include "all" adds passes (-1).
// Server-only; must not import lib/feed or next.
import "server-only";
import { exportableEvents } from "@/lib/db/admin-stats";
import { formatInteractions } from "@/lib/eval/interactions";

export const EXPORT_RATING: Record<string, number> = { like: 1, superlike: 2, pass: -1 };

export async function interactionsCsv(include: "positive" | "all"): Promise<{ csv: string; rows: number }> {
  const actions = include === "all" ? ["like", "superlike", "pass"] : ["like", "superlike"];
  const events = await exportableEvents(actions);
  const list = events.map((e) => ({
    user: e.shopperId,
    item: e.externalId,
    rating: EXPORT_RATING[e.action],
    timestamp: Math.floor(e.createdAt.getTime() / 1000),
  }));
  return { csv: formatInteractions(list), rows: list.length };
}
