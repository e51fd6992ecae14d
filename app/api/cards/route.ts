// GET /api/cards?limit=10&exclude=1,2,3&revs=2:k3x9a,3:1f0zq - the next cards for the shopper's
// deck, plus `removed` (held ids now hidden/deleted) and `updated` (held cards whose product changed).
import { withShopper } from "@/lib/auth/shopper";
import { nextCards } from "@/lib/feed/deck";
import { readQuery } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { nextCardsQuerySchema } from "@/lib/schemas/feedback";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withShopper(request, async (shopperId) => {
    const query = readQuery(request, nextCardsQuerySchema);
    return json(await nextCards(shopperId, query));
  });
}
