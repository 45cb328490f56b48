import { assert, describe, it } from "@effect/vitest"
import * as Calls from "@vapi-effect/schema/Calls"
import * as Logs from "@vapi-effect/schema/Logs"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Faults from "../src/Faults.js"
import * as MockServer from "../src/MockServer.js"
import { field, send, serverLayer } from "./utils.js"

const createCall = Effect.gen(function*() {
  const res = yield* send("POST", "/call", { body: { name: "seed call" } })
  assert.strictEqual(res.status, 201)
  return String(field(res.json, "id"))
})

const callCount = Effect.flatMap(MockServer.MockServer, (server) =>
  Effect.map(server.store.snapshot, (snapshot) => snapshot.calls.length))

describe("Faults over HTTP", () => {
  it.live("latency delays the answer by at least the given time, on the matching route only", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ method: "GET", path: "/call", fault: Faults.latency(600) })
      const [elapsed, res] = yield* Effect.timed(send("GET", "/call"))
      assert.strictEqual(res.status, 200)
      assert.isAtLeast(Duration.toMillis(elapsed), 590)
      const [fast] = yield* Effect.timed(send("GET", "/assistant"))
      assert.isBelow(Duration.toMillis(fast), 450)
    }).pipe(Effect.provide(serverLayer())))

  it.live("429 carries Retry-After and the request is not processed", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ method: "POST", path: "/call", fault: Faults.rateLimited(7), times: 1 })
      const res = yield* send("POST", "/call", { body: { name: "x" } })
      assert.strictEqual(res.status, 429)
      assert.strictEqual(res.headers["retry-after"], "7")
      assert.deepStrictEqual(res.json, { message: "Too Many Requests", error: "Too Many Requests", statusCode: 429 })
      assert.strictEqual(yield* callCount, 0)
      const retried = yield* send("POST", "/call", { body: { name: "x" } })
      assert.strictEqual(retried.status, 201)
      assert.strictEqual(yield* callCount, 1)
    }).pipe(Effect.provide(serverLayer())))

  it.live("500, 502 and 503 answer NestJS-style bodies", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      for (const status of [500, 502, 503]) {
        yield* server.faults.add({ path: "/assistant", fault: Faults.status(status), times: 1 })
        const res = yield* send("GET", "/assistant")
        assert.strictEqual(res.status, status)
        assert.strictEqual(field(res.json, "statusCode"), status)
        assert.isString(field(res.json, "message"))
        assert.isUndefined(res.headers["retry-after"])
      }
      assert.strictEqual((yield* send("GET", "/assistant")).status, 200)
    }).pipe(Effect.provide(serverLayer())))

  it.live("a processed 502 stores the record and still fails", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ method: "POST", fault: Faults.status(502, { processed: true }), times: 1 })
      const res = yield* send("POST", "/call", { body: { name: "x" } })
      assert.strictEqual(res.status, 502)
      assert.strictEqual(yield* callCount, 1)
    }).pipe(Effect.provide(serverLayer())))

  it.live("reset before the body: the client sees a transport error and nothing is stored", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ method: "POST", path: "/call", fault: Faults.reset("before-body"), times: 1 })
      const error = yield* Effect.flip(send("POST", "/call", { body: { name: "x" } }))
      assert.strictEqual(error._tag, "RequestError")
      assert.strictEqual(error.reason, "Transport")
      assert.strictEqual(yield* callCount, 0)
      const [seen] = yield* server.requests
      assert.deepStrictEqual(seen, { method: "POST", path: "/call", operation: "calls.create", fault: "Reset" })
    }).pipe(Effect.provide(serverLayer())))

  it.live("reset during the body: status and headers arrive, then the body fails", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      const id = yield* createCall
      yield* server.faults.add({ path: "/call/{id}", fault: Faults.reset("during-body"), times: 1 })
      const error = yield* Effect.flip(send("GET", `/call/${id}`))
      assert.strictEqual(error._tag, "ResponseError")
      assert.strictEqual(error.reason, "Decode")
      assert.strictEqual(error._tag === "ResponseError" ? error.response.status : 0, 200)
      assert.strictEqual((yield* send("GET", `/call/${id}`)).status, 200)
    }).pipe(Effect.provide(serverLayer())))

  it.live("truncated body: a well-framed answer whose JSON does not parse", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      const id = yield* createCall
      const full = yield* send("GET", `/call/${id}`)
      yield* server.faults.add({ path: `/call/${id}`, fault: Faults.truncated(), times: 1 })
      const res = yield* send("GET", `/call/${id}`)
      assert.strictEqual(res.status, 200)
      assert.strictEqual(res.headers["content-length"], String(Buffer.byteLength(res.text)))
      assert.isTrue(full.text.startsWith(res.text))
      assert.isBelow(res.text.length, full.text.length)
      assert.isUndefined(res.json)
    }).pipe(Effect.provide(serverLayer())))

  it.live("invalid body: valid JSON that the operation's success schema rejects", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      const id = yield* createCall
      const valid = yield* send("GET", `/call/${id}`)
      assert.isTrue(Either.isRight(Schema.decodeUnknownEither(Calls.CallsGet.success)(valid.json)))
      yield* server.faults.add({ path: "/call/{id}", fault: Faults.invalidBody(), times: 1 })
      const res = yield* send("GET", `/call/${id}`)
      assert.strictEqual(res.status, 200)
      assert.deepStrictEqual(res.json, { id: 42, createdAt: "not a date" })
      assert.isTrue(Either.isLeft(Schema.decodeUnknownEither(Calls.CallsGet.success)(res.json)))
      const lists: ReadonlyArray<readonly [string, Schema.Schema.AnyNoContext]> = [
        ["/call", Calls.CallsList.success],
        ["/logs", Logs.LogsGet.success]
      ]
      for (const [path, success] of lists) {
        yield* server.faults.add({ path, fault: Faults.invalidBody(), times: 1 })
        const listed = yield* send("GET", path)
        assert.strictEqual(listed.status, 200)
        assert.isTrue(Either.isLeft(Schema.decodeUnknownEither(success)(listed.json)), path)
      }
      yield* server.faults.add({ path: "/call/{id}", fault: Faults.invalidBody({ custom: true }), times: 1 })
      assert.deepStrictEqual((yield* send("GET", `/call/${id}`)).json, { custom: true })
    }).pipe(Effect.provide(serverLayer())))

  it.live("hang: no answer until the client gives up; the server keeps serving", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ method: "GET", path: "/call", fault: Faults.hang(), times: 1 })
      const [elapsed, error] = yield* Effect.timed(Effect.flip(Effect.timeout(send("GET", "/call"), "400 millis")))
      assert.strictEqual(error._tag, "TimeoutException")
      assert.isAtLeast(Duration.toMillis(elapsed), 390)
      assert.strictEqual((yield* send("GET", "/call")).status, 200)
    }).pipe(Effect.provide(serverLayer())))

  it.live("closing the server drops hung connections", () =>
    Effect.gen(function*() {
      const [elapsed, error] = yield* Effect.timed(
        Effect.gen(function*() {
          const server = yield* MockServer.MockServer
          yield* server.faults.add({ fault: Faults.hang() })
          yield* Effect.fork(send("GET", "/call"))
          yield* Effect.sleep("100 millis")
          return "closing"
        }).pipe(Effect.provide(serverLayer()), Effect.timeout("3 seconds"), Effect.either)
      )
      assert.strictEqual(error._tag, "Right")
      assert.isBelow(Duration.toMillis(elapsed), 2000)
    }))

  it.live("by count: the next 2 requests to GET /call/{id} fail, then it answers; other routes are untouched", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      const id = yield* createCall
      const rule = yield* server.faults.add({ method: "GET", path: "/call/{id}", fault: Faults.status(503), times: 2 })
      assert.strictEqual(rule.remaining, 2)
      assert.strictEqual((yield* send("GET", "/call")).status, 200)
      assert.strictEqual((yield* send("DELETE", "/call/nope")).status, 404)
      assert.strictEqual((yield* send("GET", `/call/${id}`)).status, 503)
      const [active] = yield* server.faults.list
      assert.strictEqual(active?.remaining, 1)
      assert.strictEqual(active?.fired, 1)
      assert.strictEqual((yield* send("GET", `/call/${id}`)).status, 503)
      assert.deepStrictEqual(yield* server.faults.list, [])
      assert.strictEqual((yield* send("GET", `/call/${id}`)).status, 200)
    }).pipe(Effect.provide(serverLayer())))

  const pattern = (seed: string | undefined, serverSeed: number) =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({
        method: "GET",
        path: "/assistant",
        fault: Faults.status(500),
        probability: 0.5,
        ...(seed === undefined ? {} : { seed })
      })
      let out = ""
      for (let i = 0; i < 40; i++) out += (yield* send("GET", "/assistant")).status === 500 ? "x" : "."
      return out
    }).pipe(Effect.provide(serverLayer({ seed: serverSeed })))

  it.live("by probability: the same seed gives the same faults, another seed others", () =>
    Effect.gen(function*() {
      const first = yield* pattern("s1", 1)
      const again = yield* pattern("s1", 2)
      const other = yield* pattern("s2", 1)
      const fromServerSeed = yield* pattern(undefined, 5)
      const fromServerSeedAgain = yield* pattern(undefined, 5)
      assert.strictEqual(first, again)
      assert.notStrictEqual(first, other)
      assert.strictEqual(fromServerSeed, fromServerSeedAgain)
      const hits = first.split("").filter((c) => c === "x").length
      assert.isAtLeast(hits, 8)
      assert.isAtMost(hits, 32)
    }))

  it.live("probability and times together: at most `times` faults", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ fault: Faults.status(503), probability: 0.9, times: 3, seed: 1 })
      let failures = 0
      for (let i = 0; i < 20; i++) if ((yield* send("GET", "/tool")).status === 503) failures++
      assert.strictEqual(failures, 3)
    }).pipe(Effect.provide(serverLayer())))

  it.live("latency and an error add up: the delay, then the error", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ fault: Faults.latency(200), times: 1 })
      yield* server.faults.add({ fault: Faults.status(500), times: 1 })
      const [elapsed, res] = yield* Effect.timed(send("GET", "/squad"))
      assert.strictEqual(res.status, 500)
      assert.isAtLeast(Duration.toMillis(elapsed), 190)
    }).pipe(Effect.provide(serverLayer())))

  it.live("faults do not apply before auth: a 401 is a 401", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ fault: Faults.status(500), times: 1 })
      assert.strictEqual((yield* send("GET", "/call", { token: null })).status, 401)
      assert.strictEqual((yield* send("GET", "/call")).status, 500)
    }).pipe(Effect.provide(serverLayer())))
})

describe("Faults controller", () => {
  it.effect("remove and clear", () =>
    Effect.gen(function*() {
      const faults = yield* Faults.make({ seed: 1 })
      const a = yield* faults.add({ fault: Faults.status(500) })
      const b = yield* faults.add({ fault: Faults.hang(), path: "/call" })
      assert.deepStrictEqual([a.id, b.id], ["fault_1", "fault_2"])
      assert.isTrue(yield* faults.remove(a.id))
      assert.isFalse(yield* faults.remove(a.id))
      assert.deepStrictEqual((yield* faults.list).map((r) => r.id), ["fault_2"])
      const decided = yield* faults.decide({ method: "GET", template: "/call", path: "/call" })
      assert.strictEqual(decided.fault?._tag, "Hang")
      const elsewhere = yield* faults.decide({ method: "GET", template: "/tool", path: "/tool" })
      assert.isUndefined(elsewhere.fault)
      yield* faults.clear
      assert.deepStrictEqual(yield* faults.list, [])
    }))

  it.effect("a concrete path matches only that id; a template matches every id", () =>
    Effect.gen(function*() {
      const faults = yield* Faults.make({ seed: 1 })
      yield* faults.add({ fault: Faults.status(500), path: "/call/abc" })
      const hit = yield* faults.decide({ method: "GET", template: "/call/{id}", path: "/call/abc" })
      const miss = yield* faults.decide({ method: "GET", template: "/call/{id}", path: "/call/xyz" })
      assert.strictEqual(hit.fault?._tag, "Status")
      assert.isUndefined(miss.fault)
    }))
})
