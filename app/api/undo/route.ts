// POST /api/undo - undo the shopper's most recent swipe (an empty body means {}).
import { withShopper } from "@/lib/auth/shopper";
import { undoLast } from "@/lib/feed/deck";
import { readJson } from "@/lib/http/body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { json } from "@/lib/http/respond";
import { undoSchema } from "@/lib/schemas/feedback";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return withShopper(request, async (shopperId) => {
    enforceRateLimit("undo", shopperId);
    const input = await readJson(request, undoSchema, { emptyAs: {} });
    return json(await undoLast(shopperId, input));
  });
}
