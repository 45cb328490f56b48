import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as TestClock from "effect/TestClock"
import * as Store from "../src/Store.js"

const T0 = Date.parse("2024-10-01T00:00:00.000Z")

const atT0 = TestClock.setTime(T0)
const tick = (millis = 1000) => TestClock.adjust(millis)

describe("Store", () => {
  it.effect("create sets id, orgId, createdAt and updatedAt from the clock", () =>
    Effect.gen(function*() {
      yield* atT0
      const store = yield* Store.make({ seed: 1 })
      const a = yield* store.create("assistants", { name: "first" })
      assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      assert.strictEqual(a.orgId, store.orgId)
      assert.strictEqual(a.createdAt, "2024-10-01T00:00:00.000Z")
      assert.strictEqual(a.updatedAt, a.createdAt)
      assert.strictEqual(a.name, "first")
      yield* tick()
      const b = yield* store.create("assistants", { name: "second", id: "mine", createdAt: "1999-01-01T00:00:00Z" })
      assert.notStrictEqual(b.id, "mine")
      assert.strictEqual(b.createdAt, "2024-10-01T00:00:01.000Z")
      assert.notStrictEqual(a.id, b.id)
    }))

  it.effect("ids and orgId are deterministic under a seed and differ across seeds", () =>
    Effect.gen(function*() {
      const run = (seed: number) =>
        Effect.gen(function*() {
          const store = yield* Store.make({ seed })
          const ids: Array<string> = [store.orgId]
          for (let i = 0; i < 5; i++) ids.push((yield* store.create("calls", {})).id)
          return ids
        })
      const first = yield* run(42)
      const again = yield* run(42)
      const other = yield* run(43)
      assert.deepStrictEqual(first, again)
      assert.notStrictEqual(first.join(), other.join())
      assert.strictEqual(new Set(first).size, first.length)
    }))

  it.effect("a call gets the server defaults", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1 })
      const web = yield* store.create("calls", { assistantId: "a1" })
      const phone = yield* store.create("calls", { phoneNumberId: "p1", customer: { number: "+15550100" } })
      assert.strictEqual(web.type, "webCall")
      assert.strictEqual(web.status, "queued")
      assert.strictEqual(phone.type, "outboundPhoneCall")
    }))

  it.effect("update merges the given fields and moves updatedAt only", () =>
    Effect.gen(function*() {
      yield* atT0
      const store = yield* Store.make({ seed: 1 })
      const a = yield* store.create("assistants", { name: "n", firstMessage: "hi", metadata: { a: 1 } })
      yield* tick(5000)
      const b = yield* store.update("assistants", a.id, { name: "renamed", metadata: { b: 2 }, id: "x" })
      assert.strictEqual(b.id, a.id)
      assert.strictEqual(b.name, "renamed")
      assert.strictEqual(b.firstMessage, "hi")
      assert.deepStrictEqual(b.metadata, { b: 2 })
      assert.strictEqual(b.createdAt, a.createdAt)
      assert.strictEqual(b.updatedAt, "2024-10-01T00:00:05.000Z")
      assert.deepStrictEqual(yield* store.get("assistants", a.id), b)
    }))

  it.effect("delete returns the deleted record; then get, update and delete fail with NotFound", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1 })
      const t = yield* store.create("tools", { type: "dtmf" })
      const deleted = yield* store.remove("tools", t.id)
      assert.deepStrictEqual(deleted, t)
      for (const effect of [store.get("tools", t.id), store.update("tools", t.id, {}), store.remove("tools", t.id)]) {
        const error = yield* Effect.flip(effect)
        assert.strictEqual(error._tag, "NotFound")
        assert.strictEqual(error.resource, "tools")
        assert.strictEqual(error.id, t.id)
        assert.include(error.message, t.id)
      }
      assert.deepStrictEqual(yield* store.list("tools"), [])
    }))

  it.effect("collections are separate", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1 })
      const s = yield* store.create("squads", { members: [] })
      const exit = yield* Effect.exit(store.get("blocks", s.id))
      assert.isTrue(Exit.isFailure(exit))
    }))

  it.effect("list is newest first, ties broken by insertion, and honours limit (default 100, max 1000)", () =>
    Effect.gen(function*() {
      yield* atT0
      const store = yield* Store.make({ seed: 1 })
      const ids: Array<string> = []
      for (let i = 0; i < 1005; i++) {
        ids.push((yield* store.create("blocks", { type: "conversation", instruction: `${i}` })).id)
        if (i % 200 === 199) yield* tick(1)
      }
      const all = yield* store.list("blocks", { limit: 5000 })
      assert.strictEqual(all.length, 1000)
      assert.deepStrictEqual(all.slice(0, 3).map((b) => b.id), [ids[1004], ids[1003], ids[1002]])
      assert.strictEqual((yield* store.list("blocks")).length, 100)
      assert.deepStrictEqual((yield* store.list("blocks", { limit: 2 })).map((b) => b.id), [ids[1004], ids[1003]])
      assert.strictEqual((yield* store.list("blocks", { limit: 0 })).length, 0)
    }))

  it.effect("list applies every createdAt/updatedAt bound", () =>
    Effect.gen(function*() {
      yield* atT0
      const store = yield* Store.make({ seed: 1 })
      const made: Array<Store.Entity> = []
      for (let i = 0; i < 4; i++) {
        made.push(yield* store.create("squads", { name: `s${i}`, members: [] }))
        yield* tick(1000)
      }
      // s0 updated last: updatedAt = T0 + 10s
      yield* tick(6000)
      yield* store.update("squads", made[0]!.id, { name: "s0b" })
      const names = (params: Store.ListParams) =>
        Effect.map(store.list("squads", params), (xs) => xs.map((x) => x.name))
      const t = (s: number) => new Date(T0 + s * 1000)
      assert.deepStrictEqual(yield* names({ createdAtGt: t(1) }), ["s3", "s2"])
      assert.deepStrictEqual(yield* names({ createdAtGe: t(1) }), ["s3", "s2", "s1"])
      assert.deepStrictEqual(yield* names({ createdAtLt: t(1) }), ["s0b"])
      assert.deepStrictEqual(yield* names({ createdAtLe: t(1).toISOString() }), ["s1", "s0b"])
      assert.deepStrictEqual(yield* names({ updatedAtGt: t(3) }), ["s0b"])
      assert.deepStrictEqual(yield* names({ updatedAtGe: t(3) }), ["s3", "s0b"])
      assert.deepStrictEqual(yield* names({ updatedAtLt: t(3) }), ["s2", "s1"])
      assert.deepStrictEqual(yield* names({ updatedAtLe: T0 + 3000 }), ["s3", "s2", "s1"])
      assert.deepStrictEqual(yield* names({ createdAtGe: t(1), createdAtLe: t(2) }), ["s2", "s1"])
    }))

  it.effect("assistantId filters calls only", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1 })
      yield* store.create("calls", { assistantId: "a1", name: "one" })
      yield* store.create("calls", { assistantId: "a2", name: "two" })
      yield* store.create("calls", { assistantId: "a1", name: "three" })
      const calls = yield* store.list("calls", { assistantId: "a1" })
      assert.deepStrictEqual(calls.map((c) => c.name), ["three", "one"])
      yield* store.create("phoneNumbers", { provider: "vapi", sipUri: "sip:x@sip.vapi.ai", assistantId: "zz" })
      assert.strictEqual((yield* store.list("phoneNumbers", { assistantId: "a1" })).length, 1)
    }))

  it.effect("fixtures keep their ids and timestamps, fill in the rest, and come back on reset", () =>
    Effect.gen(function*() {
      yield* atT0
      const store = yield* Store.make({
        seed: "fx",
        fixtures: {
          assistants: [{ id: "asst_1", name: "Fixture", createdAt: "2024-09-01T00:00:00.000Z" }, { name: "Other" }],
          logs: [{ time: T0 - 1, orgId: "o", type: "Call" }]
        }
      })
      const a = yield* store.get("assistants", "asst_1")
      assert.strictEqual(a.createdAt, "2024-09-01T00:00:00.000Z")
      assert.strictEqual(a.updatedAt, "2024-09-01T00:00:00.000Z")
      assert.strictEqual(a.orgId, store.orgId)
      const listed = yield* store.list("assistants")
      assert.deepStrictEqual(listed.map((x) => x.name), ["Other", "Fixture"])
      const created = yield* store.create("assistants", { name: "new" })
      yield* store.remove("assistants", "asst_1")
      yield* store.reset
      const after = yield* store.snapshot
      assert.deepStrictEqual(after.assistants.map((x) => x.name), ["Fixture", "Other"])
      assert.strictEqual(after.logs.length, 1)
      const again = yield* store.create("assistants", { name: "new" })
      assert.strictEqual(again.id, created.id)
    }))

  it.effect("seed adds records and snapshot lists every collection in insertion order", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1 })
      yield* store.seed({ calls: [{ id: "c2" }, { id: "c1" }], tools: [{ id: "t1", type: "endCall" }] })
      const snap = yield* store.snapshot
      assert.deepStrictEqual(snap.calls.map((c) => c.id), ["c2", "c1"])
      assert.deepStrictEqual(snap.tools.map((c) => c.id), ["t1"])
      assert.deepStrictEqual(snap.files, [])
    }))

  it.effect("upload stores bytes, size and mimetype in a File record; delete drops the bytes", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1, filesBaseUrl: "http://127.0.0.1:9/__files" })
      const bytes = new TextEncoder().encode("hello world")
      const file = yield* store.upload({ filename: "notes.txt", bytes, mimetype: "text/plain" })
      assert.strictEqual(file.object, "file")
      assert.strictEqual(file.status, "indexed")
      assert.strictEqual(file.name, "notes.txt")
      assert.strictEqual(file.originalName, "notes.txt")
      assert.strictEqual(file.bytes, 11)
      assert.strictEqual(file.mimetype, "text/plain")
      assert.strictEqual(file.url, `http://127.0.0.1:9/__files/${file.id}`)
      assert.deepStrictEqual(yield* store.content(file.id), bytes)
      const renamed = yield* store.update("files", file.id, { name: "renamed" })
      assert.strictEqual(renamed.originalName, "notes.txt")
      yield* store.remove("files", file.id)
      assert.strictEqual((yield* Effect.flip(store.content(file.id)))._tag, "NotFound")
    }))
})

describe("Store logs", () => {
  const entry = (i: number, extra: Store.JsonObject = {}): Store.JsonObject => ({
    time: T0 + i * 1000,
    orgId: "org",
    type: "API",
    requestHttpMethod: "GET",
    requestPath: `/call/${i}`,
    ...extra
  })

  it.effect("pages with page, limit and sortOrder; metadata on the last page", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1 })
      for (let i = 0; i < 25; i++) yield* store.appendLog(entry(i))
      const first = yield* store.logs({ limit: 10 })
      assert.deepStrictEqual(first.metadata, { itemsPerPage: 10, totalItems: 25, currentPage: 1 })
      assert.deepStrictEqual(first.results.map((r) => r.requestPath).slice(0, 2), ["/call/0", "/call/1"])
      const last = yield* store.logs({ limit: 10, page: 3 })
      assert.deepStrictEqual(last.metadata, { itemsPerPage: 10, totalItems: 25, currentPage: 3 })
      assert.deepStrictEqual(last.results.map((r) => r.requestPath), ["/call/20", "/call/21", "/call/22", "/call/23", "/call/24"])
      const beyond = yield* store.logs({ limit: 10, page: 4 })
      assert.deepStrictEqual(beyond.results, [])
      assert.strictEqual(beyond.metadata.currentPage, 4)
      const desc = yield* store.logs({ limit: 3, sortOrder: "DESC" })
      assert.deepStrictEqual(desc.results.map((r) => r.requestPath), ["/call/24", "/call/23", "/call/22"])
      const byDefault = yield* store.logs()
      assert.strictEqual(byDefault.results.length, 25)
      assert.strictEqual(byDefault.metadata.itemsPerPage, 100)
    }))

  it.effect("filters by every id field, type, orgId and time range", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1 })
      yield* store.appendLog(entry(0, { callId: "c1", assistantId: "a1" }))
      yield* store.appendLog(entry(1, { callId: "c2", phoneNumberId: "p1", customerId: "cu1" }))
      yield* store.appendLog(entry(2, { squadId: "s1", type: "Webhook", orgId: "other" }))
      const paths = (params: Store.LogsParams) =>
        Effect.map(store.logs(params), (page) => page.results.map((r) => r.requestPath))
      assert.deepStrictEqual(yield* paths({ callId: "c1" }), ["/call/0"])
      assert.deepStrictEqual(yield* paths({ assistantId: "a1" }), ["/call/0"])
      assert.deepStrictEqual(yield* paths({ phoneNumberId: "p1" }), ["/call/1"])
      assert.deepStrictEqual(yield* paths({ customerId: "cu1" }), ["/call/1"])
      assert.deepStrictEqual(yield* paths({ squadId: "s1" }), ["/call/2"])
      assert.deepStrictEqual(yield* paths({ type: "API" }), ["/call/0", "/call/1"])
      assert.deepStrictEqual(yield* paths({ orgId: "other" }), ["/call/2"])
      assert.deepStrictEqual(yield* paths({ createdAtGt: new Date(T0) }), ["/call/1", "/call/2"])
      assert.deepStrictEqual(yield* paths({ createdAtLe: new Date(T0 + 1000) }), ["/call/0", "/call/1"])
      assert.deepStrictEqual(yield* paths({ updatedAtLt: new Date(T0 + 1000) }), ["/call/0"])
      assert.strictEqual((yield* store.logs({ callId: "c1" })).metadata.totalItems, 1)
    }))

  it.effect("keeps at most maxLogs entries, dropping the oldest", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1, maxLogs: 3 })
      for (let i = 0; i < 5; i++) yield* store.appendLog(entry(i))
      const page = yield* store.logs()
      assert.deepStrictEqual(page.results.map((r) => r.requestPath), ["/call/2", "/call/3", "/call/4"])
    }))
})

describe("Store analytics", () => {
  const call = (
    createdAt: string,
    assistantId: string,
    cost: number,
    seconds: number,
    extra: Store.JsonObject = {}
  ): Store.JsonObject => ({
    createdAt,
    assistantId,
    cost,
    costBreakdown: { llm: cost / 2 },
    startedAt: createdAt,
    endedAt: new Date(Date.parse(createdAt) + seconds * 1000).toISOString(),
    ...extra
  })
  const fixtures: Store.Fixtures = {
    calls: [
      call("2024-10-01T10:00:00.000Z", "a1", 1, 60, { endedReason: "customer-ended-call" }),
      call("2024-10-01T11:00:00.000Z", "a2", 2, 120),
      call("2024-10-02T10:00:00.000Z", "a1", 3, 30, { endedReason: "customer-ended-call" }),
      call("2024-10-09T10:00:00.000Z", "a1", 4, 10),
      { createdAt: "2024-10-02T12:00:00.000Z", assistantId: "a2" }
    ]
  }
  const range = { start: "2024-10-01T00:00:00.000Z", end: "2024-10-03T00:00:00.000Z" }

  it.effect("sum, avg, min, max and count over the time range, without grouping", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1, fixtures })
      const [answer] = yield* store.analytics([{
        table: "call",
        name: "totals",
        timeRange: range,
        operations: [
          { operation: "sum", column: "cost" },
          { operation: "avg", column: "cost" },
          { operation: "min", column: "duration" },
          { operation: "max", column: "duration" },
          { operation: "count", column: "id" },
          { operation: "sum", column: "costBreakdown.llm", alias: "llm" }
        ]
      }])
      assert.deepStrictEqual(answer, {
        name: "totals",
        timeRange: { ...range, timezone: "UTC" },
        result: [{ sumCost: 6, avgCost: 2, minDuration: 30, maxDuration: 120, countId: 4, llm: 3 }]
      })
    }))

  it.effect("groups by columns and by time step", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1, fixtures })
      const [byAssistant, byDay] = yield* store.analytics([
        {
          table: "call",
          name: "per assistant",
          timeRange: range,
          groupBy: ["assistantId", "endedReason"],
          operations: [{ operation: "count", column: "id" }, { operation: "sum", column: "cost" }]
        },
        {
          table: "call",
          name: "per day",
          timeRange: { ...range, step: "day" },
          operations: [{ operation: "count", column: "id" }]
        }
      ])
      assert.deepStrictEqual(byAssistant!.result, [
        { assistantId: "a1", endedReason: "customer-ended-call", countId: 2, sumCost: 4 },
        { assistantId: "a2", endedReason: null, countId: 2, sumCost: 2 }
      ])
      assert.deepStrictEqual(byDay!.result, [
        { date: "2024-10-01T00:00:00.000Z", countId: 2 },
        { date: "2024-10-02T00:00:00.000Z", countId: 2 }
      ])
      assert.strictEqual(byDay!.timeRange.step, "day")
    }))

  it.effect("defaults to the last 7 days and answers one row when nothing matches", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2024-10-09T12:00:00.000Z"))
      const store = yield* Store.make({ seed: 1, fixtures })
      const [recent, empty] = yield* store.analytics([
        { table: "call", name: "recent", operations: [{ operation: "count", column: "id" }] },
        {
          table: "call",
          name: "empty",
          timeRange: { start: "2020-01-01T00:00:00Z", end: "2020-01-02T00:00:00Z", timezone: "UTC" },
          operations: [{ operation: "sum", column: "cost" }, { operation: "count", column: "id" }]
        }
      ])
      assert.deepStrictEqual(recent!.timeRange, {
        start: "2024-10-02T12:00:00.000Z",
        end: "2024-10-09T12:00:00.000Z",
        timezone: "UTC"
      })
      assert.deepStrictEqual(recent!.result, [{ countId: 2 }])
      assert.deepStrictEqual(empty!.result, [{ sumCost: null, countId: 0 }])
    }))

  it.effect("week, month and year buckets start where Postgres's date_trunc starts them", () =>
    Effect.gen(function*() {
      const store = yield* Store.make({ seed: 1, fixtures })
      const bucket = (step: Store.AnalyticsStep) =>
        Effect.map(
          store.analytics([{ table: "call", name: step, timeRange: { ...range, step }, operations: [{ operation: "count", column: "id" }] }]),
          ([answer]) => answer!.result.map((row) => row.date)
        )
      assert.deepStrictEqual(yield* bucket("week"), ["2024-09-30T00:00:00.000Z"])
      assert.deepStrictEqual(yield* bucket("month"), ["2024-10-01T00:00:00.000Z"])
      assert.deepStrictEqual(yield* bucket("quarter"), ["2024-10-01T00:00:00.000Z"])
      assert.deepStrictEqual(yield* bucket("year"), ["2024-01-01T00:00:00.000Z"])
      assert.deepStrictEqual(yield* bucket("century"), ["2001-01-01T00:00:00.000Z"])
      assert.deepStrictEqual(yield* bucket("hour"), [
        "2024-10-01T10:00:00.000Z",
        "2024-10-01T11:00:00.000Z",
        "2024-10-02T10:00:00.000Z",
        "2024-10-02T12:00:00.000Z"
      ])
    }))
})
