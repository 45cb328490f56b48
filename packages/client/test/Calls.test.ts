import { assert, describe, expectTypeOf, it } from "@effect/vitest"
import type * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as CallSchemas from "@vapi-effect/schema/Calls"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as Calls from "../src/Calls.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const decodeCall = Schema.decodeUnknownSync(CallSchemas.Call)

const tie = "2024-10-01T12:00:00.000Z"

/** Eight calls of asst_1 (five of them created at the same instant) and one of asst_2, inserted in this order. */
const tiedCalls = {
  calls: [
    { id: "older", assistantId: "asst_1", createdAt: "2024-10-01T11:59:59.000Z" },
    ...["tied_1", "tied_2", "tied_3", "tied_4", "tied_5"].map((id) => ({ id, assistantId: "asst_1", createdAt: tie })),
    { id: "other", assistantId: "asst_2", createdAt: tie },
    { id: "newer_2", assistantId: "asst_1", createdAt: "2024-10-01T12:00:01.000Z" },
    { id: "newer_1", assistantId: "asst_1", createdAt: "2024-10-01T12:00:02.000Z" }
  ]
}

describe("Calls.stream", () => {
  it("carries PaginationError and PageLimitError in its error channel besides the VapiErrors", () => {
    // The keyset walk itself is tested in @vapi-effect/http's Pagination tests, with a small `maxPages`.
    expectTypeOf<Stream.Stream.Error<ReturnType<Calls.Service["stream"]>>>().toEqualTypeOf<
      VapiError.VapiError | Pagination.PaginationError | Pagination.PageLimitError
    >()
  })
})

for (const [name, http] of Clients.all) {
  describe(`Calls over ${name}`, () => {
    it.live("list sends every filter by its wire name, dates as ISO strings, and decodes the calls", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const older = yield* server.store.create("calls", { assistantId: "asst_1", name: "older" })
        const newer = yield* server.store.create("calls", { assistantId: "asst_1", name: "newer" })
        yield* server.store.create("calls", { assistantId: "asst_2", name: "other assistant" })
        const calls = yield* Calls.Calls
        const listed = yield* calls.list({
          assistantId: "asst_1",
          limit: 10,
          createdAtGt: new Date("2024-10-01T00:00:00.000Z"),
          createdAtLt: new Date("2100-01-01T00:00:00.000Z"),
          createdAtGe: new Date("2024-10-01T00:00:00.001Z"),
          createdAtLe: new Date("2099-12-31T23:59:59.999Z"),
          updatedAtGt: new Date("2024-10-02T00:00:00.000Z"),
          updatedAtLt: new Date("2100-01-02T00:00:00.000Z"),
          updatedAtGe: new Date("2024-10-02T00:00:00.001Z"),
          updatedAtLe: new Date("2099-12-30T00:00:00.000Z")
        })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("GET", "/call", {
            query: "assistantId=asst_1&limit=10" +
              "&createdAtGt=2024-10-01T00%3A00%3A00.000Z&createdAtLt=2100-01-01T00%3A00%3A00.000Z" +
              "&createdAtGe=2024-10-01T00%3A00%3A00.001Z&createdAtLe=2099-12-31T23%3A59%3A59.999Z" +
              "&updatedAtGt=2024-10-02T00%3A00%3A00.000Z&updatedAtLt=2100-01-02T00%3A00%3A00.000Z" +
              "&updatedAtGe=2024-10-02T00%3A00%3A00.001Z&updatedAtLe=2099-12-30T00%3A00%3A00.000Z"
          })
        )
        assert.deepStrictEqual(listed, [decodeCall(newer), decodeCall(older)].sort((a, b) =>
          b.createdAt.getTime() - a.createdAt.getTime()
        ))
        assert.deepStrictEqual(listed.map((call) => call.assistantId).sort(), ["asst_1", "asst_1"])
        assert.instanceOf(listed[0]!.createdAt, Date)
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("list without parameters sends no query string", () =>
      Effect.gen(function*() {
        const calls = yield* Calls.Calls
        assert.deepStrictEqual(yield* calls.list(), [])
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", "/call"))
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create posts the body as JSON and decodes the created call", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const calls = yield* Calls.Calls
        const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" }, name: "first" })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("POST", "/call", {
            body: { assistantId: "asst_1", customer: { number: "+15550100" }, name: "first" }
          })
        )
        assert.strictEqual(call.assistantId, "asst_1")
        assert.strictEqual(call.customer?.number, "+15550100")
        assert.strictEqual(call.status, "queued")
        assert.instanceOf(call.createdAt, Date)
        assert.deepStrictEqual(call, decodeCall(yield* server.store.get("calls", call.id)))
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("get, update and delete address the call by id", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("calls", { assistantId: "asst_1", name: "before" })
        const calls = yield* Calls.Calls

        const got = yield* calls.get(stored.id)
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", `/call/${stored.id}`))
        assert.deepStrictEqual(got, decodeCall(stored))

        const updated = yield* calls.update(stored.id, { name: "follow-up" })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("PATCH", `/call/${stored.id}`, { body: { name: "follow-up" } })
        )
        assert.strictEqual(updated.name, "follow-up")
        assert.strictEqual(updated.id, stored.id)
        assert.deepStrictEqual(updated, decodeCall(yield* server.store.get("calls", stored.id)))

        const deleted = yield* calls.delete(stored.id)
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("DELETE", `/call/${stored.id}`))
        assert.deepStrictEqual(deleted, updated)
        assert.deepStrictEqual((yield* server.store.snapshot).calls, [])
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("stream yields each of 5 calls sharing one createdAt across a page boundary once, newest first", () =>
      Effect.gen(function*() {
        const calls = yield* Calls.Calls
        const streamed = Chunk.toReadonlyArray(yield* Stream.runCollect(calls.stream({ assistantId: "asst_1", limit: 3 })))
        assert.deepStrictEqual(streamed.map((call) => call.id), [
          "newer_1",
          "newer_2",
          "tied_5",
          "tied_4",
          "tied_3",
          "tied_2",
          "tied_1",
          "older"
        ])
        assert.deepStrictEqual(streamed[2], decodeCall({ ...tiedCalls.calls[5], orgId: streamed[2]!.orgId, updatedAt: tie, type: "webCall", status: "queued" }))
        const requests = yield* Effect.flatMap(Wire.Wire, (wire) => wire.requests)
        assert.deepStrictEqual(requests.map(Wire.summary), [
          Wire.expected("GET", "/call", { query: "assistantId=asst_1&limit=3" }),
          Wire.expected("GET", "/call", { query: "assistantId=asst_1&limit=4&createdAtLe=2024-10-01T12%3A00%3A00.000Z" }),
          Wire.expected("GET", "/call", { query: "assistantId=asst_1&limit=7&createdAtLe=2024-10-01T12%3A00%3A00.000Z" })
        ])
      }).pipe(Effect.provide(Wire.services(http, { fixtures: tiedCalls }))))

    it.live("stream requests nothing before it runs, and only the first page for a consumer of one call", () =>
      Effect.gen(function*() {
        const calls = yield* Calls.Calls
        const stream = calls.stream({ limit: 2 })
        const { requests } = yield* Wire.Wire
        assert.deepStrictEqual(yield* requests, [])
        const first = yield* Stream.runHead(stream)
        assert.strictEqual(first._tag === "Some" ? first.value.id : undefined, "newer_1")
        assert.deepStrictEqual((yield* requests).map((request) => request.query), ["limit=2"])
      }).pipe(Effect.provide(Wire.services(http, { fixtures: tiedCalls }))))
  })
}
