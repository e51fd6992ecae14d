// Visual choice controls for the quiz: image tiles, colour swatches and chips. Each is a
// real checkbox or radio inside its label (keyboard and screen-reader friendly) with a
// visible focus ring. Rendered inside the client quiz wizard. MoreOptions is the
// disclosure (a real button with aria-expanded) for values with few products.
import { useId, useState, type ReactNode } from "react";
import { CheckIcon } from "./icons";
import { colourHex, isLightColour } from "./colour-hex";
import { IMAGE_SIZES, ProductImage } from "./product-image";

const title = (s: string) => s.replace(/\b\w/g, (c) => c.toUpperCase());

interface ChoiceProps {
  value: string;
  checked: boolean;
  onToggle: (value: string) => void;
  name: string;
}

export function ImageChoice({ value, checked, onToggle, name, imageUrl, count }: ChoiceProps & { imageUrl?: string | null; count: number }) {
  return (
    <label
      className={`group relative block cursor-pointer overflow-hidden rounded-2xl bg-white ring-2 transition has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 dark:bg-stone-900 ${
        checked ? "ring-brand-500 shadow-lg shadow-brand-500/20" : "ring-transparent shadow-sm hover:ring-stone-300 dark:hover:ring-stone-700"
      }`}
      data-testid="quiz-choice"
    >
      <input type="checkbox" name={name} value={value} checked={checked} onChange={() => onToggle(value)} className="sr-only" />
      <div className="relative aspect-square overflow-hidden bg-stone-100 dark:bg-stone-800">
        {imageUrl ? <ProductImage src={imageUrl} alt="" sizes={IMAGE_SIZES.quiz} className="transition duration-300 group-hover:scale-105" /> : null}
      </div>
      <div className="flex items-center justify-between gap-2 px-3 py-2">
        <span className="truncate text-sm font-semibold">{title(value)}</span>
        <span className="text-xs text-stone-500 dark:text-stone-400">{count}</span>
      </div>
      <span
        aria-hidden="true"
        className={`absolute right-2 top-2 flex h-7 w-7 items-center justify-center rounded-full transition ${
          checked ? "bg-brand-600 text-white" : "bg-white/80 text-transparent ring-1 ring-stone-300 dark:bg-stone-900/80 dark:ring-stone-600"
        }`}
      >
        <CheckIcon size={16} strokeWidth={3} />
      </span>
    </label>
  );
}

export function SwatchChoice({ value, checked, onToggle, name }: ChoiceProps) {
  const light = isLightColour(value);
  return (
    <label className="group relative flex cursor-pointer flex-col items-center gap-2 rounded-2xl p-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500" data-testid="quiz-swatch">
      <input type="checkbox" name={name} value={value} checked={checked} onChange={() => onToggle(value)} className="sr-only" />
      <span
        aria-hidden="true"
        className={`flex h-14 w-14 items-center justify-center rounded-full shadow-inner ring-offset-2 ring-offset-stone-50 transition group-hover:scale-105 dark:ring-offset-stone-950 ${
          checked ? "ring-3 ring-brand-500" : "ring-1 ring-stone-300 dark:ring-stone-600"
        }`}
        style={{ background: colourHex(value) }}
      >
        {checked ? <CheckIcon size={22} strokeWidth={3} className={light ? "text-stone-900" : "text-white"} /> : null}
      </span>
      <span className="text-center text-xs font-medium leading-tight">{title(value)}</span>
    </label>
  );
}

export function ChipChoice({ value, checked, onToggle, name, type = "checkbox", label, count }: ChoiceProps & { type?: "checkbox" | "radio"; label?: string; count?: number }) {
  return (
    <label
      className={`relative inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-1.5 rounded-full px-4 py-2 text-sm font-medium ring-1 transition has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 ${
        checked
          ? "bg-stone-900 text-white ring-stone-900 dark:bg-white dark:text-stone-900 dark:ring-white"
          : "bg-white text-stone-700 ring-stone-300 hover:ring-stone-500 dark:bg-stone-900 dark:text-stone-200 dark:ring-stone-700"
      }`}
    >
      <input type={type} name={name} value={value} checked={checked} onChange={() => onToggle(value)} className="sr-only" />
      {checked && type === "checkbox" ? <CheckIcon size={14} strokeWidth={3} /> : null}
      {label ?? title(value)}
      {count !== undefined ? <span className="text-xs opacity-80">{count}</span> : null}
    </label>
  );
}

/** "More <what> (n)": a disclosure button revealing the options with few products. */
export function MoreOptions({ what, count, defaultOpen = false, children }: { what: string; count: number; defaultOpen?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  if (count === 0) return null;
  return (
    <div className="mt-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex min-h-11 items-center gap-1.5 rounded-full px-4 py-2 text-sm font-semibold text-brand-700 ring-1 ring-stone-300 hover:bg-stone-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-brand-400 dark:ring-stone-700 dark:hover:bg-stone-800"
        data-testid="quiz-more"
      >
        More {what} <span className="font-normal opacity-70">({count})</span>
        <span aria-hidden="true" className={`transition ${open ? "rotate-180" : ""}`}>▾</span>
      </button>
      <div id={id} hidden={!open} className="mt-3">
        {open ? children : null}
      </div>
    </div>
  );
}
