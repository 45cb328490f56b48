/**
 * Medians, ratios to raw `fetch` in the same round, the target checks, and the Markdown tables that are
 * printed and written to `bench/RESULTS.md`.
 */
import { type BundleSize } from "./size.js"
import { type ImportTime } from "./startup.js"
import { type TypecheckTime } from "./typecheck.js"
import { type ClientName, clientLabels, clients, logsPageSize, type Op, runsIn, type Sample } from "./protocol.js"

/** One measured configuration: an operation at a concurrency (and, for logs, a row count). */
export interface Config {
  readonly op: Op
  readonly concurrency: number
  readonly rows: number
}

export const configKey = (c: Config) => c.op === "logs-stream" ? `${c.op} ${c.rows} c${c.concurrency}` : `${c.op} c${c.concurrency}`

/** What one process reported, with the round it ran in. */
export interface Run {
  readonly round: number
  readonly config: Config
  readonly client: ClientName
  readonly sample: Sample | null
  readonly error: string | null
  /** the 1-minute load average when the process started */
  readonly load: number
}

/** Per-sample figures. */
const figures = (s: Sample) => ({
  reqPerS: s.requests / (s.wallMs / 1000),
  rowsPerS: s.rows === null ? null : s.rows / (s.wallMs / 1000),
  p50Ms: s.p50Ms,
  p99Ms: s.p99Ms,
  cpuPerReqUs: s.cpuUs / s.requests,
  rssMb: s.maxRssKb / 1024,
  rssGrowthMb: (s.maxRssKb - s.maxRssBeforeKb) / 1024
})
type Figures = ReturnType<typeof figures>
type FigureName = keyof Figures

export const median = (values: ReadonlyArray<number>): number | null => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export interface Row {
  readonly config: Config
  readonly client: ClientName
  readonly rounds: number
  readonly errors: number
  /** the median of each figure over the rounds */
  readonly value: Record<FigureName, number | null>
  /** the median over the rounds of each figure divided by raw fetch's in the same round */
  readonly ratio: Record<FigureName, number | null>
}

const names: ReadonlyArray<FigureName> = ["reqPerS", "rowsPerS", "p50Ms", "p99Ms", "cpuPerReqUs", "rssMb", "rssGrowthMb"]

/** Medians and same-round ratios for every configuration and client. */
export const summarize = (configs: ReadonlyArray<Config>, runs: ReadonlyArray<Run>): Array<Row> =>
  configs.flatMap((config, _, all) => {
    const longestWalk = Math.max(0, ...all.map((c) => c.rows))
    const key = configKey(config)
    const mine = runs.filter((r) => configKey(r.config) === key)
    return clients.filter((client) => runsIn(client, config, longestWalk)).map((client): Row => {
      const own = mine.filter((r) => r.client === client)
      const ok = own.flatMap((r) => r.sample === null ? [] : [{ round: r.round, f: figures(r.sample) }])
      const reference = new Map(
        mine.flatMap((r) => r.client === "fetch" && r.sample !== null ? [[r.round, figures(r.sample)] as const] : [])
      )
      const value = {} as Record<FigureName, number | null>
      const ratio = {} as Record<FigureName, number | null>
      for (const name of names) {
        value[name] = median(ok.flatMap(({ f }) => f[name] === null ? [] : [f[name]!]))
        ratio[name] = median(ok.flatMap(({ f, round }) => {
          const ref = reference.get(round)?.[name]
          return f[name] === null || ref === undefined || ref === null || ref === 0 ? [] : [f[name]! / ref]
        }))
      }
      return { config, client, rounds: ok.length, errors: own.length - ok.length, value, ratio }
    })
  })

const fmt = (n: number | null, digits: number) =>
  n === null ? "—" : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })

const cell = (row: Row, name: FigureName, digits: number) =>
  row.value[name] === null
    ? row.errors > 0 ? "error" : "—"
    : row.client === "fetch"
    ? fmt(row.value[name], digits)
    : `${fmt(row.value[name], digits)} (${fmt(row.ratio[name], 2)}x)`

/** The throughput tables, one per operation. */
export const loadTables = (rows: ReadonlyArray<Row>): string => {
  const out: Array<string> = []
  for (const op of ["get", "create", "list"] as const) {
    const mine = rows.filter((r) => r.config.op === op)
    if (mine.length === 0) continue
    out.push(`#### ${op}${op === "list" ? " (100 calls, ~600 KB)" : op === "get" ? " (one ~6 KB call)" : " (POST, ~6 KB call back)"}`, "")
    out.push("| c | client | req/s | p50 ms | p99 ms | CPU µs/req | peak RSS MB |", "| --: | --- | --: | --: | --: | --: | --: |")
    for (const r of mine) {
      out.push(
        `| ${r.config.concurrency} | ${clientLabels[r.client]} | ${cell(r, "reqPerS", 0)} | ${cell(r, "p50Ms", 2)} | ${
          cell(r, "p99Ms", 2)
        } | ${cell(r, "cpuPerReqUs", 0)} | ${cell(r, "rssMb", 0)} |`
      )
    }
    out.push("")
  }
  const logs = rows.filter((r) => r.config.op === "logs-stream")
  if (logs.length > 0) {
    out.push(`#### logs-stream (pages of ${logsPageSize}; c streams over disjoint page ranges)`, "")
    out.push(
      "| rows | c | client | rows/s | CPU µs/page | peak RSS MB | RSS growth in the walk, MB |",
      "| --: | --: | --- | --: | --: | --: | --: |"
    )
    for (const r of logs) {
      out.push(
        `| ${fmt(r.config.rows, 0)} | ${r.config.concurrency} | ${clientLabels[r.client]} | ${cell(r, "rowsPerS", 0)} | ${
          cell(r, "cpuPerReqUs", 0)
        } | ${cell(r, "rssMb", 0)} | ${fmt(r.value.rssGrowthMb, 1)} |`
      )
    }
    out.push("")
  }
  return out.join("\n")
}

export interface ImportSummary {
  readonly name: string
  readonly baselineMs: number
  readonly targetMs: number
  readonly targetMinMs: number
  readonly samples: number
}

export const summarizeImports = (samples: ReadonlyArray<ImportTime>): Array<ImportSummary> =>
  [...new Set(samples.map((s) => s.name))].map((name) => {
    const mine = samples.filter((s) => s.name === name)
    return {
      name,
      baselineMs: median(mine.map((s) => s.baselineMs))!,
      targetMs: median(mine.map((s) => s.targetMs))!,
      targetMinMs: Math.min(...mine.map((s) => s.targetMs)),
      samples: mine.length
    }
  })

export const importTable = (rows: ReadonlyArray<ImportSummary>): string =>
  [
    "| import | already loaded | its baseline, ms | the import, ms (median) | fastest run, ms | runs |",
    "| --- | --- | --: | --: | --: | --: |",
    ...rows.map((r) =>
      `| \`${r.name.replace(/^[a-z]+: /, "")}\` | ${r.name.startsWith("ours") ? "effect, @effect/platform" : "nothing"} | ${
        fmt(r.baselineMs, 1)
      } | ${fmt(r.targetMs, 1)} | ${fmt(r.targetMinMs, 1)} | ${r.samples} |`
    ),
    ""
  ].join("\n")

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export const sizeTable = (sizes: ReadonlyArray<BundleSize>): string =>
  [
    "| app | bundle, min | bundle, gzip | SDK's bytes, min | SDK adds, gzip | effect + platform rest, gzip |",
    "| --- | --: | --: | --: | --: | --: |",
    ...sizes.map((s) => {
      const official = s.app.startsWith("official")
      return `| ${s.app} | ${kb(s.minifiedBytes)} | ${kb(s.gzipBytes)} | ${official ? kb(s.minifiedBytes) : kb(s.oursMinifiedBytes)} | ${
        official ? kb(s.gzipBytes) : kb(s.oursGzipBytes)
      } | ${official ? "—" : kb(s.baselineGzipBytes)} |`
    }),
    ""
  ].join("\n")

export const summarizeTypecheck = (samples: ReadonlyArray<TypecheckTime>) =>
  [...new Set(samples.map((s) => s.consumer))].map((consumer) => {
    const mine = samples.filter((s) => s.consumer === consumer).map((s) => s.seconds)
    return { consumer, seconds: median(mine)!, runs: mine }
  })

export const typecheckTable = (rows: ReturnType<typeof summarizeTypecheck>): string =>
  [
    "| consumer | median s | runs (s) |",
    "| --- | --: | --- |",
    ...rows.map((r) => `| ${r.consumer} | ${r.seconds.toFixed(2)} | ${r.runs.map((s) => s.toFixed(2)).join(", ")} |`),
    ""
  ].join("\n")

export interface Target {
  readonly target: string
  readonly figure: string
  readonly met: boolean | null
}

const find = (rows: ReadonlyArray<Row>, op: Op, client: ClientName, concurrency: number, rows_?: number) =>
  rows.find((r) => r.config.op === op && r.client === client && r.config.concurrency === concurrency && (rows_ === undefined || r.config.rows === rows_))

/** The issue's targets, checked against the medians of this run. */
export const targets = (
  rows: ReadonlyArray<Row>,
  imports: ReadonlyArray<ImportSummary>,
  sizes: ReadonlyArray<BundleSize>
): Array<Target> => {
  const out: Array<Target> = []
  const concurrencies = (op: Op) => [...new Set(rows.filter((r) => r.config.op === op).map((r) => r.config.concurrency))]
  const cpuRatio = (op: Op, limit: number) => {
    for (const c of concurrencies(op)) {
      const r = find(rows, op, "ours-undici", c)
      const ratio = r?.ratio.cpuPerReqUs ?? null
      out.push({
        target: `${op} c=${c}: CPU/request with the Node layer ≤ ${limit}x raw fetch`,
        figure: ratio === null ? "no data" : `${ratio.toFixed(2)}x`,
        met: ratio === null ? null : ratio <= limit
      })
    }
  }
  cpuRatio("get", 0.8)
  cpuRatio("create", 0.8)
  cpuRatio("list", 1.5)
  const fetchClients = [["ours-fetch", "FetchHttpClient"], ["ours-fetch-transport", "Fetch.layer (FetchTransport)"]] as const
  for (const [client, label] of fetchClients) {
    for (const op of ["get", "create", "list"] as const) {
      for (const c of concurrencies(op)) {
        const ours = find(rows, op, client, c)?.value.cpuPerReqUs ?? null
        const official = find(rows, op, "official", c)?.value.cpuPerReqUs ?? null
        const platform = client === "ours-fetch" ? find(rows, op, "platform-fetch", c)?.value.cpuPerReqUs ?? null : null
        if (ours === null && client === "ours-fetch-transport") continue
        out.push({
          target: `${op} c=${c}: CPU/request with ${label} ≤ the official SDK's`,
          figure: ours === null || official === null
            ? "no data"
            : `${ours.toFixed(0)} vs ${official.toFixed(0)} µs${
              platform === null ? "" : ` (FetchHttpClient alone: ${platform.toFixed(0)} µs)`
            }`,
          met: ours === null || official === null ? null : ours <= official
        })
      }
    }
  }
  const logRows = [...new Set(rows.filter((r) => r.config.op === "logs-stream").map((r) => r.config.rows))].sort((a, b) => a - b)
  const most = logRows.at(-1)
  const least = logRows[0]
  if (most !== undefined) {
    for (const c of concurrencies("logs-stream")) {
      for (const client of ["ours-undici", "ours-fetch", "ours-fetch-transport"] as const) {
        const r = find(rows, "logs-stream", client, c, most)
        if (r === undefined) continue
        const ratio = r.ratio.rowsPerS
        out.push({
          target: `logs-stream ${most} c=${c} (${client}): rows/s ≥ raw fetch's`,
          figure: ratio === null ? "no data" : `${ratio.toFixed(2)}x`,
          met: ratio === null ? null : ratio >= 1
        })
      }
    }
    for (const client of ["ours-undici", "ours-fetch", "ours-fetch-transport"] as const) {
      const r = find(rows, "logs-stream", client, 1, most)
      const ratio = r?.ratio.rssMb ?? null
      out.push({
        target: `logs-stream ${most} c=1 (${client}): peak RSS ≤ raw fetch's`,
        figure: ratio === null ? "no data" : `${r!.value.rssMb!.toFixed(0)} MB, ${ratio.toFixed(2)}x`,
        met: ratio === null ? null : ratio <= 1
      })
      if (least !== undefined && least !== most) {
        const small = find(rows, "logs-stream", client, 1, least)?.value.rssMb ?? null
        const large = r?.value.rssMb ?? null
        out.push({
          target: `logs-stream (${client}): peak RSS flat from ${least} to ${most} rows (≤ +10%)`,
          figure: small === null || large === null ? "no data" : `${small.toFixed(0)} → ${large.toFixed(0)} MB`,
          met: small === null || large === null ? null : large <= small * 1.1
        })
      }
    }
  }
  const calls = imports.find((i) => i.name === "ours: @vapi-effect/client/Calls")
  if (calls !== undefined) {
    out.push({
      target: "cold import of @vapi-effect/client/Calls < 100 ms above effect + @effect/platform",
      figure: `${calls.targetMs.toFixed(0)} ms`,
      met: calls.targetMs < 100
    })
  }
  const size = sizes.find((s) => s.app === "calls")
  if (size !== undefined) {
    out.push({
      target: "bytes our SDK adds to a calls-only app < 18 KB gzipped",
      figure: kb(size.oursGzipBytes),
      met: size.oursGzipBytes < 18 * 1024
    })
  }
  return out
}

export const targetTable = (rows: ReadonlyArray<Target>): string =>
  [
    "| target | this run | met |",
    "| --- | --: | :-: |",
    ...rows.map((t) => `| ${t.target} | ${t.figure} | ${t.met === null ? "?" : t.met ? "yes" : "**no**"} |`),
    ""
  ].join("\n")
