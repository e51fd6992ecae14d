// POST /api/feedback - record a swipe (idempotent by clientEventId).
import { withShopper } from "@/lib/auth/shopper";
import { recordFeedback } from "@/lib/feed/deck";
import { readJson } from "@/lib/http/body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { json } from "@/lib/http/respond";
import { feedbackSchema } from "@/lib/schemas/feedback";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return withShopper(request, async (shopperId) => {
    enforceRateLimit("feedback", shopperId);
    const input = await readJson(request, feedbackSchema);
    return json(await recordFeedback(shopperId, input));
  });
}
