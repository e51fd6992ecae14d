"use client";
// One card in the deck. Its surface is static (the card face, tap for details) until the
// drag surface (card-drag.tsx, framer-motion, loaded after the first view) arrives; then
// the top card drags (rotation follows x; LIKE / NOPE / SUPER stamps fade in with the
// drag), commits by distance or velocity and springs back otherwise. Cards behind it sit
// scaled down with a plain CSS transform (no JS animation per swipe); the fly-out is <FlyOut>.
import type { PanInfo } from "framer-motion";
import { memo, type ReactNode } from "react";
import type { Card } from "@/app/_store/api-client";
import type { SwipeAction } from "@/app/_store/shop-store";
import { CardFace } from "./card-face";
import { loadCardDrag, useCardDrag } from "./drag-loader";
import { InfoIcon } from "./icons";

export const DISTANCE = 110;
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

/** What a card surface gets: the static one below and the draggable one (card-drag.tsx). */
export interface SurfaceProps extends Omit<Props, "depth"> {
  isTop: boolean;
  className: string;
  data: Record<`data-${string}`, string | number>;
  children: ReactNode;
}

/** The surface before the drag code is loaded: a tap opens the details, a touch starts loading the drag. */
function StaticSurface({ card, isTop, onOpen, className, data, children }: SurfaceProps) {
  return (
    <div className={className} onPointerDown={isTop ? () => void loadCardDrag().catch(() => undefined) : undefined} onClick={() => isTop && onOpen(card)} {...data}>
      {children}
    </div>
  );
}

export const SwipeCard = memo(function SwipeCard({ card, depth, reduce, onSwipe, onOpen }: Props) {
  const Surface = useCardDrag() ?? StaticSurface;
  const isTop = depth === 0;
  const p = card.product;
  return (
    <div
      className={`absolute inset-0 ${reduce ? "" : "transition-transform duration-300 ease-out"}`}
      style={{ zIndex: 10 - depth, pointerEvents: isTop ? "auto" : "none", transform: `translateY(${depth * 12}px) scale(${1 - depth * 0.04})` }}
      aria-hidden={isTop ? undefined : true}
    >
      {/* eslint-disable-next-line react-hooks/static-components -- the loaded module's component: one stable reference, never created here */}
      <Surface
        card={card}
        isTop={isTop}
        reduce={reduce}
        onSwipe={onSwipe}
        onOpen={onOpen}
        className={`h-full w-full touch-none select-none will-change-transform ${isTop ? "cursor-grab active:cursor-grabbing" : ""}`}
        data={{ "data-testid": isTop ? "swipe-card" : "deck-card-back", "data-product-id": p.id, "data-colour": p.colours[0] ?? "", "data-article-type": p.articleType }}
      >
        <CardFace card={card} priority={isTop} />
        {isTop ? (
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
        ) : null}
      </Surface>
    </div>
  );
});
