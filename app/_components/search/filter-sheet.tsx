"use client";
// The phone's way into the filters: a "Filters (2)" button that opens them in a sheet
// from the side. Native modal <dialog>: focus moves to its close button, stays inside
// while open (Escape closes it), and goes back to the button on close. Changes apply at
// once (the results update behind the sheet); "Show N results" closes it.
import { useEffect, useRef, useState } from "react";
import { XIcon } from "../icons";

interface Props {
  activeCount: number;
  total: number;
  pending: boolean;
  children: React.ReactNode;
}

export function FilterSheet({ activeCount, total, pending, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  // open once the sheet's content is rendered, so the dialog focuses its autofocus button
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);

  const show = () => setOpen(true);
  const close = () => dialog.current?.close();

  return (
    <>
      <button
        ref={trigger}
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-expanded={open}
        className="inline-flex min-h-11 items-center gap-2 rounded-full bg-white px-4 text-sm font-semibold ring-1 ring-stone-300 hover:ring-stone-500 md:hidden dark:bg-stone-900 dark:ring-stone-700"
        data-testid="open-filters"
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
          <path d="M4 6h16M7 12h10M10 18h4" />
        </svg>
        {activeCount > 0 ? `Filters (${activeCount})` : "Filters"}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="filter-sheet-title"
        onClose={() => {
          setOpen(false);
          trigger.current?.focus();
        }}
        onClick={(e) => e.target === dialog.current && close()}
        className="m-0 ml-auto h-dvh max-h-none w-[min(22rem,100vw)] max-w-none bg-stone-50 p-0 text-stone-900 shadow-2xl dark:bg-stone-950 dark:text-stone-100"
        data-testid="filter-sheet"
      >
        {open ? (
          <div className="flex h-full flex-col">
            <div className="flex items-center justify-between border-b border-stone-200 px-4 py-2 dark:border-stone-800">
              <h2 id="filter-sheet-title" className="text-lg font-bold">Filters</h2>
              <button type="button" onClick={close} autoFocus className="inline-flex h-11 w-11 items-center justify-center rounded-full hover:bg-stone-200 dark:hover:bg-stone-800" aria-label="Close filters">
                <XIcon size={20} />
              </button>
            </div>
            <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">{children}</div>
            <div className="border-t border-stone-200 p-4 dark:border-stone-800">
              <button
                type="button"
                onClick={close}
                className="min-h-11 w-full rounded-xl bg-stone-900 px-4 text-sm font-semibold text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
                data-testid="show-results"
              >
                {pending ? "Updating…" : `Show ${total} ${total === 1 ? "result" : "results"}`}
              </button>
            </div>
          </div>
        ) : null}
      </dialog>
    </>
  );
}
