/**
 * What the orchestrator (`main.ts`) and a client process (`worker.ts`) exchange: a `Task` as the process's
 * one argument, a `Sample` as the one JSON line it prints.
 */

/** The clients under test, each run in a fresh process. */
export const clients = [
  "fetch",
  "undici",
  "official",
  "platform-fetch",
  "ours-fetch",
  "ours-fetch-transport",
  "ours-undici"
] as const
export type ClientName = (typeof clients)[number]

/** A short description of each client, for the tables. */
export const clientLabels: Record<ClientName, string> = {
  fetch: "raw fetch + JSON.parse",
  undici: "undici.request + JSON.parse",
  official: "@vapi-ai/server-sdk 2.0.1",
  "platform-fetch": "reference: @effect/platform FetchHttpClient alone + JSON.parse",
  "ours-fetch": "vapi-effect, FetchHttpClient",
  "ours-fetch-transport": "vapi-effect, Fetch.layer (FetchTransport)",
  "ours-undici": "vapi-effect, Node.layer (NodeTransport)"
}

export type Op = "get" | "create" | "list" | "logs-stream"

/**
 * Whether a client runs in a configuration. To keep the full run under 10 minutes on a slow 2-core machine,
 * the extra rows run only where they answer something: `platform-fetch`, a reference row under
 * `ours-fetch`, at `get` and `create` c = 1; `ours-fetch-transport` (`Fetch.layer`, not a client the suite
 * must compare) at c = 1; and the shorter logs walk, which only shows whether peak RSS stays flat, for raw
 * fetch (its ratios' reference) and ours.
 */
export const runsIn = (
  client: ClientName,
  config: { readonly op: Op; readonly concurrency: number; readonly rows: number },
  longestWalk: number
): boolean => {
  if (config.op === "logs-stream" && config.rows < longestWalk && (client === "undici" || client === "official")) return false
  if (client === "ours-fetch-transport") return config.concurrency === 1
  return client !== "platform-fetch" || ((config.op === "get" || config.op === "create") && config.concurrency === 1)
}

/**
 * One client process. A request op (`get`, `create`, `list`) measures one window per concurrency, in
 * order, in the same process: one warm-up at the first, then before each later window a short one at its
 * own concurrency, so the JIT warms up once per op (on a slow machine it takes ~2 s to reach its steady
 * state; bench/ANALYSIS.md, round 7). A logs walk has one concurrency and a process of its own, so that
 * its peak RSS is its own.
 */
export interface Task {
  readonly client: ClientName
  readonly op: Op
  readonly concurrencies: ReadonlyArray<number>
  readonly url: string
  readonly apiKey: string
  /** request ops: the first warm-up, the warm-up before each later window, the measured window, and a cap on measured requests */
  readonly warmupMs: number
  readonly rewarmMs: number
  readonly measureMs: number
  readonly maxRequests: number
  /** logs-stream: rows in the measured walk (split over the concurrency's streams) and in the warm-up walk */
  readonly rows: number
  readonly warmupRows: number
}

export interface Sample {
  readonly client: ClientName
  readonly op: Op
  readonly concurrency: number
  /** logs-stream only: rows read in the measured walk */
  readonly rows: number | null
  /** requests in the measured window (for logs-stream: pages of 100 rows) */
  readonly requests: number
  readonly wallMs: number
  /** process CPU (user + system, all threads) over the measured window, in microseconds */
  readonly cpuUs: number
  readonly p50Ms: number | null
  readonly p99Ms: number | null
  /** `process.resourceUsage().maxRSS` at the end of the window, in KiB (so it includes earlier windows) */
  readonly maxRssKb: number
  /** the same just before the measured window (after loading and warm-up), in KiB */
  readonly maxRssBeforeKb: number
}

/** The page size of every logs walk. */
export const logsPageSize = 100
