import { assert, describe, it } from "@effect/vitest"
import type { ClientName, Sample } from "../src/protocol.js"
import { type Config, median, type Run, summarize, targets } from "../src/report.js"

const get1: Config = { op: "get", concurrency: 1, rows: 0 }

/** A run whose sample made `requests` requests at `cpuPerRequest` µs each in one second. */
const run = (round: number, client: ClientName, cpuPerRequest: number, config: Config = get1, rssMb = 100): Run => ({
  round,
  config,
  client,
  load: 1,
  error: null,
  sample: {
    client,
    op: config.op,
    concurrency: config.concurrency,
    rows: config.op === "logs-stream" ? config.rows : null,
    requests: 1000,
    wallMs: 1000,
    cpuUs: 1000 * cpuPerRequest,
    p50Ms: 1,
    p99Ms: 2,
    maxRssKb: rssMb * 1024,
    maxRssBeforeKb: rssMb * 1024
  } satisfies Sample
})

const failed = (round: number, client: ClientName, config: Config = get1): Run => ({
  round,
  config,
  client,
  load: 1,
  error: "exit 1",
  sample: null
})

describe("median", () => {
  it("is the middle value, the mean of the middle two, or null for none", () => {
    assert.strictEqual(median([3, 1, 2]), 2)
    assert.strictEqual(median([4, 1, 3, 2]), 2.5)
    assert.strictEqual(median([]), null)
  })
})

describe("summarize", () => {
  it("takes each ratio within a round, then the median over rounds, not the ratio of the medians", () => {
    const runs = [
      run(0, "fetch", 100),
      run(1, "fetch", 200),
      run(2, "fetch", 300),
      run(0, "ours-undici", 50), // 0.5x
      run(1, "ours-undici", 300), // 1.5x
      run(2, "ours-undici", 330) // 1.1x
    ]
    const row = summarize([get1], runs).find((r) => r.client === "ours-undici")!
    assert.strictEqual(row.value.cpuPerReqUs, 300)
    assert.closeTo(row.ratio.cpuPerReqUs!, 1.1, 1e-9)
    assert.strictEqual(row.rounds, 3)
  })

  it("counts a failed process as an error and leaves it out of the figures", () => {
    const runs = [run(0, "fetch", 100), run(1, "fetch", 100), run(0, "undici", 40), failed(1, "undici")]
    const row = summarize([get1], runs).find((r) => r.client === "undici")!
    assert.deepStrictEqual([row.rounds, row.errors, row.value.cpuPerReqUs, row.ratio.cpuPerReqUs], [1, 1, 40, 0.4])
  })

  it("has no ratio for a round without raw fetch", () => {
    const row = summarize([get1], [run(0, "undici", 40)]).find((r) => r.client === "undici")!
    assert.strictEqual(row.value.cpuPerReqUs, 40)
    assert.strictEqual(row.ratio.cpuPerReqUs, null)
  })

  it("has a row for each client that runs in the configuration, and only those", () => {
    const create8: Config = { op: "create", concurrency: 8, rows: 0 }
    const clients = summarize([create8], []).map((r) => r.client)
    assert.notInclude(clients, "platform-fetch")
    assert.notInclude(clients, "ours-fetch-transport")
    assert.include(clients, "ours-undici")
  })
})

describe("targets", () => {
  const verdict = (rows: ReturnType<typeof summarize>, prefix: string) =>
    targets(rows, [], []).filter((t) => t.target.startsWith(prefix)).map((t) => [t.figure, t.met])

  it("meets a CPU target at its limit and misses it above", () => {
    const at = summarize([get1], [run(0, "fetch", 100), run(0, "ours-undici", 80)])
    const above = summarize([get1], [run(0, "fetch", 100), run(0, "ours-undici", 81)])
    assert.deepStrictEqual(verdict(at, "get c=1: CPU/request with the Node layer"), [["0.80x", true]])
    assert.deepStrictEqual(verdict(above, "get c=1: CPU/request with the Node layer"), [["0.81x", false]])
  })

  it("says there is no data rather than a verdict when a client failed", () => {
    const rows = summarize([get1], [run(0, "fetch", 100), failed(0, "ours-undici")])
    assert.deepStrictEqual(verdict(rows, "get c=1: CPU/request with the Node layer"), [["no data", null]])
  })

  it("compares the fetch clients with the official SDK, not with raw fetch", () => {
    const rows = summarize([get1], [
      run(0, "fetch", 100),
      run(0, "official", 200),
      run(0, "platform-fetch", 250),
      run(0, "ours-fetch", 300),
      run(0, "ours-fetch-transport", 190)
    ])
    assert.deepStrictEqual(verdict(rows, "get c=1: CPU/request with FetchHttpClient"), [[
      "300 vs 200 µs (FetchHttpClient alone: 250 µs)",
      false
    ]])
    assert.deepStrictEqual(verdict(rows, "get c=1: CPU/request with Fetch.layer"), [["190 vs 200 µs", true]])
  })

  it("checks logs rows/s against raw fetch, and that peak RSS stays within 10% from the short walk to the long one", () => {
    const long: Config = { op: "logs-stream", concurrency: 1, rows: 100_000 }
    const short: Config = { op: "logs-stream", concurrency: 1, rows: 10_000 }
    const rows = summarize([long, short], [
      run(0, "fetch", 900, long, 120),
      run(0, "fetch", 900, short, 100),
      run(0, "ours-undici", 900, long, 110),
      run(0, "ours-undici", 900, short, 100)
    ])
    assert.deepStrictEqual(verdict(rows, "logs-stream 100000 c=1 (ours-undici): rows/s"), [["1.00x", true]])
    assert.deepStrictEqual(verdict(rows, "logs-stream 100000 c=1 (ours-undici): peak RSS"), [["110 MB, 0.92x", true]])
    assert.deepStrictEqual(verdict(rows, "logs-stream (ours-undici): peak RSS flat"), [["100 → 110 MB", true]])
    const grown = summarize([long, short], [
      run(0, "fetch", 900, long, 120),
      run(0, "ours-undici", 900, long, 111),
      run(0, "ours-undici", 900, short, 100)
    ])
    assert.deepStrictEqual(verdict(grown, "logs-stream (ours-undici): peak RSS flat"), [["100 → 111 MB", false]])
  })
})

