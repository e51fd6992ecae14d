// GET /api/search?q=...&limit=24 - search the catalog by words.
import { searchByText } from "@/lib/feed/search";
import { readQuery } from "@/lib/http/body";
import { handle, json } from "@/lib/http/respond";
import { searchQuerySchema } from "@/lib/schemas/products";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const { q, limit } = readQuery(request, searchQuerySchema);
    return json(await searchByText(q, limit));
  });
}
