// POST /api/quiz - create or replace the shopper's style quiz; returns the first cards.
import { withShopper } from "@/lib/auth/shopper";
import { submitQuiz } from "@/lib/feed/deck";
import { readJson } from "@/lib/http/body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { json } from "@/lib/http/respond";
import { quizSchema } from "@/lib/schemas/quiz";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return withShopper(request, async (shopperId) => {
    enforceRateLimit("quiz", shopperId);
    const quiz = await readJson(request, quizSchema);
    return json(await submitQuiz(shopperId, quiz));
  });
}
