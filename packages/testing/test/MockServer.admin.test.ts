import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as MockServer from "../src/MockServer.js"
import { field, items, send, serverLayer } from "./utils.js"

describe("MockServer admin endpoints", () => {
  it.live("faults: add, list, apply by count, remove one, clear", () =>
    Effect.gen(function*() {
      const call = yield* send("POST", "/call", { body: { name: "x" } })
      const id = String(field(call.json, "id"))
      const added = yield* send("POST", "/__admin/faults", {
        body: { fault: { _tag: "Status", status: 503 }, method: "GET", path: "/call/{id}", times: 2 }
      })
      assert.strictEqual(added.status, 201)
      assert.deepStrictEqual(added.json, {
        fault: { _tag: "Status", status: 503 },
        method: "GET",
        path: "/call/{id}",
        times: 2,
        id: "fault_1",
        fired: 0,
        remaining: 2
      })
      const other = yield* send("POST", "/__admin/faults", {
        body: { fault: { _tag: "Status", status: 429, retryAfter: 3 }, path: "/assistant" }
      })
      assert.strictEqual(field(other.json, "id"), "fault_2")
      assert.deepStrictEqual(items((yield* send("GET", "/__admin/faults")).json).map((r) => field(r, "id")), [
        "fault_1",
        "fault_2"
      ])
      assert.strictEqual((yield* send("GET", `/call/${id}`)).status, 503)
      assert.strictEqual((yield* send("GET", `/call/${id}`)).status, 503)
      assert.strictEqual((yield* send("GET", `/call/${id}`)).status, 200)
      const limited = yield* send("GET", "/assistant")
      assert.strictEqual(limited.status, 429)
      assert.strictEqual(limited.headers["retry-after"], "3")
      assert.strictEqual((yield* send("DELETE", "/__admin/faults/fault_2")).status, 204)
      assert.strictEqual((yield* send("DELETE", "/__admin/faults/fault_2")).status, 404)
      assert.strictEqual((yield* send("GET", "/assistant")).status, 200)
      yield* send("POST", "/__admin/faults", { body: { fault: { _tag: "Hang" } } })
      assert.strictEqual((yield* send("DELETE", "/__admin/faults")).status, 204)
      assert.deepStrictEqual((yield* send("GET", "/__admin/faults")).json, [])
      assert.strictEqual((yield* send("GET", "/assistant")).status, 200)
    }).pipe(Effect.provide(serverLayer())))

  it.live("an invalid fault spec is a 400 with messages", () =>
    Effect.gen(function*() {
      const res = yield* send("POST", "/__admin/faults", {
        body: { fault: { _tag: "Status", status: 200 }, probability: 2, extra: true }
      })
      assert.strictEqual(res.status, 400)
      const messages = field(res.json, "message")
      assert.isArray(messages)
      assert.include(JSON.stringify(messages), "property extra should not exist")
      assert.include(JSON.stringify(messages), "probability")
      const unknown = yield* send("POST", "/__admin/faults", { body: { fault: { _tag: "Explode" } } })
      assert.strictEqual(unknown.status, 400)
      assert.deepStrictEqual(yield* Effect.flatMap(MockServer.MockServer, (s) => s.faults.list), [])
    }).pipe(Effect.provide(serverLayer())))

  it.live("store: snapshot, seed with fixtures, reset to the initial fixtures", () =>
    Effect.gen(function*() {
      const initial = yield* send("GET", "/__admin/store")
      assert.deepStrictEqual(
        items(field(initial.json, "assistants")).map((a) => field(a, "id")),
        ["asst_fixture"]
      )
      const seeded = yield* send("POST", "/__admin/store", {
        body: { calls: [{ id: "call_seeded", assistantId: "asst_fixture", cost: 1.5 }] }
      })
      assert.strictEqual(seeded.status, 201)
      const call = yield* send("GET", "/call/call_seeded")
      assert.strictEqual(call.status, 200)
      assert.strictEqual(field(call.json, "cost"), 1.5)
      const bad = yield* send("POST", "/__admin/store", { body: { widgets: [{}] } })
      assert.deepStrictEqual(field(bad.json, "message"), ["property widgets should not exist"])
      const notArrays = yield* send("POST", "/__admin/store", { body: { calls: "x", tools: [1] } })
      assert.deepStrictEqual(field(notArrays.json, "message"), [
        "calls must be an array of objects",
        "tools must be an array of objects"
      ])
      yield* send("POST", "/__admin/faults", { body: { fault: { _tag: "Status", status: 500 }, path: "/squad" } })
      assert.strictEqual((yield* send("POST", "/__admin/reset")).status, 204)
      assert.strictEqual((yield* send("GET", "/call/call_seeded")).status, 404)
      assert.strictEqual((yield* send("GET", "/assistant/asst_fixture")).status, 200)
      assert.strictEqual((yield* send("GET", "/squad")).status, 200)
    }).pipe(Effect.provide(serverLayer({ fixtures: { assistants: [{ id: "asst_fixture", name: "Fixture" }] } }))))

  it.live("requests: the journal of what the server did, and clearing it", () =>
    Effect.gen(function*() {
      yield* send("GET", "/call")
      yield* send("GET", "/call/x")
      yield* send("POST", "/__admin/faults", { body: { fault: { _tag: "Reset", phase: "before-body" }, times: 1 } })
      yield* Effect.either(send("GET", "/tool"))
      const journal = yield* send("GET", "/__admin/requests")
      assert.deepStrictEqual(journal.json, [
        { method: "GET", path: "/call", operation: "calls.list", status: 200 },
        { method: "GET", path: "/call/x", operation: "calls.get", status: 404 },
        { method: "GET", path: "/tool", operation: "tools.list", fault: "Reset" }
      ])
      assert.strictEqual((yield* send("DELETE", "/__admin/requests")).status, 204)
      assert.deepStrictEqual((yield* send("GET", "/__admin/requests")).json, [])
    }).pipe(Effect.provide(serverLayer())))

  it.live("admin endpoints need the bearer token too", () =>
    Effect.gen(function*() {
      assert.strictEqual((yield* send("GET", "/__admin/store", { token: null })).status, 401)
      assert.strictEqual((yield* send("POST", "/__admin/reset", { token: null })).status, 401)
    }).pipe(Effect.provide(serverLayer())))
})

describe("MockServer logs", () => {
  it.live("writes one API log entry per request, with resource, request, response and ids", () =>
    Effect.gen(function*() {
      const created = yield* send("POST", "/call", {
        body: { name: "logged", assistantId: "asst_1", customerId: "cust_1" }
      })
      const id = String(field(created.json, "id"))
      yield* send("GET", `/call/${id}?x=1`)
      yield* send("GET", "/call/unknown")
      yield* send("POST", "/assistant", { body: { name: 1 } })
      const page = yield* send("GET", "/logs?sortOrder=ASC")
      assert.deepStrictEqual(field(page.json, "metadata"), { itemsPerPage: 100, totalItems: 4, currentPage: 1 })
      const [create, get, missing, invalid] = items(field(page.json, "results"))
      const server = yield* MockServer.MockServer
      assert.strictEqual(field(create, "type"), "API")
      assert.strictEqual(field(create, "orgId"), server.store.orgId)
      assert.strictEqual(field(create, "resource"), "call")
      assert.strictEqual(field(create, "requestHttpMethod"), "POST")
      assert.strictEqual(field(create, "requestPath"), "/call")
      assert.strictEqual(field(create, "requestUrl"), `${server.url}/call`)
      assert.strictEqual(field(create, "responseHttpCode"), 201)
      assert.deepStrictEqual(field(create, "requestBody"), { name: "logged", assistantId: "asst_1", customerId: "cust_1" })
      assert.strictEqual(field(field(create, "responseBody"), "id"), id)
      assert.strictEqual(field(create, "callId"), id)
      assert.strictEqual(field(create, "assistantId"), "asst_1")
      assert.strictEqual(field(create, "customerId"), "cust_1")
      assert.isNumber(field(create, "time"))
      assert.isNumber(field(create, "requestDurationSeconds"))
      assert.isString(field(create, "requestStartedAt"))
      const headers = field(create, "requestHeaders")
      assert.isUndefined(field(headers, "authorization"))
      assert.strictEqual(field(headers, "content-type"), "application/json")
      assert.strictEqual(field(get, "requestQuery"), "x=1")
      assert.strictEqual(field(get, "responseHttpCode"), 200)
      assert.strictEqual(field(missing, "responseHttpCode"), 404)
      assert.strictEqual(field(missing, "callId"), "unknown")
      assert.strictEqual(field(field(missing, "error"), "message"), "Call with id unknown not found")
      assert.strictEqual(field(invalid, "resource"), "assistant")
      assert.strictEqual(field(invalid, "responseHttpCode"), 400)
      assert.strictEqual(field(field(invalid, "error"), "message"), "name must be a string")
      const byCall = yield* send("GET", `/logs?callId=${id}`)
      assert.strictEqual(items(field(byCall.json, "results")).length, 2)
      const again = yield* send("GET", "/logs")
      assert.strictEqual(field(field(again.json, "metadata"), "totalItems"), 4, "reading logs is not logged")
    }).pipe(Effect.provide(serverLayer())))

  it.live("pages logs over HTTP, with the metadata of the last page", () =>
    Effect.gen(function*() {
      for (let i = 0; i < 23; i++) yield* send("GET", `/assistant?limit=${i + 1}`)
      const last = yield* send("GET", "/logs?limit=10&page=3")
      assert.deepStrictEqual(field(last.json, "metadata"), { itemsPerPage: 10, totalItems: 23, currentPage: 3 })
      assert.deepStrictEqual(
        items(field(last.json, "results")).map((r) => field(r, "requestQuery")),
        ["limit=21", "limit=22", "limit=23"]
      )
      const desc = yield* send("GET", "/logs?limit=2&sortOrder=DESC&type=API")
      assert.deepStrictEqual(
        items(field(desc.json, "results")).map((r) => field(r, "requestQuery")),
        ["limit=23", "limit=22"]
      )
    }).pipe(Effect.provide(serverLayer())))

  it.live("analytics over the stored calls, over HTTP", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString()
      const server = yield* MockServer.MockServer
      yield* server.store.seed({
        calls: [
          { createdAt: at(30), assistantId: "a1", cost: 0.5, startedAt: at(30), endedAt: at(29) },
          { createdAt: at(20), assistantId: "a1", cost: 1.5, startedAt: at(20), endedAt: at(18) },
          { createdAt: at(10), assistantId: "a2", cost: 2 }
        ]
      })
      const res = yield* send("POST", "/analytics", {
        body: {
          queries: [{
            table: "call",
            name: "by assistant",
            groupBy: ["assistantId"],
            operations: [
              { operation: "sum", column: "cost" },
              { operation: "avg", column: "duration" },
              { operation: "count", column: "id", alias: "calls" }
            ]
          }]
        }
      })
      assert.strictEqual(res.status, 200)
      const [answer] = items(res.json)
      assert.strictEqual(field(answer, "name"), "by assistant")
      assert.strictEqual(field(field(answer, "timeRange"), "timezone"), "UTC")
      assert.deepStrictEqual(field(answer, "result"), [
        { assistantId: "a1", sumCost: 2, avgDuration: 90, calls: 2 },
        { assistantId: "a2", sumCost: 2, avgDuration: null, calls: 1 }
      ])
    }).pipe(Effect.provide(serverLayer())))
})
