import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, expectTypeOf, it } from "@effect/vitest"
import type * as Pagination from "@vapi-effect/http/Pagination"
import * as Retry from "@vapi-effect/http/Retry"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as LogSchemas from "@vapi-effect/schema/Logs"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as Logs from "../src/Logs.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const decodePage = Schema.decodeUnknownSync(LogSchemas.LogsPaginatedResponse)

const base = Date.parse("2024-10-01T00:00:00.000Z")

/** A log entry as the API sends it, the `n`-th second after `base`. */
const logJson = (n: number, fields: Record<string, string> = {}) => ({
  time: base + n * 1000,
  orgId: "org_1",
  type: "API",
  requestDurationSeconds: 0.01,
  requestStartedAt: new Date(base + n * 1000).toISOString(),
  requestFinishedAt: new Date(base + n * 1000 + 10).toISOString(),
  requestBody: {},
  requestHttpMethod: "GET",
  requestUrl: `https://api.vapi.ai/call/${n}`,
  requestPath: `/call/${n}`,
  responseHttpCode: 200,
  ...fields
})

const hundredLogs = { logs: Array.from({ length: 100 }, (_, n) => logJson(n)) }

const pagesRequested = Effect.map(
  Effect.flatMap(Wire.Wire, (wire) => wire.requests),
  (requests) => requests.map((request) => `${request.method} ${request.path}?${request.query}`)
)

for (const [name, http] of Clients.all) {
  describe(`Logs over ${name}`, () => {
    it.live("get sends every filter by its wire name and decodes the page", () =>
      Effect.gen(function*() {
        const logs = yield* Logs.Logs
        const ids = {
          assistantId: "asst_1",
          phoneNumberId: "pn_1",
          customerId: "cus_1",
          squadId: "squad_1",
          callId: "call_1"
        }
        const page = yield* logs.get({
          orgId: "org_1",
          type: "API",
          ...ids,
          page: 1,
          sortOrder: "DESC",
          limit: 10,
          createdAtGt: new Date(base),
          createdAtLt: new Date(base + 60_000),
          createdAtGe: new Date(base + 1),
          createdAtLe: new Date(base + 59_999),
          updatedAtGt: new Date(base + 2),
          updatedAtLt: new Date(base + 59_998),
          updatedAtGe: new Date(base + 3),
          updatedAtLe: new Date(base + 59_997)
        })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("GET", "/logs", {
            query: "orgId=org_1&type=API&assistantId=asst_1&phoneNumberId=pn_1&customerId=cus_1&squadId=squad_1" +
              "&callId=call_1&page=1&sortOrder=DESC&limit=10" +
              "&createdAtGt=2024-10-01T00%3A00%3A00.000Z&createdAtLt=2024-10-01T00%3A01%3A00.000Z" +
              "&createdAtGe=2024-10-01T00%3A00%3A00.001Z&createdAtLe=2024-10-01T00%3A00%3A59.999Z" +
              "&updatedAtGt=2024-10-01T00%3A00%3A00.002Z&updatedAtLt=2024-10-01T00%3A00%3A59.998Z" +
              "&updatedAtGe=2024-10-01T00%3A00%3A00.003Z&updatedAtLe=2024-10-01T00%3A00%3A59.997Z"
          })
        )
        assert.deepStrictEqual(page, decodePage({
          results: [logJson(3, ids), logJson(2, ids)],
          metadata: { itemsPerPage: 10, totalItems: 2, currentPage: 1 }
        }))
        assert.strictEqual(page.results[0]!.type, "API")
        assert.strictEqual(page.results[0]!.callId, "call_1")
      }).pipe(Effect.provide(Wire.services(http, {
        fixtures: {
          logs: [
            logJson(2, { assistantId: "asst_1", phoneNumberId: "pn_1", customerId: "cus_1", squadId: "squad_1", callId: "call_1" }),
            logJson(3, { assistantId: "asst_1", phoneNumberId: "pn_1", customerId: "cus_1", squadId: "squad_1", callId: "call_1" }),
            logJson(4, { assistantId: "asst_1", phoneNumberId: "pn_1", customerId: "cus_1", squadId: "squad_1", callId: "call_2" }),
            logJson(61, { assistantId: "asst_1", phoneNumberId: "pn_1", customerId: "cus_1", squadId: "squad_1", callId: "call_1" })
          ]
        }
      }))))

    it.live("get without parameters sends no query string", () =>
      Effect.gen(function*() {
        const logs = yield* Logs.Logs
        const page = yield* logs.get()
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", "/logs"))
        assert.deepStrictEqual(page.metadata, { itemsPerPage: 100, totalItems: 0, currentPage: 1 })
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("stream over 25 pages reads each page once, in order, and stops without an extra request", () =>
      Effect.gen(function*() {
        const logs = yield* Logs.Logs
        const stream = logs.stream({ limit: 4 })
        assert.deepStrictEqual(yield* pagesRequested, [], "nothing is requested before the stream runs")
        const all = Chunk.toReadonlyArray(yield* Stream.runCollect(stream))
        assert.deepStrictEqual(all.map((log) => log.requestPath), hundredLogs.logs.map((log) => log.requestPath))
        assert.deepStrictEqual(
          yield* pagesRequested,
          Array.from({ length: 25 }, (_, i) => `GET /logs?page=${i + 1}&limit=4`)
        )
      }).pipe(Effect.provide(Wire.services(http, { fixtures: hundredLogs }))))

    it.live("a consumer that takes 3 items of pages of 2 triggers 2 page requests", () =>
      Effect.gen(function*() {
        const logs = yield* Logs.Logs
        const three = yield* Stream.runCollect(Stream.take(logs.stream({ limit: 2, type: "API" }), 3))
        assert.deepStrictEqual(Chunk.toReadonlyArray(three).map((log) => log.requestPath), ["/call/0", "/call/1", "/call/2"])
        assert.deepStrictEqual(yield* pagesRequested, ["GET /logs?type=API&page=1&limit=2", "GET /logs?type=API&page=2&limit=2"])
      }).pipe(Effect.provide(Wire.services(http, { fixtures: hundredLogs }))))

    it.live("pages starts at params.page and ends after the last page the metadata announces", () =>
      Effect.gen(function*() {
        const logs = yield* Logs.Logs
        const pages = Chunk.toReadonlyArray(yield* Stream.runCollect(logs.pages({ page: 24, limit: 4, sortOrder: "DESC" })))
        assert.deepStrictEqual(pages.map((page) => page.metadata), [
          { itemsPerPage: 4, totalItems: 100, currentPage: 24 },
          { itemsPerPage: 4, totalItems: 100, currentPage: 25 }
        ])
        assert.deepStrictEqual(pages[1]!.results.map((log) => log.requestPath), ["/call/3", "/call/2", "/call/1", "/call/0"])
        assert.deepStrictEqual(yield* pagesRequested, [
          "GET /logs?page=24&sortOrder=DESC&limit=4",
          "GET /logs?page=25&sortOrder=DESC&limit=4"
        ])
      }).pipe(Effect.provide(Wire.services(http, { fixtures: hundredLogs }))))
  })
}

/** A fake API of `total` log entries generating each page when asked; it counts the pages handed out. */
const fakeApi = (total: number) => {
  const state = { fetched: [] as Array<number>, consumed: 0, maxHeld: 0 }
  const client = HttpClient.make((request, url) =>
    Effect.sync(() => {
      const page = Number(url.searchParams.get("page"))
      const size = Number(url.searchParams.get("limit"))
      state.fetched.push(page)
      // Pages handed out (this one included) whose entries the consumer has not all taken yet.
      state.maxHeld = Math.max(state.maxHeld, page - Math.floor(state.consumed / size))
      const first = (page - 1) * size
      const results = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) => logJson(first + i))
      const body = JSON.stringify({ results, metadata: { itemsPerPage: size, totalItems: total, currentPage: page } })
      return HttpClientResponse.fromWeb(
        request,
        new Response(body, { status: 200, headers: { "content-type": "application/json" } })
      )
    })
  )
  const layer = Logs.layer.pipe(
    Layer.provide(VapiClient.layer({ apiKey: Redacted.make("sk_fake"), baseUrl: "http://127.0.0.1:9", retry: Retry.none })),
    Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
  )
  return { state, layer }
}

describe("Logs streams and the page cap", () => {
  it("pages and stream carry PageLimitError in their error channel", () => {
    expectTypeOf<Stream.Stream.Error<ReturnType<Logs.Service["pages"]>>>().toEqualTypeOf<
      VapiError.VapiError | Pagination.PageLimitError
    >()
    expectTypeOf<Stream.Stream.Error<ReturnType<Logs.Service["stream"]>>>().toEqualTypeOf<
      VapiError.VapiError | Pagination.PageLimitError
    >()
  })

  it.effect("a stream fails with PageLimitError after 10,000 pages when the listing goes on", () => {
    const api = fakeApi(10_001)
    return Effect.gen(function*() {
      const logs = yield* Logs.Logs
      let read = 0
      const error = yield* Effect.flip(Stream.runForEach(logs.stream({ limit: 1 }), () => Effect.sync(() => read++)))
      assert.isTrue(error._tag === "PageLimitError" && error.maxPages === 10_000, error._tag)
      assert.strictEqual(read, 10_000)
      assert.strictEqual(api.state.fetched.length, 10_000)
    }).pipe(Effect.provide(api.layer))
  })

  it.effect("the cap counts the pages a stream requests, not page numbers: page 10,001 on reads to the end", () => {
    const api = fakeApi(10_050)
    return Effect.gen(function*() {
      const logs = yield* Logs.Logs
      const rest = Chunk.toReadonlyArray(yield* Stream.runCollect(logs.stream({ page: 10_001, limit: 1 })))
      assert.deepStrictEqual(rest.map((log) => log.time), Array.from({ length: 50 }, (_, i) => base + (10_000 + i) * 1000))
      assert.deepStrictEqual(api.state.fetched, Array.from({ length: 50 }, (_, i) => 10_001 + i))
    }).pipe(Effect.provide(api.layer))
  })
})

describe("Logs.stream over 100,000 logs", () => {
  const total = 100_000
  const limit = 1000

  it.effect("holds at most the page being consumed and one page ahead, and reads each page once", () => {
    const api = fakeApi(total)
    return Effect.gen(function*() {
      const logs = yield* Logs.Logs
      let expected = 0
      yield* logs.stream({ limit }).pipe(
        Stream.runForEach((log) =>
          Effect.sync(() => {
            assert.strictEqual(log.time, base + expected * 1000)
            expected++
            api.state.consumed++
          }).pipe(
            // A slow consumer: it gives way every 100 entries, so that anything fetching ahead gets to run.
            Effect.zipRight(expected % 100 === 0 ? Effect.repeatN(Effect.yieldNow(), 10) : Effect.void)
          )
        )
      )
      assert.strictEqual(api.state.consumed, total)
      assert.deepStrictEqual(api.state.fetched, Array.from({ length: total / limit }, (_, i) => i + 1))
      assert.isAtMost(api.state.maxHeld, 2)
      assert.isAtLeast(api.state.maxHeld, 1)
    }).pipe(Effect.provide(api.layer))
  })
})
