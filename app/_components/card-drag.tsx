"use client";
// The draggable surface of a deck card, loaded after the first view (app/_components/
// drag-loader.ts): framer-motion drag (rotation follows x; LIKE / NOPE / SUPER stamps
// fade in with the drag), commit by distance or velocity, spring back otherwise. Everything
// framer-motion lives behind this module, so none of it is in /deck's first-load
// JavaScript. Renders the same element tree as swipe-card's static surface.
import { animate, LazyMotion, m, useMotionValue, useTransform, type MotionValue, type PanInfo } from "framer-motion";
import { useRef } from "react";
import domMax from "./motion-features";
import { DISTANCE, releaseAction, type SurfaceProps } from "./swipe-card";

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

export function CardDrag({ card, isTop, reduce, onSwipe, onOpen, className, data, children }: SurfaceProps) {
  const x = useMotionValue(0);
  const y = useMotionValue(0);
  const rotate = useTransform(x, [-300, 0, 300], [-16, 0, 16]);
  const like = useTransform(x, [24, DISTANCE], [0, 1]);
  const nope = useTransform(x, [-DISTANCE, -24], [1, 0]);
  const superlike = useTransform(y, [-DISTANCE - 20, -30], [1, 0]);
  const dragged = useRef(false);

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

  return (
    <LazyMotion features={domMax} strict>
      <m.div
        className={className}
        style={{ x, y, rotate }}
        drag={isTop}
        dragMomentum={false}
        onPointerDown={() => (dragged.current = false)}
        onDragStart={() => (dragged.current = true)}
        onDragEnd={onDragEnd}
        onClick={() => {
          if (isTop && !dragged.current) onOpen(card);
        }}
        {...data}
      >
        {children}
        {isTop ? (
          <>
            <Stamp label="LIKE" opacity={like} className="left-6 top-8 -rotate-12 border-like text-like" />
            <Stamp label="NOPE" opacity={nope} className="right-6 top-8 rotate-12 border-nope text-nope" />
            <Stamp label="SUPER" opacity={superlike} className="bottom-40 left-1/2 -translate-x-1/2 border-super text-super" />
          </>
        ) : null}
      </m.div>
    </LazyMotion>
  );
}
