import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { runRequests } from "../src/effect-load.js"
import { type LogsPage, partitions, type PromiseClient, Recorder, runPromiseTask, walkLogs } from "../src/load.js"
import type { Task } from "../src/protocol.js"

/** A client over `total` logs in memory, recording the pages asked for; its requests answer at once. */
const fakeClient = (total: number) => {
  const pages: Array<number> = []
  let requests = 0
  const client: PromiseClient = {
    get: async () => void requests++,
    create: async () => void requests++,
    list: async () => {
      requests++
      return Array.from({ length: 100 }, () => ({}))
    },
    logsPage: async (page, limit): Promise<LogsPage> => {
      pages.push(page)
      const start = (page - 1) * limit
      const results = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, () => ({ responseHttpCode: 200 }))
      return { results, metadata: { itemsPerPage: limit, totalItems: total, currentPage: page } }
    }
  }
  return { client, pages, requests: () => requests }
}

const task = (overrides: Partial<Task>): Task => ({
  client: "fetch",
  op: "get",
  concurrencies: [1],
  url: "http://127.0.0.1:1",
  apiKey: "k",
  warmupMs: 5,
  rewarmMs: 5,
  measureMs: 20,
  maxRequests: 1_000_000,
  rows: 0,
  warmupRows: 0,
  ...overrides
})

describe("partitions", () => {
  it("splits a walk into disjoint runs of whole pages that cover every row once", () => {
    assert.deepStrictEqual(partitions(10_000, 1), [{ startPage: 1, rows: 10_000 }])
    const eight = partitions(100_000, 8)
    assert.strictEqual(eight.length, 8)
    assert.strictEqual(eight.reduce((n, p) => n + p.rows, 0), 100_000)
    eight.slice(1).forEach((p, i) => assert.strictEqual(p.startPage, eight[i]!.startPage + eight[i]!.rows / 100))
    assert.deepStrictEqual(partitions(250, 8), [{ startPage: 1, rows: 100 }, { startPage: 2, rows: 100 }, {
      startPage: 3,
      rows: 50
    }])
  })
})

describe("walkLogs", () => {
  it("reads exactly the rows asked for, page after page from the start page", async () => {
    const fake = fakeClient(1_000)
    assert.strictEqual(await walkLogs(fake.client, 3, 250), 250)
    assert.deepStrictEqual(fake.pages, [3, 4, 5])
  })

  it("stops at the last page the metadata announces, without asking for another", async () => {
    const fake = fakeClient(230)
    assert.strictEqual(await walkLogs(fake.client, 1, 1_000), 230)
    assert.deepStrictEqual(fake.pages, [1, 2, 3])
  })
})

describe("Recorder", () => {
  it("keeps at most its capacity and reads percentiles off the sorted latencies", () => {
    const recorder = new Recorder(100)
    for (let i = 100; i >= 1; i--) recorder.push(i)
    recorder.push(1_000)
    assert.isTrue(recorder.full)
    assert.strictEqual(recorder.count, 100)
    assert.strictEqual(recorder.percentile(0.5), 50)
    assert.strictEqual(recorder.percentile(0.99), 99)
    assert.strictEqual(new Recorder(10).percentile(0.5), null)
  })
})

describe("runPromiseTask", () => {
  it("measures one window per concurrency, in order, counting only the requests of each window", async () => {
    const fake = fakeClient(0)
    const samples = await runPromiseTask(fake.client, task({ op: "list", concurrencies: [8, 1] }))
    assert.deepStrictEqual(samples.map((s) => [s.op, s.concurrency, s.rows]), [["list", 8, null], ["list", 1, null]])
    for (const s of samples) {
      assert.isAbove(s.requests, 0)
      // A window lasts its 20 ms, unless it reached the request cap first.
      assert.isTrue(s.wallMs >= 20 || s.requests === 1_000_000, `${s.wallMs} ms, ${s.requests} requests`)
    }
    assert.isAbove(fake.requests(), samples[0]!.requests + samples[1]!.requests)
  })

  it("walks the logs once to warm up, then once measured, over c disjoint ranges", async () => {
    const fake = fakeClient(10_000)
    const [sample] = await runPromiseTask(
      fake.client,
      task({ op: "logs-stream", concurrencies: [4], rows: 2_000, warmupRows: 1_000 })
    )
    assert.deepStrictEqual([sample?.rows, sample?.requests, sample?.concurrency], [2_000, 20, 4])
    assert.strictEqual(fake.pages.length, 10 + 20)
    assert.deepStrictEqual([...new Set(fake.pages.slice(10))].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1))
  })

  it("fails when the walk reads fewer rows than it should", async () => {
    const fake = fakeClient(500)
    const error = await runPromiseTask(fake.client, task({ op: "logs-stream", rows: 1_000, warmupRows: 100 })).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.instanceOf(error, Error)
    assert.match((error as Error).message, /read 500 rows, expected 1000/)
  })
})

describe("runRequests (the Effect clients' loop)", () => {
  it.live("measures one window per concurrency after its warm-up", () =>
    Effect.gen(function*() {
      let requests = 0
      const samples = yield* runRequests(task({ client: "ours-undici", concurrencies: [8, 1] }), Effect.sync(() => requests++))
      assert.deepStrictEqual(samples.map((s) => [s.client, s.concurrency]), [["ours-undici", 8], ["ours-undici", 1]])
      for (const s of samples) assert.isAbove(s.requests, 0)
      assert.isAbove(requests, samples[0]!.requests + samples[1]!.requests)
    }))
})
