// Pure helpers for the quiz steps: which options are shown up front and which sit under
// "More", and which product illustrates a style tile for this shopper.
import type { OptionCount, OptionWithImage } from "@/lib/schemas/quiz-options";

/**
 * Options with at least minCount products first (in their given order), the rest under
 * "More". A value the shopper already chose stays in front so it is never hidden; when
 * nothing reaches the threshold everything is shown.
 */
export function splitByCount<T extends OptionCount>(options: readonly T[], minCount: number, chosen: readonly string[] = []): { main: T[]; more: T[] } {
  const main = options.filter((o) => o.count >= minCount || chosen.includes(o.value));
  const more = options.filter((o) => !main.includes(o));
  return main.length === 0 ? { main: [...options], more: [] } : { main, more };
}

/**
 * The image for a style tile: the style's most representative product inside the chosen
 * article types and gender (unisex fits everyone), then inside the chosen article types,
 * then for the gender, then overall.
 */
export function styleImage(option: OptionWithImage, categories: readonly string[], gender: string | null): string | null {
  const ex = option.examples ?? [];
  const inTypes = (e: { articleType: string }) => categories.length === 0 || categories.includes(e.articleType);
  const forGender = (e: { gender: string }) => gender === null || e.gender === gender || e.gender === "unisex";
  const hit = ex.find((e) => inTypes(e) && forGender(e)) ?? ex.find(inTypes) ?? ex.find(forGender);
  return hit?.imageUrl ?? option.imageUrl;
}
