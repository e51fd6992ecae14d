// The four deck buttons: pass, undo, super like, like. Each shows its keyboard shortcut
// on desktop.
import { memo } from "react";
import { HeartIcon, StarIcon, UndoIcon, XIcon } from "./icons";
import type { SwipeAction } from "@/app/_store/shop-store";

interface Props {
  disabled: boolean;
  canUndo: boolean;
  onSwipe: (a: SwipeAction) => void;
  onUndo: () => void;
}

const base =
  "group relative inline-flex items-center justify-center rounded-full bg-white shadow-lg ring-1 ring-stone-200 transition hover:scale-105 active:scale-95 disabled:opacity-40 disabled:hover:scale-100 dark:bg-stone-900 dark:ring-stone-700";

function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="pointer-events-none absolute -bottom-6 hidden whitespace-nowrap font-sans text-[10px] font-medium text-stone-500 md:block dark:text-stone-400">{children}</kbd>
  );
}

export const DeckControls = memo(function DeckControls({ disabled, canUndo, onSwipe, onUndo }: Props) {
  return (
    <div className="flex items-center justify-center gap-4 sm:gap-5" role="group" aria-label="Swipe actions">
      <button type="button" className={`${base} h-12 w-12 text-amber-500`} onClick={onUndo} disabled={!canUndo} aria-label="Undo" data-testid="btn-undo">
        <UndoIcon size={20} />
        <Kbd>Z</Kbd>
      </button>
      <button type="button" className={`${base} h-16 w-16 text-nope`} onClick={() => onSwipe("pass")} disabled={disabled} aria-label="Pass" data-testid="btn-pass">
        <XIcon size={30} strokeWidth={2.6} />
        <Kbd>←</Kbd>
      </button>
      <button type="button" className={`${base} h-12 w-12 text-super`} onClick={() => onSwipe("superlike")} disabled={disabled} aria-label="Super like" data-testid="btn-superlike">
        <StarIcon size={22} strokeWidth={2.4} />
        <Kbd>↑</Kbd>
      </button>
      <button type="button" className={`${base} h-16 w-16 text-like`} onClick={() => onSwipe("like")} disabled={disabled} aria-label="Like" data-testid="btn-like">
        <HeartIcon size={30} strokeWidth={2.6} />
        <Kbd>→</Kbd>
      </button>
    </div>
  );
});
