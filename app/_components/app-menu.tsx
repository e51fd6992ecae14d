"use client";
// The header menu: retake the quiz, browse the catalog, pick a theme. A disclosure
// button with a small panel; closes on Escape, outside click and navigation.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useShopStoreApi } from "@/app/_store/store-provider";
import { GridIcon, MenuIcon, SparklesIcon } from "./icons";
import { setTheme, useTheme } from "./theme-toggle";

export function AppMenu() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const store = useShopStoreApi();
  const router = useRouter();
  const theme = useTheme();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const item = "flex min-h-11 w-full items-center gap-3 rounded-xl px-3 py-2.5 text-left text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800";
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-11 w-11 items-center justify-center rounded-full text-stone-600 transition hover:bg-stone-200/70 dark:text-stone-300 dark:hover:bg-stone-800"
      >
        <MenuIcon size={20} />
        <span className="sr-only">Menu</span>
      </button>
      {open ? (
        <div
          id={id}
          className="absolute right-0 top-13 z-50 w-60 rounded-2xl border border-stone-200 bg-white p-2 shadow-xl dark:border-stone-800 dark:bg-stone-900"
        >
          <button
            type="button"
            className={item}
            onClick={() => {
              store.getState().retakeQuiz();
              setOpen(false);
              router.push("/quiz");
            }}
          >
            <SparklesIcon size={18} /> Retake quiz
          </button>
          <Link href="/catalog" className={item} onClick={() => setOpen(false)}>
            <GridIcon size={18} /> Browse the catalog
          </Link>
          <fieldset className="mt-1 border-t border-stone-200 px-3 pt-2 dark:border-stone-800">
            <legend className="sr-only">Theme</legend>
            <p className="pb-1 text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">Theme</p>
            <div className="grid grid-cols-3 gap-1 pb-1">
              {(["system", "light", "dark"] as const).map((t) => (
                <label
                  key={t}
                  className={`flex min-h-11 cursor-pointer items-center justify-center rounded-lg px-2 py-1.5 text-center text-xs font-medium capitalize ring-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${
                    theme === t ? "bg-stone-900 text-white ring-stone-900 dark:bg-white dark:text-stone-900" : "ring-stone-200 dark:ring-stone-700"
                  }`}
                >
                  <input type="radio" name={`${id}-theme`} className="sr-only" checked={theme === t} onChange={() => setTheme(t)} />
                  {t}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      ) : null}
    </div>
  );
}
