// The shopper x item feedback matrix the collaborative models train on: compressed rows
// (CSR) of action codes (pass 0, like 1, superlike 2), one entry per shopper and item (the
// latest effective swipe). Each model maps codes to its own values (config.ts).
// Pure: must not import anything outside lib/recommender.

export const ACTION_CODE = { pass: 0, like: 1, superlike: 2 } as const;
export type ActionCode = (typeof ACTION_CODE)[keyof typeof ACTION_CODE];

export interface RatingMatrix {
  /** number of rows (shoppers) */
  users: number;
  /** column index -> product id, ascending */
  itemIds: Int32Array;
  /** row u occupies [rowPtr[u], rowPtr[u + 1]) of cols / codes */
  rowPtr: Int32Array;
  cols: Int32Array;
  codes: Uint8Array;
}

/** Code of a rating value from COLLAB_RATING (like +1, superlike +2, pass -1). */
export function codeOfRating(r: number): ActionCode {
  return r < 0 ? ACTION_CODE.pass : r > 1 ? ACTION_CODE.superlike : ACTION_CODE.like;
}

/** Build from one map per shopper (product id -> action code); empty rows are kept. */
export function buildRatingMatrix(rows: ReadonlyArray<ReadonlyMap<number, ActionCode>>, extraItemIds: Iterable<number> = []): RatingMatrix {
  const ids = new Set<number>(extraItemIds);
  let nnz = 0;
  for (const row of rows) {
    nnz += row.size;
    for (const id of row.keys()) ids.add(id);
  }
  const itemIds = Int32Array.from([...ids].sort((a, b) => a - b));
  const col = new Map<number, number>();
  itemIds.forEach((id, i) => col.set(id, i));
  const rowPtr = new Int32Array(rows.length + 1);
  const cols = new Int32Array(nnz);
  const codes = new Uint8Array(nnz);
  let at = 0;
  rows.forEach((row, u) => {
    const entries = [...row].map(([id, c]) => [col.get(id)!, c] as const).sort((a, b) => a[0] - b[0]);
    for (const [c, code] of entries) {
      cols[at] = c;
      codes[at++] = code;
    }
    rowPtr[u + 1] = at;
  });
  return { users: rows.length, itemIds, rowPtr, cols, codes };
}

/** The item-major (transposed) view: row i lists the users who rated item i. */
export function transpose(m: RatingMatrix): { rowPtr: Int32Array; cols: Int32Array; codes: Uint8Array } {
  const n = m.itemIds.length;
  const rowPtr = new Int32Array(n + 1);
  for (let k = 0; k < m.cols.length; k++) rowPtr[m.cols[k] + 1]++;
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  const fill = rowPtr.slice(0, n);
  const cols = new Int32Array(m.cols.length);
  const codes = new Uint8Array(m.cols.length);
  for (let u = 0; u < m.users; u++) {
    for (let k = m.rowPtr[u]; k < m.rowPtr[u + 1]; k++) {
      const at = fill[m.cols[k]]++;
      cols[at] = u;
      codes[at] = m.codes[k];
    }
  }
  return { rowPtr, cols, codes };
}

/** Index of product ids (product id -> column). */
export function columnIndex(itemIds: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < itemIds.length; i++) m.set(itemIds[i], i);
  return m;
}
