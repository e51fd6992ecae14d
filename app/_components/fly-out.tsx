"use client";
// A swiped card leaving the deck: a copy of the card that flies off in the swipe's
// direction with the Web Animations API (runs on the compositor, no per-frame JS), from
// where the drag released it. Not rendered at all for reduced motion.
import { memo, useLayoutEffect, useRef } from "react";
import type { Card } from "@/app/_store/api-client";
import type { SwipeAction } from "@/app/_store/shop-store";
import { CardFace } from "./card-face";
import type { ReleasePose } from "./swipe-card";

export interface Leaving {
  key: string;
  card: Card;
  action: SwipeAction;
  from: ReleasePose;
}

function target(action: SwipeAction, from: ReleasePose): string {
  if (action === "like") return `translate(${Math.max(640, from.x + 480)}px, ${from.y + 40}px) rotate(24deg)`;
  if (action === "pass") return `translate(${Math.min(-640, from.x - 480)}px, ${from.y + 40}px) rotate(-24deg)`;
  return `translate(${from.x}px, ${Math.min(-900, from.y - 700)}px) rotate(${from.rotate}deg)`;
}

export const FlyOut = memo(function FlyOut({ leaving, onDone }: { leaving: Leaving; onDone: (key: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { action, from, key } = leaving;
    const start = `translate(${from.x}px, ${from.y}px) rotate(${from.rotate}deg)`;
    const anim = el.animate([{ transform: start, opacity: 1 }, { transform: target(action, from), opacity: 0 }], {
      duration: 320,
      easing: "cubic-bezier(0.2, 0.7, 0.3, 1)",
      fill: "forwards",
    });
    anim.finished.then(
      () => onDone(key),
      () => onDone(key),
    );
    return () => anim.cancel();
  }, [leaving, onDone]);
  return (
    <div ref={ref} className="pointer-events-none absolute inset-0 z-20" aria-hidden="true" data-testid="deck-card-leaving">
      <CardFace card={leaving.card} />
    </div>
  );
});
