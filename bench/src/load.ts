/**
 * The measuring loop shared by the Promise-based clients (raw fetch, undici, the official SDK): `concurrency`
 * workers issue requests back to back until the window closes or the request cap is reached (one window per
 * concurrency of the task); latencies go
 * to a preallocated buffer, CPU time is `process.cpuUsage()` over the measured window only (after warm-up),
 * so module loading and JIT warm-up never count.
 */
import * as Fs from "node:fs"
import * as Inspector from "node:inspector"
import { logsPageSize, type Sample, type Task } from "./protocol.js"

/**
 * With `BENCH_CPU_PROFILE=<file>` in the environment, the measured window (and nothing else: not module
 * loading, not warm-up) is profiled with the inspector and written to that file as a `.cpuprofile`. The
 * figures of a profiled process are not comparable with the others.
 */
const profileFile = process.env["BENCH_CPU_PROFILE"]
let session: Inspector.Session | undefined
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    session!.post(method, params ?? {}, (error, result) => (error === null ? resolve(result) : reject(error)))
  )

/** Starts the profiler when `BENCH_CPU_PROFILE` is set. */
export const startProfile = async (): Promise<void> => {
  if (profileFile === undefined) return
  session = new Inspector.Session()
  session.connect()
  await post("Profiler.enable")
  await post("Profiler.setSamplingInterval", { interval: 200 })
  await post("Profiler.start")
}

/** Stops the profiler and writes the profile. */
export const stopProfile = async (): Promise<void> => {
  if (profileFile === undefined || session === undefined) return
  const { profile } = (await post("Profiler.stop")) as { profile: unknown }
  Fs.writeFileSync(profileFile, JSON.stringify(profile))
  session.disconnect()
}

/** Latencies of one window, in a buffer allocated up front (same size for every client). */
export class Recorder {
  readonly values: Float64Array
  count = 0
  constructor(capacity: number) {
    this.values = new Float64Array(capacity)
  }
  get full(): boolean {
    return this.count >= this.values.length
  }
  push(ms: number): void {
    if (this.count < this.values.length) this.values[this.count++] = ms
  }
  percentile(p: number): number | null {
    if (this.count === 0) return null
    const sorted = this.values.slice(0, this.count).sort()
    return sorted[Math.min(this.count - 1, Math.max(0, Math.ceil(p * this.count) - 1))]!
  }
}

/** A window: CPU and wall clock around `run`. */
export const measure = async (run: () => Promise<void>) => {
  const maxRssBeforeKb = process.resourceUsage().maxRSS
  await startProfile()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await run()
  const wallMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  await stopProfile()
  return { wallMs, cpuUs: cpu.user + cpu.system, maxRssBeforeKb }
}

/** What a Promise-based client provides. */
export interface PromiseClient {
  readonly get: () => Promise<unknown>
  readonly create: () => Promise<unknown>
  readonly list: () => Promise<ReadonlyArray<unknown>>
  /** one page of `GET /logs` */
  readonly logsPage: (page: number, limit: number) => Promise<LogsPage>
}

export interface LogsPage {
  readonly results: ReadonlyArray<{ readonly responseHttpCode: number }>
  readonly metadata: { readonly itemsPerPage: number; readonly totalItems: number; readonly currentPage: number }
}

const requestOp = (client: PromiseClient, task: Task): (() => Promise<unknown>) => {
  switch (task.op) {
    case "get":
      return client.get
    case "create":
      return client.create
    case "list":
      return async () => {
        const calls = await client.list()
        if (calls.length !== 100) throw new Error(`list returned ${calls.length} calls`)
      }
    default:
      throw new Error(`not a request op: ${task.op}`)
  }
}

const drive = async (op: () => Promise<unknown>, concurrency: number, deadline: number, recorder: Recorder) => {
  const worker = async () => {
    while (performance.now() < deadline && !recorder.full) {
      const t0 = performance.now()
      await op()
      recorder.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/**
 * Walks `rows` logs from `startPage` on, page by page (the way a user pages `GET /logs`), touching every
 * row; stops early at the end of the data.
 */
export const walkLogs = async (client: PromiseClient, startPage: number, rows: number): Promise<number> => {
  let seen = 0
  let page = startPage
  while (seen < rows) {
    const body = await client.logsPage(page, logsPageSize)
    for (const log of body.results) {
      if (seen >= rows) break
      if (log.responseHttpCode > 0) seen++
    }
    const { currentPage, itemsPerPage, totalItems } = body.metadata
    if (body.results.length === 0 || currentPage * itemsPerPage >= totalItems) break
    page++
  }
  return seen
}

/** The page each of `concurrency` streams starts at, and the rows it reads: disjoint ranges of the data. */
export const partitions = (rows: number, concurrency: number) => {
  const per = Math.ceil(rows / concurrency / logsPageSize) * logsPageSize
  return Array.from({ length: concurrency }, (_, k) => ({
    startPage: 1 + (k * per) / logsPageSize,
    rows: Math.max(0, Math.min(per, rows - k * per))
  })).filter((p) => p.rows > 0)
}

const maxRssKb = () => process.resourceUsage().maxRSS

/** What a measured window gives: its wall clock, its CPU and the peak RSS before it. */
export interface Window {
  readonly wallMs: number
  readonly cpuUs: number
  readonly maxRssBeforeKb: number
}

/** The sample of a request task's window at `concurrency`, its latencies in `recorder`. */
export const requestSample = (task: Task, concurrency: number, recorder: Recorder, window: Window): Sample => ({
  client: task.client,
  op: task.op,
  concurrency,
  rows: null,
  requests: recorder.count,
  ...window,
  p50Ms: recorder.percentile(0.5),
  p99Ms: recorder.percentile(0.99),
  maxRssKb: maxRssKb()
})

/** The one concurrency of a logs walk. */
export const walkConcurrency = (task: Task): number => task.concurrencies[0] ?? 1

/** The sample of a logs walk of `task.rows` rows. */
export const logsSample = (task: Task, window: Window): Sample => ({
  client: task.client,
  op: task.op,
  concurrency: walkConcurrency(task),
  rows: task.rows,
  requests: Math.ceil(task.rows / logsPageSize),
  ...window,
  p50Ms: null,
  p99Ms: null,
  maxRssKb: maxRssKb()
})

/** Runs one task with a Promise-based client: one sample per window. */
export const runPromiseTask = async (client: PromiseClient, task: Task): Promise<Array<Sample>> => {
  if (task.op === "logs-stream") {
    const walkAll = async (rows: number) => {
      const counts = await Promise.all(
        partitions(rows, walkConcurrency(task)).map((p) => walkLogs(client, p.startPage, p.rows))
      )
      const total = counts.reduce((a, b) => a + b, 0)
      if (total !== rows) throw new Error(`logs walk read ${total} rows, expected ${rows}`)
    }
    await walkAll(task.warmupRows)
    return [logsSample(task, await measure(() => walkAll(task.rows)))]
  }
  const op = requestOp(client, task)
  const recorder = new Recorder(task.maxRequests)
  const samples: Array<Sample> = []
  for (const [i, concurrency] of task.concurrencies.entries()) {
    await drive(op, concurrency, performance.now() + (i === 0 ? task.warmupMs : task.rewarmMs), recorder)
    recorder.count = 0
    const window = await measure(() => drive(op, concurrency, performance.now() + task.measureMs, recorder))
    samples.push(requestSample(task, concurrency, recorder, window))
  }
  return samples
}

/** Fails on a non-2xx status: every client checks it. */
export const expectOk = (status: number, what: string) => {
  if (status < 200 || status >= 300) throw new Error(`${what}: HTTP ${status}`)
}
