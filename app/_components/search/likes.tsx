"use client";
// Liking search results (word and photo hits): POST /api/feedback with action like; a
// retry of the same product reuses its clientEventId, so the server records one like.
// One hook instance per search page, shared by every result grid on it.
import { useCallback, useRef, useState } from "react";
import { api, newEventId } from "@/app/_store/api-client";
import { CheckIcon, HeartIcon } from "../icons";
import { roundAction } from "../product-card";

type LikeState = "saving" | "liked" | "error";

export interface Likes {
  state: Record<number, LikeState>;
  error: string | null;
  like: (productId: number) => Promise<void>;
}

export function useLikes(): Likes {
  const [state, setState] = useState<Record<number, LikeState>>({});
  const [error, setError] = useState<string | null>(null);
  const eventIds = useRef(new Map<number, string>());

  const like = useCallback(async (productId: number) => {
    let id = eventIds.current.get(productId);
    if (!id) eventIds.current.set(productId, (id = newEventId()));
    setState((l) => ({ ...l, [productId]: "saving" }));
    setError(null);
    try {
      await api.feedback({ productId, action: "like", clientEventId: id });
      setState((l) => ({ ...l, [productId]: "liked" }));
    } catch (e) {
      setState((l) => ({ ...l, [productId]: "error" }));
      setError(e instanceof Error ? e.message : "Could not save the like.");
    }
  }, []);

  return { state, error, like };
}

/** The heart over a result tile (44 px); pressed once the like is saved. */
export function LikeButton({ likes, productId, name }: { likes: Likes; productId: number; name: string }) {
  const st = likes.state[productId];
  return (
    <button
      type="button"
      className={`${roundAction} ${st === "liked" ? "!bg-like !text-white" : ""}`}
      onClick={() => void likes.like(productId)}
      disabled={st === "saving" || st === "liked"}
      aria-pressed={st === "liked"}
      aria-label={st === "liked" ? `Liked ${name}` : `Like ${name}`}
      data-testid="like-hit"
    >
      {st === "liked" ? <CheckIcon size={18} strokeWidth={3} /> : <HeartIcon size={18} />}
    </button>
  );
}
