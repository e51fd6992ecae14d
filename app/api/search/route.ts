// GET /api/search - search the catalog by words: ?q=&gender=&type=&colour=&brand=&season=&usage=&min=&max=&sort=&page=&drop=
// (lib/search/url.ts parses them; lib/search/contract.ts TextSearchResponse is the answer).
// An empty or all-stop-word query with no filters, or a bad parameter, is a 400 naming it.
import { textSearch } from "@/lib/feed/text-search";
import { handle, HttpError, json } from "@/lib/http/respond";
import { parseSearchState, SearchInputError } from "@/lib/search/url";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    try {
      const state = parseSearchState(new URL(request.url).searchParams);
      return json(await textSearch(state));
    } catch (e) {
      if (e instanceof SearchInputError) throw new HttpError(400, e.message, { param: e.param });
      throw e;
    }
  });
}
