// Markdown tables `npm run eval` prints for the simulated shoppers: like-rates per swipe
// bucket for the app and the baselines, the deck's promises over what shoppers saw (the
// 3-per-10 rule per window of 10 cards, near-duplicates side by side, false explanations,
// panel vs ranking weights, the quiz's categories in the first 10 cards) and the taste shapes.
import type { DeckReport } from "@/lib/recommender/deck-metrics";
import type { SimulationReport } from "@/lib/recommender/simulate";

export interface CatalogSim {
  catalog: string;
  products: number;
  seed: number;
  swipes: number;
  feeds: Record<string, SimulationReport> & { stylenova: SimulationReport; random: SimulationReport; popular: SimulationReport };
  deck: { client: DeckReport; batch: DeckReport };
  panelAgreement: { checked: number; equal: number };
  shapes: Array<{ shape: string; sessions: number; stylenova: number[]; random: number[]; capBroken: number; falseExplanations: number }>;
  ms: number;
}

const f3 = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => `${(a / Math.max(1e-9, b)).toFixed(2)}x`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function simTable(r: CatalogSim): string {
  const rows = [
    "| feed | like-rate 1-10 | 11-20 | 21-40 | 41-60 | 21-40 vs 1-10 | swipes to 1st like | diversity@10 | coverage |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const [name, s] of Object.entries(r.feeds)) {
    const L = s.likeRate;
    rows.push(`| ${name} | ${f3(L["1-10"])} | ${f3(L["11-20"])} | ${f3(L["21-40"])} | ${f3(L["41-60"])} | ${ratio(L["21-40"], L["1-10"])} | ${s.swipesToFirstLike.toFixed(2)} | ${f3(s.diversity)} | ${f3(s.coverage)} |`);
  }
  const sn = r.feeds.stylenova.likeRate;
  rows.push(
    "",
    `Web client's refill pattern, 21-40 like-rate: ${ratio(sn["21-40"], r.feeds.random.likeRate["21-40"])} random (target 3x), ${ratio(sn["21-40"], r.feeds.popular.likeRate["21-40"])} most-popular, ${ratio(sn["21-40"], sn["1-10"])} its own swipes 1-10 (target 1.5x).`,
  );
  return rows.join("\n");
}

export function deckTable(r: CatalogSim): string {
  const row = (name: string, d: DeckReport) =>
    `| ${name} | ${pct(1 - d.capBroken)} of ${d.windows} | ${d.adjacentDuplicates} | ${d.falseExplanations} of ${d.explanations} | ${d.quizFirst10 === null ? "-" : pct(d.quizFirst10)} |`;
  const a = r.panelAgreement;
  return [
    "| pattern | windows of 10 cards seen within 3-per-10 (target 99%) | near-duplicates side by side | false explanations (target 0) | first 10 cards in the quiz's categories |",
    "| --- | --- | --- | --- | --- |",
    row("web client (about 4 cards when fewer than 5 are buffered)", r.deck.client),
    row("10-card batches", r.deck.batch),
    "",
    `Learning panel after a swipe vs the weights of the next ranking: ${a.equal} of ${a.checked} equal.`,
    ...r.deck.client.examples.map((e) => `false explanation: ${e}`),
  ].join("\n");
}

export function shapeTable(r: CatalogSim): string {
  const rows = [
    "| taste shape | sessions | like-rate 1-10 | 11-20 | 21-40 | 41-60 | 11-20 vs random | 21-40 vs random (target 2x) | 3-per-10 kept | false explanations |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const s of r.shapes)
    rows.push(`| ${s.shape} | ${s.sessions} | ${s.stylenova.map(f3).join(" | ")} | ${ratio(s.stylenova[1], s.random[1])} | ${ratio(s.stylenova[2], s.random[2])} | ${pct(1 - s.capBroken)} | ${s.falseExplanations} |`);
  return rows.join("\n");
}
