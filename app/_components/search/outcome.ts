// What the /search page hands its client component for the URL's state: nothing asked
// yet, the server's answer, or the server's refusal (a 4xx message about the query, or
// the calm outage line). Types only: shared by the Server Component page and the client.
import type { TextSearchResponse } from "@/lib/search/contract";

export type SearchOutcome =
  | { kind: "idle" }
  | { kind: "results"; response: TextSearchResponse }
  | { kind: "error"; status: number; message: string };
