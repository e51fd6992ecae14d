"use client";
// One card in the deck. The top card drags (rotation follows x; LIKE / NOPE / SUPER
// stamps fade in with the drag), commits by distance or velocity and springs back
// otherwise. A tap without drag opens the details. Cards behind it sit scaled down with
// a plain CSS transform (no JS animation per swipe); the fly-out is <FlyOut>.
import { animate, m, useMotionValue, useTransform, type MotionValue, type PanInfo } from "framer-motion";
import { memo, useRef } from "react";
import type { Card } from "@/app/_store/api-client";
import type { SwipeAction } from "@/app/_store/shop-store";
import { CardFace } from "./card-face";
import { InfoIcon } from "./icons";

const DISTANCE = 110;
const VELOCITY = 650;
const MIN_FLICK = 30;

/** Where the card was when it was released (the fly-out starts there). */
export interface ReleasePose {
  x: number;
  y: number;
  rotate: number;
}

/** Decide the swipe from the release of a drag, or null to spring back. */
export function releaseAction(info: Pick<PanInfo, "offset" | "velocity">): SwipeAction | null {
  const { offset: o, velocity: v } = info;
  if (Math.abs(o.y) > Math.abs(o.x) && (o.y < -DISTANCE || (v.y < -VELOCITY && o.y < -MIN_FLICK))) return "superlike";
  if (o.x > DISTANCE || (v.x > VELOCITY && o.x > MIN_FLICK)) return "like";
  if (o.x < -DISTANCE || (v.x < -VELOCITY && o.x < -MIN_FLICK)) return "pass";
  return null;
}

interface Props {
  card: Card;
  depth: number;
  reduce: boolean;
  onSwipe: (action: SwipeAction, from?: ReleasePose) => void;
  onOpen: (card: Card) => void;
}

function Stamp({ label, className, opacity }: { label: string; className: string; opacity: MotionValue<number> }) {
  return (
    <m.span
      aria-hidden="true"
      style={{ opacity }}
      className={`pointer-events-none absolute z-10 rounded-xl border-4 px-3 py-1 text-3xl font-black tracking-widest ${className}`}
    >
      {label}
    </m.span>
  );
}

export const SwipeCard = memo(function SwipeCard({ card, depth, reduce, onSwipe, onOpen }: Props) {
  const x = useMotionValue(0);
  const y = useMotionValue(0);
  const rotate = useTransform(x, [-300, 0, 300], [-16, 0, 16]);
  const like = useTransform(x, [24, DISTANCE], [0, 1]);
  const nope = useTransform(x, [-DISTANCE, -24], [1, 0]);
  const superlike = useTransform(y, [-DISTANCE - 20, -30], [1, 0]);
  const dragged = useRef(false);
  const isTop = depth === 0;

  const onDragEnd = (_: unknown, info: PanInfo) => {
    const action = releaseAction(info);
    if (action) {
      onSwipe(action, { x: x.get(), y: y.get(), rotate: rotate.get() });
      return;
    }
    const spring = reduce ? { duration: 0 } : { type: "spring" as const, stiffness: 420, damping: 30 };
    animate(x, 0, spring);
    animate(y, 0, spring);
  };

  const p = card.product;
  return (
    <div
      className={`absolute inset-0 ${reduce ? "" : "transition-transform duration-300 ease-out"}`}
      style={{ zIndex: 10 - depth, pointerEvents: isTop ? "auto" : "none", transform: `translateY(${depth * 12}px) scale(${1 - depth * 0.04})` }}
      aria-hidden={isTop ? undefined : true}
    >
      <m.div
        className={`h-full w-full touch-none select-none ${isTop ? "cursor-grab active:cursor-grabbing" : ""}`}
        style={{ x, y, rotate }}
        drag={isTop}
        dragMomentum={false}
        onPointerDown={() => (dragged.current = false)}
        onDragStart={() => (dragged.current = true)}
        onDragEnd={onDragEnd}
        onClick={() => {
          if (isTop && !dragged.current) onOpen(card);
        }}
        data-testid={isTop ? "swipe-card" : "deck-card-back"}
        data-product-id={p.id}
        data-colour={p.colours[0] ?? ""}
        data-article-type={p.articleType}
      >
        <CardFace card={card} priority={depth === 0} />
        {isTop ? (
          <>
            <Stamp label="LIKE" opacity={like} className="left-6 top-8 -rotate-12 border-like text-like" />
            <Stamp label="NOPE" opacity={nope} className="right-6 top-8 rotate-12 border-nope text-nope" />
            <Stamp label="SUPER" opacity={superlike} className="bottom-40 left-1/2 -translate-x-1/2 border-super text-super" />
            <button
              type="button"
              onClick={(e) => {
                e.stopPropagation();
                onOpen(card);
              }}
              className="absolute right-4 top-4 z-20 inline-flex h-11 w-11 items-center justify-center rounded-full bg-black/45 text-white transition hover:bg-black/60"
              aria-label={`Details for ${p.name}`}
              data-testid="card-details"
            >
              <InfoIcon size={20} />
            </button>
          </>
        ) : null}
      </m.div>
    </div>
  );
});
