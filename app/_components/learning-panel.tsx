// What the profile has learned, exactly as the server computed it from this shopper's
// data: stage, feedback counts, blend weights, exploration rate, top and avoided
// attributes as bars. Shows nothing invented: an empty profile says so, and a shopper
// without a profile yet is told how to start one.
import Link from "next/link";
import { memo } from "react";
import type { LearningSummary } from "@/app/_store/api-client";
import { colourHex } from "./colour-hex";

const pct = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`; // (x: a summary persisted by an older client may lack a weight)
const title = (s: string) => s.replace(/[_-]+/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());

function Bar({ label, value, max, tone = "bg-brand-500", swatch }: { label: string; value: number; max: number; tone?: string; swatch?: string }) {
  const width = max > 0 ? Math.min(100, (Math.abs(value) / max) * 100) : 0;
  return (
    <li className="grid grid-cols-[minmax(0,7rem)_1fr_2.75rem] items-center gap-2 text-sm">
      <span className="flex min-w-0 items-center gap-1.5">
        {swatch ? <span aria-hidden="true" className="h-3 w-3 shrink-0 rounded-full ring-1 ring-black/10" style={{ background: swatch }} /> : null}
        <span className="truncate">{label}</span>
      </span>
      <span className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" aria-hidden="true">
        {/* scaleX, not width: the bars animate on the compositor (no layout per frame after a swipe) */}
        <span className={`block h-full w-full origin-left rounded-full ${tone} transition-transform duration-500`} style={{ transform: `scaleX(${width / 100})` }} />
      </span>
      <span className="text-right text-xs tabular-nums text-stone-500 dark:text-stone-400">{value.toFixed(2)}</span>
    </li>
  );
}

function Group({ heading, items, colour = false, tone }: { heading: string; items: { value: string; weight: number }[]; colour?: boolean; tone?: string }) {
  if (items.length === 0) return null;
  const max = Math.max(...items.map((i) => Math.abs(i.weight)), 0.0001);
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">{heading}</h3>
      <ul className="space-y-1.5">
        {items.map((i) => (
          <Bar key={i.value} label={title(i.value)} value={i.weight} max={max} tone={tone} swatch={colour ? colourHex(i.value) : undefined} />
        ))}
      </ul>
    </div>
  );
}

/** Why there is no summary yet: still loading, no profile (new shopper), or the server is unreachable. */
export type LearningWaiting = "loading" | "no-profile" | "unreachable";

function NoSummary({ waiting }: { waiting: LearningWaiting }) {
  return (
    <section aria-labelledby="learning-heading" className="rounded-3xl bg-white p-5 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800" data-testid="learning-panel" data-state={waiting}>
      <h2 id="learning-heading" className="text-lg font-bold">Your taste profile</h2>
      {waiting === "no-profile" ? (
        <div data-testid="learning-empty">
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            Nothing learned yet. Take the one-minute style quiz, then swipe a few cards: the colours, styles and pieces you love show up here.
          </p>
          <Link href="/quiz" className="mt-4 inline-flex h-11 items-center rounded-full bg-stone-900 px-5 text-sm font-semibold text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200">
            Start the style quiz
          </Link>
        </div>
      ) : waiting === "unreachable" ? (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">What we have learned shows up here as soon as your deck is back.</p>
      ) : (
        <div className="mt-3 space-y-2" aria-busy="true">
          <span className="sr-only">Loading your taste profile</span>
          {[80, 60, 70].map((w) => (
            <div key={w} className="h-3 animate-pulse rounded-full bg-stone-200 dark:bg-stone-800" style={{ width: `${w}%` }} />
          ))}
        </div>
      )}
    </section>
  );
}

export const LearningPanel = memo(function LearningPanel({ learning, waiting = "loading" }: { learning: LearningSummary | null; waiting?: LearningWaiting }) {
  if (!learning) return <NoSummary waiting={waiting} />;
  const { weights: w, feedback: f, top, avoided } = learning;
  const nothing = top.colours.length + top.styles.length + top.articleTypes.length + top.brands.length === 0;
  return (
    <section aria-labelledby="learning-heading" className="space-y-5 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800" data-testid="learning-panel">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="learning-heading" className="text-lg font-bold">Your taste profile</h2>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {f.total} swipes · {f.like} likes · {f.superlike} super · {f.pass} passes
          </p>
        </div>
        <span className="shrink-0 rounded-full bg-brand-50 px-3 py-1 text-xs font-semibold capitalize text-brand-700 dark:bg-brand-700/20 dark:text-brand-300" data-testid="learning-stage">
          {learning.stage}
        </span>
      </div>

      <div>
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">How we rank</h3>
        <div className="flex h-3 overflow-hidden rounded-full" aria-hidden="true">
          <span className="bg-amber-500" style={{ width: pct(w.taste) }} />
          <span className="bg-brand-500" style={{ width: pct(w.content) }} />
          <span className="bg-violet-500" style={{ width: pct(w.collaborative) }} />
          <span className="bg-sky-500" style={{ width: pct(w.visual) }} />
        </div>
        <dl className="mt-2 grid grid-cols-2 gap-1 text-xs sm:grid-cols-4" data-testid="learning-weights">
          <div><dt className="flex items-center gap-1 text-stone-500 dark:text-stone-400"><span className="h-2 w-2 rounded-full bg-amber-500" />Your taste</dt><dd className="font-semibold tabular-nums">{pct(w.taste)}</dd></div>
          <div><dt className="flex items-center gap-1 text-stone-500 dark:text-stone-400"><span className="h-2 w-2 rounded-full bg-brand-500" />Description</dt><dd className="font-semibold tabular-nums">{pct(w.content)}</dd></div>
          <div><dt className="flex items-center gap-1 text-stone-500 dark:text-stone-400"><span className="h-2 w-2 rounded-full bg-violet-500" />Shoppers like you</dt><dd className="font-semibold tabular-nums">{pct(w.collaborative)}</dd></div>
          <div><dt className="flex items-center gap-1 text-stone-500 dark:text-stone-400"><span className="h-2 w-2 rounded-full bg-sky-500" />Visual</dt><dd className="font-semibold tabular-nums">{pct(w.visual)}</dd></div>
        </dl>
        <p className="mt-2 text-xs text-stone-500 dark:text-stone-400">
          Exploring <strong className="tabular-nums text-stone-700 dark:text-stone-200" data-testid="learning-exploration">{pct(learning.exploration)}</strong> of the time to find new favourites.
        </p>
      </div>

      {nothing ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">Nothing learned yet. Swipe a few cards and your favourite colours, styles and pieces appear here.</p>
      ) : (
        <>
          <Group heading="Colours you like" items={top.colours} colour />
          <Group heading="Styles" items={top.styles} tone="bg-violet-500" />
          <Group heading="Pieces" items={top.articleTypes} tone="bg-amber-500" />
          <Group heading="Brands" items={top.brands} tone="bg-emerald-500" />
        </>
      )}
      <Group heading="Less of" items={[...avoided.colours, ...avoided.articleTypes]} tone="bg-stone-400" />
      {learning.overruled?.length ? (
        <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="learning-overruled">
          Your swipes overruled these quiz answers, so they are out of the deck until you like one:{" "}
          <strong className="text-stone-800 dark:text-stone-200">{learning.overruled.map(title).join(", ")}</strong>
        </p>
      ) : null}
    </section>
  );
});
