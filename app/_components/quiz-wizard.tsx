"use client";
// The six-step style quiz: progress, back / next / skip, validation, answers persisted
// in the shop store (a refresh resumes at the same step), submit -> POST /api/quiz -> deck.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { api, type QuizOptions } from "@/app/_store/api-client";
import { EMPTY_ANSWERS, type QuizAnswers } from "@/app/_store/shop-store";
import { useShop, useShopStoreApi } from "@/app/_store/store-provider";
import { ChevronLeftIcon, RefreshIcon } from "./icons";
import { BrandsStep, BudgetStep, CategoriesStep, ColoursStep, SizingStep, StylesStep, budgetError, type StepProps } from "./quiz-steps";

interface StepDef {
  key: keyof QuizAnswers | "sizing";
  label: string;
  title: string;
  hint: string;
  required?: (a: QuizAnswers) => string | null;
}

const STEPS: StepDef[] = [
  { key: "categories", label: "Categories", title: "What are you shopping for?", hint: "Pick the pieces you want to see. Choose as many as you like.",
    required: (a) => (a.categories.length ? null : "Choose at least one category, or press Skip.") },
  { key: "colours", label: "Colours", title: "Which colours do you wear?", hint: "Tap the swatches you love.",
    required: (a) => (a.colours.length ? null : "Choose at least one colour, or press Skip.") },
  { key: "brands", label: "Brands", title: "Any favourite brands?", hint: "Optional: we will still show you others." },
  { key: "styles", label: "Styles", title: "Describe your style", hint: "Pick the looks that feel like you.",
    required: (a) => (a.styles.length ? null : "Choose at least one style, or press Skip.") },
  { key: "sizing", label: "Sizing", title: "Who are you shopping for?", hint: "We only show items available in your sizes." },
  { key: "budget", label: "Budget", title: "What's your budget?", hint: "We will keep the deck inside it.", required: (a) => budgetError(a.budget) },
];

const SKIP_RESET: Record<StepDef["key"], Partial<QuizAnswers>> = {
  categories: { categories: [] },
  colours: { colours: [] },
  brands: { brands: [] },
  styles: { styles: [] },
  sizing: { gender: null, sizes: [] },
  gender: { gender: null },
  sizes: { sizes: [] },
  budget: { budget: EMPTY_ANSWERS.budget },
};

export function QuizWizard() {
  const router = useRouter();
  const store = useShopStoreApi();
  const hydrated = useShop((s) => s.hydrated);
  const step = useShop((s) => Math.min(s.quizStep, STEPS.length - 1));
  const answers = useShop((s) => s.answers);
  const [options, setOptions] = useState<QuizOptions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<number | null>(null);

  const load = () => {
    api.quizOptions().then(
      (o) => {
        setLoadError(null);
        setOptions(o);
      },
      (e: Error) => setLoadError(e.message),
    );
  };
  useEffect(load, []);

  // Move focus to the new step's heading when the step changes (not on first render).
  useEffect(() => {
    if (!hydrated) return;
    if (shownStep.current !== null && shownStep.current !== step) headingRef.current?.focus();
    shownStep.current = step;
  }, [step, hydrated]);

  const def = STEPS[step];
  const set = (patch: Partial<QuizAnswers>) => {
    setError(null);
    store.getState().setAnswers(patch);
  };
  const go = (to: number) => {
    setError(null);
    store.getState().setQuizStep(to);
  };

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      const res = await api.submitQuiz(store.getState().answers);
      store.getState().startDeck(res.cards, res.learning);
      router.push("/deck");
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not save your answers.");
      setSubmitting(false);
    }
  };

  const next = () => {
    const problem = def.required?.(answers) ?? null;
    if (problem) {
      setError(problem);
      return;
    }
    if (step === STEPS.length - 1) void submit();
    else go(step + 1);
  };
  const skip = () => {
    store.getState().setAnswers(SKIP_RESET[def.key]);
    if (step === STEPS.length - 1) void submit();
    else go(step + 1);
  };

  if (loadError) {
    return (
      <div role="alert" className="mx-auto mt-16 max-w-md rounded-3xl bg-white p-8 text-center shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
        <p className="text-lg font-semibold">We couldn&apos;t load the quiz</p>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{loadError}</p>
        <button type="button" onClick={load} className="mt-5 inline-flex h-11 items-center gap-2 rounded-full bg-stone-900 px-5 text-sm font-semibold text-white dark:bg-white dark:text-stone-900">
          <RefreshIcon size={16} /> Try again
        </button>
      </div>
    );
  }

  const props: StepProps = { options: options ?? EMPTY_OPTIONS, answers, set };
  const percent = Math.round(((step + 1) / STEPS.length) * 100);
  return (
    <div className="mx-auto max-w-4xl pt-4 md:pt-8" data-testid="quiz" data-step={hydrated ? step + 1 : undefined}>
      <div className="mb-6">
        <div className="mb-2 flex items-center justify-between text-sm">
          <p className="font-semibold text-brand-700 dark:text-brand-400" data-testid="quiz-progress">
            Step {step + 1} of {STEPS.length}
          </p>
          <p className="text-stone-500 dark:text-stone-400">{def.label}</p>
        </div>
        <div className="h-1.5 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" aria-hidden="true">
          <div className="h-full rounded-full bg-gradient-to-r from-brand-500 to-orange-400 transition-all duration-500" style={{ width: `${percent}%` }} />
        </div>
        <ol className="mt-3 hidden grid-cols-6 gap-2 text-xs md:grid" aria-label="Quiz steps">
          {STEPS.map((s, i) => (
            <li key={s.key} aria-current={i === step ? "step" : undefined} className={i === step ? "font-semibold text-stone-900 dark:text-white" : "text-stone-500 dark:text-stone-400"}>
              {i < step ? "✓ " : ""}
              {s.label}
            </li>
          ))}
        </ol>
      </div>

      <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold tracking-tight outline-none md:text-3xl">
        {def.title}
      </h1>
      <p className="mb-6 mt-1 text-stone-600 dark:text-stone-400">{def.hint}</p>

      <div className="min-h-[40vh] pb-24">
        {!options || !hydrated ? (
          <QuizSkeleton />
        ) : step === 0 ? (
          <CategoriesStep {...props} />
        ) : step === 1 ? (
          <ColoursStep {...props} />
        ) : step === 2 ? (
          <BrandsStep {...props} />
        ) : step === 3 ? (
          <StylesStep {...props} />
        ) : step === 4 ? (
          <SizingStep {...props} />
        ) : (
          <BudgetStep {...props} error={error} />
        )}
      </div>

      {/* one compact footer (the phone tab bar hides on /quiz); the error floats above it */}
      <div className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200/80 bg-stone-50/95 pb-[env(safe-area-inset-bottom)] backdrop-blur dark:border-stone-800 dark:bg-stone-950/95" data-testid="quiz-footer">
        <div className="relative mx-auto max-w-4xl px-4 py-2">
          <p id="quiz-error" role="alert" aria-live="assertive" className="absolute inset-x-4 bottom-full mb-2 text-sm font-medium text-nope" data-testid="quiz-error">
            {error ? <span className="block rounded-xl bg-rose-50 px-3 py-2 text-rose-700 shadow-sm ring-1 ring-rose-200 dark:bg-stone-900 dark:text-rose-300 dark:ring-rose-500/40">{error}</span> : ""}
          </p>
          <div className="flex items-center gap-2">
            <button
              type="button"
              onClick={() => go(step - 1)}
              disabled={step === 0 || submitting}
              className="inline-flex h-11 items-center gap-1 rounded-full px-4 text-sm font-semibold text-stone-700 hover:bg-stone-200/70 disabled:opacity-40 dark:text-stone-300 dark:hover:bg-stone-800"
            >
              <ChevronLeftIcon size={18} /> Back
            </button>
            <div className="flex-1" />
            <button
              type="button"
              onClick={skip}
              disabled={submitting || !options}
              className="h-11 rounded-full px-4 text-sm font-semibold text-stone-600 hover:bg-stone-200/70 disabled:opacity-40 dark:text-stone-300 dark:hover:bg-stone-800"
            >
              Skip
            </button>
            <button
              type="button"
              onClick={next}
              disabled={submitting || !options}
              aria-describedby={error ? "quiz-error" : undefined}
              className="h-11 rounded-full bg-brand-600 px-7 text-sm font-bold text-white shadow-lg shadow-brand-600/25 transition hover:bg-brand-700 disabled:opacity-60"
            >
              {step === STEPS.length - 1 ? (submitting ? "Building your deck…" : "See my deck") : "Next"}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

const EMPTY_OPTIONS: QuizOptions = { categories: [], colours: [], brands: [], styles: [], sizes: [], sizeGroups: [], minCount: 1, genders: [], price: { minCents: 0, maxCents: 0, currency: "USD" } };

function QuizSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-busy="true" aria-label="Loading choices">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="aspect-[4/5] animate-pulse rounded-2xl bg-stone-200 dark:bg-stone-800" />
      ))}
    </div>
  );
}
