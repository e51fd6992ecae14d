// Builds the CLIP text prompt that seeds a shopper's visual profile from the quiz,
// e.g. "a photo of a casual black dress". Pure.
import type { QuizAnswers } from "@/lib/recommender/types";

function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith("ses") || w.endsWith("xes")) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** null when the quiz says nothing visual (no colours, styles or categories). */
export function quizPrompt(quiz: QuizAnswers): string | null {
  const style = quiz.styles[0]?.toLowerCase();
  const colour = quiz.colours[0]?.toLowerCase();
  const category = quiz.categories[0] ? singular(quiz.categories[0]) : null;
  if (!style && !colour && !category) return null;
  const words = [style, colour, category ?? "outfit"].filter(Boolean).join(" ");
  const article = /^[aeiou]/.test(words) ? "an" : "a";
  return `a photo of ${article} ${words}`;
}
