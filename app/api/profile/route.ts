// GET /api/profile - the shopper's quiz answers and what the profile has learned.
import { withShopper } from "@/lib/auth/shopper";
import { getProfile } from "@/lib/feed/deck";
import { json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withShopper(request, async (shopperId) => json(await getProfile(shopperId)));
}
