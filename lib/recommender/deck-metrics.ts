// What a shopper actually saw, measured: the 3-per-10 rule over every window of 10
// consecutive cards, near-duplicates side by side, explanations checked against the
// shopper's log and quiz (independently of the state explain.ts reads), and how many of the
// first cards honour the quiz's categories. Used by the property test and `npm run eval`.
// Pure: must not import anything outside lib/recommender.
import { productKeys } from "./attributes";
import { BATCH_WINDOW, MAX_PER_ARTICLE_TYPE } from "./config";
import { nearDuplicates } from "./rules";
import type { SessionResult } from "./simulate";
import { attributeKey } from "./text";
import type { FeedbackAction, Product, QuizAnswers, Reason } from "./types";

/** Windows of BATCH_WINDOW consecutive cards holding more than MAX_PER_ARTICLE_TYPE of one type, and all windows. */
export function capWindows(products: readonly Product[]): { broken: number; windows: number } {
  let broken = 0;
  let windows = 0;
  for (let i = 0; i + BATCH_WINDOW <= products.length; i++) {
    windows++;
    const counts = new Map<string, number>();
    for (const p of products.slice(i, i + BATCH_WINDOW)) counts.set(p.articleType.toLowerCase(), (counts.get(p.articleType.toLowerCase()) ?? 0) + 1);
    if (Math.max(...counts.values()) > MAX_PER_ARTICLE_TYPE) broken++;
  }
  return { broken, windows };
}

/** Pairs of consecutive cards that are near-duplicates (same name or same picture). */
export function adjacentDuplicates(products: readonly Product[]): number {
  let n = 0;
  for (let i = 1; i < products.length; i++) if (nearDuplicates(products[i - 1], products[i])) n++;
  return n;
}

/** Does the product match a quiz answer of this kind (the quiz's own matching: normalised keys)? */
function matchesAnswer(p: Product, kind: Reason["quiz"][number]["kind"], answer: string): boolean {
  const k = productKeys(p);
  const key = attributeKey(answer);
  if (kind === "categories") return k.articleType.includes(key) || k.category.includes(key);
  if (kind === "colours") return k.colour.includes(key);
  if (kind === "styles") return k.style.includes(key);
  return k.brand.includes(key);
}

/** The product matches no answer of the quiz (categories, colours, styles, brands). */
export function outsideQuiz(p: Product, quiz: QuizAnswers): boolean {
  const kinds = [
    ["categories", quiz.categories],
    ["colours", quiz.colours],
    ["styles", quiz.styles],
    ["brands", quiz.brands],
  ] as const;
  return kinds.every(([kind, answers]) => answers.every((a) => !matchesAnswer(p, kind, a)));
}

/**
 * The false claims of one card's reason, checked against the log before it was served
 * (`log`: product and action, in order) and the quiz. Empty = every claim is true.
 * `collabScore`: the served model's raw score for the item (undefined: not checked).
 */
export function falseClaims(
  card: { product: Product; reason: Reason; explanation: string; source: "ranked" | "explore" },
  quiz: QuizAnswers,
  log: ReadonlyArray<{ product: Product; action: FeedbackAction }>,
  collabScore?: number | null,
): string[] {
  const out: string[] = [];
  const { product, reason, explanation } = card;
  const liked = log.filter((e) => e.action !== "pass").map((e) => productKeys(e.product));
  for (const l of reason.liked) {
    if (!productKeys(product)[l.kind].includes(l.value)) out.push(`names ${l.kind} "${l.value}" the item does not have`);
    if (!liked.some((k) => k[l.kind].includes(l.value))) out.push(`says the shopper liked ${l.kind} "${l.value}" but no liked item has it`);
  }
  for (const q of reason.quiz) {
    const answers = { categories: quiz.categories, colours: quiz.colours, styles: quiz.styles, brands: quiz.brands }[q.kind];
    if (!answers.includes(q.answer)) out.push(`quotes quiz answer "${q.answer}" the shopper did not give`);
    if (!matchesAnswer(product, q.kind, q.answer)) out.push(`says the item matches quiz answer "${q.answer}" but it does not`);
  }
  if (reason.collaborative && collabScore !== undefined && !(collabScore !== null && collabScore > 0)) out.push("credits other shoppers without a collaborative score");
  if (explanation.startsWith("Something new") && !outsideQuiz(product, quiz)) out.push('"Something new" on an item the quiz asked for');
  if (explanation.startsWith("Because you liked") && reason.liked.length === 0) out.push('"Because you liked" without a liked value');
  if (explanation.startsWith("Matches your quiz") && reason.quiz.length === 0) out.push('"Matches your quiz" without a quiz answer');
  if (/items you liked/.test(explanation) && liked.length === 0) out.push('"items you liked" before any like');
  if (explanation.startsWith("Shoppers with taste like yours") && !reason.collaborative) out.push("credits other shoppers without the collaborative signal");
  if (card.source === "explore" && reason.signal !== "explore") out.push("an exploration card that names a ranking signal");
  return out;
}

export interface DeckReport {
  /** share of windows of 10 consecutive cards seen that break the 3-per-10 rule */
  capBroken: number;
  windows: number;
  adjacentDuplicates: number;
  /** cards checked and the false claims found (with up to 5 examples) */
  explanations: number;
  falseExplanations: number;
  examples: string[];
  /** sessions whose quiz names categories: mean share of their first 10 cards from them */
  quizFirst10: number | null;
  /** cards whose weights differ from the weights the session's other cards of the same request carry (0: one set per ranking) */
  weightSets: number;
}

/** Deck-level report over simulated sessions (cards carry `served` when the feed is the recommender). */
export function deckReport(sessions: readonly SessionResult[]): DeckReport {
  let broken = 0;
  let windows = 0;
  let dups = 0;
  let explanations = 0;
  let falseCount = 0;
  const examples: string[] = [];
  const firsts: number[] = [];
  let weightSets = 0;
  for (const s of sessions) {
    const seq = s.swipes.map((w) => w.product);
    const c = capWindows(seq);
    broken += c.broken;
    windows += c.windows;
    dups += adjacentDuplicates(seq);
    if (s.quiz.categories.length > 0 && seq.length >= 10)
      firsts.push(seq.slice(0, 10).filter((p) => s.quiz.categories.some((a) => matchesAnswer(p, "categories", a))).length / 10);
    const byRequest = new Map<number, string>();
    for (const w of s.swipes) {
      if (!w.served) continue;
      explanations++;
      const log = s.swipes.slice(0, w.served.servedAfter);
      const bad = falseClaims({ product: w.product, reason: w.served.reason, explanation: w.served.explanation, source: w.served.source }, s.quiz, log);
      if (bad.length) {
        falseCount++;
        if (examples.length < 5) examples.push(`${w.served.explanation} [${w.product.name}]: ${bad.join("; ")}`);
      }
      const key = JSON.stringify(w.served.weights);
      const seen = byRequest.get(w.served.servedAfter);
      if (seen === undefined) byRequest.set(w.served.servedAfter, key);
      else if (seen !== key) weightSets++;
    }
  }
  return {
    capBroken: windows ? broken / windows : 0,
    windows,
    adjacentDuplicates: dups,
    explanations,
    falseExplanations: falseCount,
    examples,
    quizFirst10: firsts.length ? firsts.reduce((a, b) => a + b, 0) / firsts.length : null,
    weightSets,
  };
}
