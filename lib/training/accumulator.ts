// The trainer's in-memory copy of the feedback log, grown incrementally (events with
// id > lastEventId are appended; nothing is re-read). Compact typed arrays: about 13 bytes
// per event. Undo and "remove like" flag existing rows, so the trainer also passes the
// current set of undone ids (read from the undone rows only) before building the matrix:
// the matrix holds each shopper's latest effective swipe per product, as the app does.
// Server-free: must not import lib/db or lib/feed (pure data structure over events).
import { ACTION_CODE, buildRatingMatrix, type ActionCode, type RatingMatrix } from "@/lib/recommender/collab-matrix";
import type { FeedbackAction } from "@/lib/recommender/types";

export interface AccEvent {
  id: number;
  shopperId: string;
  productId: number;
  action: FeedbackAction;
  undone?: boolean;
}

export class EventAccumulator {
  private ids = new Float64Array(1024);
  private shoppers = new Int32Array(1024);
  private products = new Int32Array(1024);
  private codes = new Uint8Array(1024);
  private n = 0;
  private shopperIndex = new Map<string, number>();
  private undone = new Set<number>();
  lastEventId = 0;

  get size(): number {
    return this.n;
  }

  get shopperCount(): number {
    return this.shopperIndex.size;
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.ids = g(this.ids, (c) => new Float64Array(c));
    this.shoppers = g(this.shoppers, (c) => new Int32Array(c));
    this.products = g(this.products, (c) => new Int32Array(c));
    this.codes = g(this.codes, (c) => new Uint8Array(c));
  }

  /** Append events (ascending ids greater than lastEventId; older ids are ignored). */
  add(events: readonly AccEvent[]): number {
    let added = 0;
    for (const e of events) {
      if (e.id <= this.lastEventId) continue;
      if (this.n === this.ids.length) this.grow();
      let s = this.shopperIndex.get(e.shopperId);
      if (s === undefined) this.shopperIndex.set(e.shopperId, (s = this.shopperIndex.size));
      this.ids[this.n] = e.id;
      this.shoppers[this.n] = s;
      this.products[this.n] = e.productId;
      this.codes[this.n] = ACTION_CODE[e.action] ?? ACTION_CODE.like;
      if (e.undone) this.undone.add(e.id);
      this.n++;
      this.lastEventId = e.id;
      added++;
    }
    return added;
  }

  /** Replace the set of undone event ids; true when it changed. */
  setUndone(ids: Iterable<number>): boolean {
    const next = new Set(ids);
    const changed = next.size !== this.undone.size || [...next].some((id) => !this.undone.has(id));
    this.undone = next;
    return changed;
  }

  /** Each shopper's latest effective (not undone) swipe per product. */
  toMatrix(): RatingMatrix {
    const rows: Array<Map<number, ActionCode>> = Array.from({ length: this.shopperIndex.size }, () => new Map());
    for (let i = 0; i < this.n; i++) {
      if (this.undone.size && this.undone.has(this.ids[i])) continue;
      rows[this.shoppers[i]].set(this.products[i], this.codes[i] as ActionCode);
    }
    return buildRatingMatrix(rows);
  }
}
