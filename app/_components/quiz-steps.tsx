// The six quiz steps' bodies (categories, colours, brands, styles, sizing, budget). Pure
// views over the answers; the wizard owns navigation, validation and submission. Values
// with few products sit under "More" (splitByCount; values chosen before the step opened
// stay in front, values chosen under More stay there so focus is kept); sizes are
// grouped under headings.
import { useState } from "react";
import type { QuizOptions } from "@/app/_store/api-client";
import type { QuizAnswers } from "@/app/_store/shop-store";
import { ChipChoice, ImageChoice, MoreOptions, SwatchChoice } from "./quiz-choices";
import { splitByCount, styleImage } from "./quiz-pick";

export interface StepProps {
  options: QuizOptions;
  answers: QuizAnswers;
  set: (patch: Partial<QuizAnswers>) => void;
}

type ListKey = "categories" | "colours" | "brands" | "styles" | "sizes";

function toggler(answers: QuizAnswers, set: StepProps["set"], key: ListKey) {
  return (value: string) => {
    const list = answers[key];
    set({ [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] } as Partial<QuizAnswers>);
  };
}

export function CategoriesStep({ options, answers, set }: StepProps) {
  const toggle = toggler(answers, set, "categories");
  const [chosenBefore] = useState(answers.categories);
  const { main, more } = splitByCount(options.categories, options.minCount, chosenBefore);
  const tiles = (list: typeof main) => (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {list.map((o) => (
        <ImageChoice key={o.value} name="categories" value={o.value} count={o.count} imageUrl={o.imageUrl} checked={answers.categories.includes(o.value)} onToggle={toggle} />
      ))}
    </div>
  );
  return (
    <fieldset>
      <legend className="sr-only">Article types</legend>
      {tiles(main)}
      <MoreOptions what="categories" count={more.length}>{tiles(more)}</MoreOptions>
    </fieldset>
  );
}

export function ColoursStep({ options, answers, set }: StepProps) {
  const toggle = toggler(answers, set, "colours");
  const [chosenBefore] = useState(answers.colours);
  const { main, more } = splitByCount(options.colours, options.minCount, chosenBefore);
  const swatches = (list: typeof main) => (
    <div className="grid grid-cols-4 gap-1 sm:grid-cols-6 lg:grid-cols-9">
      {list.map((o) => (
        <SwatchChoice key={o.value} name="colours" value={o.value} checked={answers.colours.includes(o.value)} onToggle={toggle} />
      ))}
    </div>
  );
  return (
    <fieldset>
      <legend className="sr-only">Colours</legend>
      {swatches(main)}
      <MoreOptions what="colours" count={more.length}>{swatches(more)}</MoreOptions>
    </fieldset>
  );
}

export function BrandsStep({ options, answers, set }: StepProps) {
  const toggle = toggler(answers, set, "brands");
  const [filter, setFilter] = useState("");
  const [chosenBefore] = useState(answers.brands);
  const query = filter.trim().toLowerCase();
  const matching = options.brands.filter((b) => b.value.toLowerCase().includes(query));
  // while filtering, every match is shown; otherwise brands with few products sit under "More"
  const { main, more } = query ? { main: matching, more: [] } : splitByCount(matching, options.minCount, chosenBefore);
  const chips = (list: typeof main) => list.map((o) => (
    <ChipChoice key={o.value} name="brands" value={o.value} label={o.value} count={o.count} checked={answers.brands.includes(o.value)} onToggle={toggle} />
  ));
  return (
    <fieldset>
      <legend className="sr-only">Brands</legend>
      <label className="mb-4 block max-w-sm">
        <span className="mb-1 block text-sm font-medium">Filter brands</span>
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Type a brand name"
          className="w-full rounded-xl border border-stone-300 bg-white px-4 py-2.5 text-base dark:border-stone-700 dark:bg-stone-900"
        />
      </label>
      <div className="flex flex-wrap gap-2">
        {chips(main)}
        {matching.length === 0 ? <p className="text-sm text-stone-500 dark:text-stone-400">No brand matches “{filter}”.</p> : null}
      </div>
      <MoreOptions what="brands" count={more.length}>
        <div className="flex flex-wrap gap-2">{chips(more)}</div>
      </MoreOptions>
    </fieldset>
  );
}

export function StylesStep({ options, answers, set }: StepProps) {
  const toggle = toggler(answers, set, "styles");
  const [chosenBefore] = useState(answers.styles);
  const { main, more } = splitByCount(options.styles, options.minCount, chosenBefore);
  const tiles = (list: typeof main) => (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {list.map((o) => (
        <ImageChoice
          key={o.value}
          name="styles"
          value={o.value}
          count={o.count}
          imageUrl={styleImage(o, answers.categories, answers.gender)}
          checked={answers.styles.includes(o.value)}
          onToggle={toggle}
        />
      ))}
    </div>
  );
  return (
    <fieldset>
      <legend className="sr-only">Styles</legend>
      {tiles(main)}
      <MoreOptions what="styles" count={more.length}>{tiles(more)}</MoreOptions>
    </fieldset>
  );
}

export function SizingStep({ options, answers, set }: StepProps) {
  const toggle = toggler(answers, set, "sizes");
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">Shop for</legend>
        <div className="flex flex-wrap gap-2">
          <ChipChoice type="radio" name="gender" value="" label="Everyone" checked={answers.gender === null} onToggle={() => set({ gender: null })} />
          {options.genders.map((g) => (
            <ChipChoice
              key={g.value}
              type="radio"
              name="gender"
              value={g.value}
              count={g.count}
              checked={answers.gender === g.value}
              onToggle={(v) => set({ gender: v as QuizAnswers["gender"] })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">Your sizes <span className="font-normal text-stone-500 dark:text-stone-400">(pick every size you wear)</span></legend>
        <div className="space-y-4">
          {options.sizeGroups.map((g) => (
            <div key={g.key} role="group" aria-labelledby={`size-group-${g.key}`} data-testid="size-group">
              <h3 id={`size-group-${g.key}`} className="text-sm font-medium">
                {g.label}
                {g.examples.length ? <span className="font-normal text-stone-500 dark:text-stone-400"> · {g.examples.join(", ")}</span> : null}
              </h3>
              <div className="mt-2 flex flex-wrap gap-2">
                {g.sizes.map((s) => (
                  <ChipChoice key={s} name="sizes" value={s} label={s} checked={answers.sizes.includes(s)} onToggle={toggle} />
                ))}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

const toUnits = (cents: number | null) => (cents === null ? "" : String(Math.round(cents / 100)));
const toCents = (s: string): number | null => {
  if (s.trim() === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? Math.round(n * 100) : NaN;
};

export function BudgetStep({ options, answers, set, error }: StepProps & { error: string | null }) {
  const { minCents, maxCents } = answers.budget;
  const currency = options.price.currency;
  const fmt = (c: number | null) => (c === null ? "–" : new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(c / 100));
  const field = "w-full rounded-xl border bg-white py-3 pl-4 pr-4 text-lg font-semibold dark:bg-stone-900";
  const border = error ? "border-nope" : "border-stone-300 dark:border-stone-700";
  return (
    <div className="max-w-lg space-y-4">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Prices in the catalog run from <strong>{fmt(options.price.minCents)}</strong> to <strong>{fmt(options.price.maxCents)}</strong>. Leave a field empty for no limit.
      </p>
      <div className="grid grid-cols-2 gap-4">
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Minimum ({currency})</span>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            name="budget-min"
            value={toUnits(minCents)}
            onChange={(e) => set({ budget: { minCents: toCents(e.target.value), maxCents } })}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? "budget-error" : undefined}
            placeholder="No minimum"
            className={`${field} ${border}`}
          />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Maximum ({currency})</span>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            name="budget-max"
            value={toUnits(maxCents)}
            onChange={(e) => set({ budget: { minCents, maxCents: toCents(e.target.value) } })}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? "budget-error" : undefined}
            placeholder="No maximum"
            className={`${field} ${border}`}
          />
        </label>
      </div>
    </div>
  );
}

/** Validation message for the budget, or null when it is fine. */
export function budgetError(b: QuizAnswers["budget"]): string | null {
  if ((b.minCents !== null && Number.isNaN(b.minCents)) || (b.maxCents !== null && Number.isNaN(b.maxCents))) return "Enter whole numbers only.";
  if ((b.minCents ?? 0) < 0 || (b.maxCents ?? 0) < 0) return "Prices can't be negative.";
  if (b.minCents !== null && b.maxCents !== null && b.minCents > b.maxCents) return "The minimum can't be more than the maximum.";
  return null;
}
