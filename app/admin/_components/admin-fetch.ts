// Client-side JSON calls to /api/admin (same origin, cookie sent automatically). Returns
// the parsed body or the API's error message and field issues. Safe in client code.
export interface ApiFailure {
  ok: false;
  status: number;
  error: string;
  issues: { path: string; message: string }[];
}
export type ApiResult<T> = { ok: true; status: number; body: T } | ApiFailure;

export async function adminFetch<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, credentials: "same-origin", cache: "no-store" });
  } catch {
    return { ok: false, status: 0, error: "Network error: is the server running?", issues: [] };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.ok) return { ok: true, status: res.status, body: body as T };
  const b = (body ?? {}) as { error?: string; issues?: { path: string; message: string }[] };
  return { ok: false, status: res.status, error: b.error ?? `Request failed (${res.status})`, issues: b.issues ?? [] };
}

export function jsonInit(method: string, data: unknown): RequestInit {
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(data) };
}
