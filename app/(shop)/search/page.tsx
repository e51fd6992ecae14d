// /search - search by words (the URL holds the whole state: q, filters, price, sort, page,
// removed chips) and by photo, with likeable results. Server Component: it parses the URL
// and renders the first answer on the server (results in the HTML, nothing to wait for on
// a slow phone); every later change is a navigation to the next state's URL.
import type { Metadata } from "next";
import { SearchPanel } from "@/app/_components/search-panel";
import type { SearchOutcome } from "@/app/_components/search/outcome";
import { OUTAGE_MESSAGE } from "@/app/_store/api-client";
import { textSearch } from "@/lib/feed/text-search";
import { errorResponse, HttpError } from "@/lib/http/respond";
import { FILTER_KEYS, type SearchState } from "@/lib/search/contract";
import { emptySearchState, parseSearchState, SearchInputError } from "@/lib/search/url";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;

function toSearchParams(sp: Params): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
  }
  return out;
}

/** The shopper asked something: a query (even an empty one: the server says what to type) or a filter. */
function asked(params: URLSearchParams): boolean {
  return params.has("q") || FILTER_KEYS.some((k) => params.has(k)) || params.has("min") || params.has("max");
}

/** The answer for a state, or the error the API would give for it (4xx message, or the calm outage line). */
async function answer(state: SearchState): Promise<SearchOutcome> {
  try {
    return { kind: "results", response: await textSearch(state) };
  } catch (e) {
    if (e instanceof SearchInputError) return { kind: "error", status: 400, message: e.message };
    const res = errorResponse(e);
    if (res.status >= 500) return { kind: "error", status: res.status, message: OUTAGE_MESSAGE };
    const body = (await res.json()) as { error?: string };
    return { kind: "error", status: res.status, message: body.error ?? (e instanceof HttpError ? e.message : "That search could not run.") };
  }
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = toSearchParams(await searchParams);
  let state: SearchState;
  try {
    state = parseSearchState(params);
  } catch (e) {
    if (!(e instanceof SearchInputError)) throw e;
    // keep the shopper's words in the box so they can shorten or fix them
    const outcome: SearchOutcome = { kind: "error", status: 400, message: e.message };
    return <SearchPanel state={emptySearchState(params.get("q") ?? "")} outcome={outcome} />;
  }
  const outcome: SearchOutcome = asked(params) ? await answer(state) : { kind: "idle" };
  return <SearchPanel state={state} outcome={outcome} />;
}
