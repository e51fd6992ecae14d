// GET /api/quiz/options - the quiz's choices (article types, colours, brands, styles,
// sizes, genders, price range) computed from the visible catalog.
import { getCatalog } from "@/lib/feed/catalog";
import { handle, json } from "@/lib/http/respond";
import { quizOptionsFor } from "./options";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return handle(async () => {
    const catalog = await getCatalog();
    return json(quizOptionsFor(catalog.products), { headers: { "Cache-Control": "public, max-age=60" } });
  });
}
