// Small presentational pieces shared by the admin pages (cards, badges, table shells,
// thumbnails). Server-safe: no hooks, no 'use client'.
import Image from "next/image";
import type { ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-sm text-stone-600 dark:text-stone-400">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}

export function Card({ title, subtitle, children, className = "", id }: { title?: string; subtitle?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  return (
    <section aria-labelledby={id && title ? `${id}-title` : undefined} className={`rounded-xl border border-stone-200 bg-white p-5 shadow-sm dark:border-stone-800 dark:bg-stone-900 ${className}`}>
      {title ? (
        <div className="mb-4">
          <h2 id={id ? `${id}-title` : undefined} className="text-sm font-semibold text-stone-900 dark:text-stone-100">{title}</h2>
          {subtitle ? <p className="mt-0.5 text-xs text-stone-500 dark:text-stone-400">{subtitle}</p> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function Stat({ label, value, hint, testId, raw }: { label: string; value: string; hint?: ReactNode; testId: string; raw: number | null }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900">
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId} data-value={raw ?? ""}>
        {value}
      </p>
      {hint ? <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">{hint}</p> : null}
    </div>
  );
}

type Tone = "neutral" | "green" | "amber" | "red" | "blue" | "brand";
const TONES: Record<Tone, string> = {
  neutral: "bg-stone-100 text-stone-700 ring-stone-200 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-700",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-900",
  amber: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-300 dark:ring-amber-900",
  red: "bg-rose-50 text-rose-700 ring-rose-200 dark:bg-rose-950/60 dark:text-rose-300 dark:ring-rose-900",
  blue: "bg-sky-50 text-sky-700 ring-sky-200 dark:bg-sky-950/60 dark:text-sky-300 dark:ring-sky-900",
  brand: "bg-brand-50 text-brand-700 ring-brand-200 dark:bg-brand-800/30 dark:text-brand-200 dark:ring-brand-800",
};

export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex max-w-full items-center truncate rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}

export function Thumb({ src, alt, size = 40 }: { src: string | null; alt: string; size?: number }) {
  return src ? (
    <Image src={src} alt={alt} width={size} height={Math.round(size * 4 / 3)} unoptimized={!src.startsWith("/media/")} loading="lazy" className="shrink-0 rounded-md bg-stone-100 object-contain ring-1 ring-stone-200 dark:bg-stone-800 dark:ring-stone-700" style={{ width: size, height: Math.round((size * 4) / 3) }} />
  ) : (
    <span aria-label="no image" className="inline-block shrink-0 rounded-md bg-stone-100 ring-1 ring-stone-200 dark:bg-stone-800 dark:ring-stone-700" style={{ width: size, height: Math.round((size * 4) / 3) }} />
  );
}

export const th = "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400";
export const td = "px-3 py-2.5 align-middle";

export function TableShell({ children, caption, bare = false, fixed = false }: { children: ReactNode; caption: string; bare?: boolean; fixed?: boolean }) {
  const frame = bare ? "-mx-2" : "rounded-xl border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900";
  return (
    <div className={`relative overflow-x-auto ${frame}`}>
      <table className={`w-full border-collapse text-sm ${fixed ? "table-fixed" : "min-w-[720px]"}`}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500 dark:border-stone-700 dark:text-stone-400">{children}</p>;
}

export const buttonClass =
  "inline-flex items-center justify-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50";
export const primaryButton = `${buttonClass} bg-stone-900 text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900 dark:hover:bg-white`;
export const secondaryButton = `${buttonClass} border border-stone-300 bg-white text-stone-800 hover:bg-stone-50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800`;
export const inputClass =
  "w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100";
export const labelClass = "mb-1 block text-xs font-medium text-stone-700 dark:text-stone-300";
