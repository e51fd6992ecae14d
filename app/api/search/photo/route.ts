// POST /api/search/photo - search the catalog by a photo (multipart field "image":
// JPEG/PNG/WebP, at most 5 MB, 6000 px per side, 25 megapixels). Answers a
// PhotoSearchResponse (lib/search/contract.ts): the closest matches in order, no score,
// and the article types among them.
import { withShopper } from "@/lib/auth/shopper";
import { searchByPhoto } from "@/lib/feed/photo-search";
import { normaliseImage, readImageField } from "@/lib/http/image-upload";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { json } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return withShopper(request, async (shopperId) => {
    enforceRateLimit("photo", shopperId);
    const image = await normaliseImage(await readImageField(request));
    return json(await searchByPhoto(image));
  });
}
