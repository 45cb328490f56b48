import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as TestClock from "effect/TestClock"
import * as Retry from "../src/Retry.js"
import * as VapiClient from "../src/VapiClient.js"
import * as VapiError from "../src/VapiError.js"
import * as Fake from "./utils/fake.js"
import * as Ops from "./utils/ops.js"

const steady = Retry.make({ maxRetries: 3, baseDelay: "1 second", factor: 2, jitter: 0, maxDelay: "1 minute" })

/** Replies with `replies[i]` for the i-th request and a success after them. */
const script = (replies: ReadonlyArray<Fake.Reply>, retry: Retry.RetryPolicy = steady) =>
  Fake.layer((_, index) => replies[index] ?? Fake.json(200, Ops.callJson("call_1")), { retry })

const ctx = { operation: "calls.get", method: "GET", url: "https://api.vapi.test/call/c" }
const statusError = (code: number) =>
  VapiError.fromFailure(ctx, { _tag: "Status", status: code, headers: {}, body: "", now: 0 })
const transport = (reason: "ConnectionRefused" | "ConnectionReset" | "Other") =>
  new VapiError.TransportError({ ...ctx, reason, detail: "x" })

describe("Retry", () => {
  it.effect("retries a GET on 5xx with exponential backoff driven by the clock", () => {
    const fake = script([Fake.json(503, {}), Fake.json(500, {}), Fake.json(502, {})])
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(client.execute(Ops.CallsGet, { path: { id: "c" } }))
      yield* TestClock.adjust(0)
      assert.strictEqual(fake.requests.length, 1)
      yield* TestClock.adjust("999 millis")
      assert.strictEqual(fake.requests.length, 1)
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(fake.requests.length, 2)
      yield* TestClock.adjust("1999 millis")
      assert.strictEqual(fake.requests.length, 2)
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(fake.requests.length, 3)
      yield* TestClock.adjust("4 seconds")
      assert.strictEqual(fake.requests.length, 4)
      const call = yield* Fiber.join(fiber)
      assert.strictEqual(call.id, "call_1")
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("gives up after maxRetries and fails with the last error", () => {
    const fake = Fake.layer(() => Fake.json(500, { message: "boom" }), { retry: Retry.make({ maxRetries: 2, jitter: 0 }) })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } })))
      yield* TestClock.adjust("1 minute")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "ServerError")
      assert.strictEqual(fake.requests.length, 3)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("waits for Retry-After given in seconds", () => {
    const fake = script([Fake.json(429, {}, { "retry-after": "7" })])
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(client.execute(Ops.CallsGet, { path: { id: "c" } }))
      yield* TestClock.adjust("6999 millis")
      assert.strictEqual(fake.requests.length, 1)
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(fake.requests.length, 2)
      yield* Fiber.join(fiber)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("waits for Retry-After given as an HTTP date", () => {
    // The TestClock starts at the epoch: 00:00:05 GMT is 5 seconds from now.
    const fake = script([Fake.json(503, {}, { "retry-after": "Thu, 01 Jan 1970 00:00:05 GMT" })])
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(client.execute(Ops.CallsCreate, { body: { assistantId: "a" } }))
      yield* TestClock.adjust("4999 millis")
      assert.strictEqual(fake.requests.length, 1)
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(fake.requests.length, 2)
      yield* Fiber.join(fiber)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("caps Retry-After at maxRetryAfter", () => {
    const fake = script([Fake.json(429, {}, { "retry-after": "3600" })], Retry.make({ ...steady, maxRetryAfter: "10 seconds" }))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(client.execute(Ops.CallsGet, { path: { id: "c" } }))
      yield* TestClock.adjust("9 seconds")
      assert.strictEqual(fake.requests.length, 1)
      yield* TestClock.adjust("1 second")
      assert.strictEqual(fake.requests.length, 2)
      yield* Fiber.join(fiber)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("retries a POST only on 429, 503 and refused connections", () => {
    const cases: ReadonlyArray<readonly [Fake.Reply, number]> = [
      [Fake.json(429, {}), 2],
      [Fake.json(503, {}), 2],
      [Fake.transport("ECONNREFUSED"), 2],
      [Fake.json(500, {}), 1],
      [Fake.json(502, {}), 1],
      [Fake.json(408, {}), 1],
      [Fake.transport("ECONNRESET"), 1],
      [Fake.transport("ETIMEDOUT"), 1],
      [{ _tag: "Hang" }, 1]
    ]
    return Effect.forEach(cases, ([reply, expected]) => {
      const fake = script([reply])
      return Effect.gen(function*() {
        const client = yield* VapiClient.VapiClient
        const fiber = yield* Effect.fork(Effect.either(client.execute(Ops.CallsCreate, { body: { assistantId: "a" } })))
        yield* TestClock.adjust("1 minute")
        yield* TestClock.adjust("1 minute")
        const result = yield* Fiber.join(fiber)
        assert.strictEqual(fake.requests.length, expected, JSON.stringify(reply))
        assert.strictEqual(result._tag, expected === 2 ? "Right" : "Left")
      }).pipe(Effect.provide(fake.layer), VapiClient.withTimeout({ attempt: "30 seconds", total: "10 minutes" }))
    }, { discard: true })
  })

  it.effect("PATCH follows the same rule; retryNonIdempotent opts into everything", () => {
    const strict = script([Fake.json(500, {})])
    const lenient = script([Fake.json(500, {}), Fake.transport("ECONNRESET")], Retry.make({ ...steady, retryNonIdempotent: true }))
    return Effect.gen(function*() {
      const run = Effect.gen(function*() {
        const client = yield* VapiClient.VapiClient
        const fiber = yield* Effect.fork(Effect.either(client.execute(Ops.CallsUpdate, { path: { id: "c" }, body: {} })))
        yield* TestClock.adjust("1 minute")
        return yield* Fiber.join(fiber)
      })
      const failed = yield* Effect.provide(run, strict.layer)
      assert.isTrue(failed._tag === "Left" && failed.left._tag === "ServerError")
      assert.strictEqual(strict.requests.length, 1)
      const succeeded = yield* Effect.provide(run, lenient.layer)
      assert.strictEqual(succeeded._tag, "Right")
      assert.strictEqual(lenient.requests.length, 3)
    })
  })

  it.effect("retries GET and DELETE on transport errors, attempt timeouts, 408, 429 and 5xx, not on 4xx", () => {
    const cases: ReadonlyArray<readonly [Fake.Reply, number]> = [
      [Fake.transport("ECONNRESET"), 2],
      [Fake.transport("ENOTFOUND"), 2],
      [{ _tag: "Hang" }, 2],
      [Fake.json(408, {}), 2],
      [Fake.json(429, {}), 2],
      [Fake.json(500, {}), 2],
      [Fake.json(404, {}), 1],
      [Fake.json(400, {}), 1],
      [Fake.json(401, {}), 1],
      [Fake.json(409, {}), 1]
    ]
    return Effect.forEach(cases, ([reply, expected]) => {
      const fake = script([reply])
      return Effect.gen(function*() {
        const client = yield* VapiClient.VapiClient
        const fiber = yield* Effect.fork(Effect.either(client.execute(Ops.CallsDelete, { path: { id: "c" } })))
        yield* TestClock.adjust("1 minute")
        yield* TestClock.adjust("1 minute")
        yield* Fiber.join(fiber)
        assert.strictEqual(fake.requests.length, expected, JSON.stringify(reply))
      }).pipe(Effect.provide(fake.layer), VapiClient.withTimeout({ attempt: "30 seconds", total: "10 minutes" }))
    }, { discard: true })
  })

  it.effect("Retry.none sends once; withRetry overrides the layer's policy for one effect", () => {
    const fake = Fake.layer(() => Fake.json(503, {}), { retry: Retry.none })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      yield* Effect.either(client.execute(Ops.CallsGet, { path: { id: "c" } }))
      assert.strictEqual(fake.requests.length, 1)
      const fiber = yield* Effect.fork(
        Effect.either(client.execute(Ops.CallsGet, { path: { id: "c" } })).pipe(
          VapiClient.withRetry(Retry.make({ maxRetries: 2, jitter: 0, baseDelay: "1 second" }))
        )
      )
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      assert.strictEqual(fake.requests.length, 4)
      const dual = yield* Effect.fork(Effect.either(Retry.withPolicy(client.execute(Ops.CallsGet, { path: { id: "c" } }), steady)))
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(dual)
      assert.strictEqual(fake.requests.length, 8)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("logs each retry at debug level", () => {
    const lines: Array<string> = []
    const logger = Logger.make(({ logLevel, message }) => lines.push(`${logLevel.label} ${String(message)}`))
    const fake = script([Fake.json(503, {})])
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(client.execute(Ops.CallsGet, { path: { id: "c" } }))
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      assert.deepStrictEqual(lines, ["DEBUG calls.get: ServerError, retry 1 in 1s"])
    }).pipe(
      Effect.provide(fake.layer),
      Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
      Logger.withMinimumLogLevel(LogLevel.Debug)
    )
  })

  it("isRetryable encodes the rule", () => {
    const policy = Retry.defaultPolicy
    const get = (e: VapiError.VapiError) => Retry.isRetryable(policy, "GET", e)
    const post = (e: VapiError.VapiError) => Retry.isRetryable(policy, "POST", e)
    const attempt = new VapiError.Timeout({ ...ctx, kind: "attempt", duration: Duration.seconds(1) })
    const total = new VapiError.Timeout({ ...ctx, kind: "total", duration: Duration.seconds(1) })
    assert.deepStrictEqual(
      [transport("ConnectionReset"), attempt, total, statusError(408), statusError(429), statusError(500), statusError(404)]
        .map(get),
      [true, true, false, true, true, true, false]
    )
    assert.deepStrictEqual(
      [transport("ConnectionRefused"), transport("ConnectionReset"), attempt, statusError(429), statusError(503),
        statusError(500), statusError(408)].map(post),
      [true, false, false, true, true, false, false]
    )
    assert.isTrue(Retry.isRetryable(Retry.make({ retryNonIdempotent: true }), "PATCH", statusError(500)))
  })

  it.effect("backoff grows by factor, stays under maxDelay, and jitter only shortens it", () =>
    Effect.gen(function*() {
      const exact = Retry.make({ baseDelay: "100 millis", factor: 3, maxDelay: "1 second", jitter: 0 })
      const delays = yield* Effect.forEach([1, 2, 3, 4], (n) => Retry.backoff(exact, n))
      assert.deepStrictEqual(delays.map(Duration.toMillis), [100, 300, 900, 1000])
      const jittered = Retry.make({ baseDelay: "1 second", jitter: 0.5 })
      const samples = yield* Effect.forEach(Array.from({ length: 50 }, () => 1), (n) => Retry.backoff(jittered, n))
      for (const sample of samples) {
        assert.isAtLeast(Duration.toMillis(sample), 500)
        assert.isAtMost(Duration.toMillis(sample), 1000)
      }
      assert.isAbove(new Set(samples.map(Duration.toMillis)).size, 1)
      const after = yield* Retry.delayFor(exact, 1, VapiError.fromFailure(ctx, {
        _tag: "Status",
        status: 429,
        headers: { "retry-after": "2" },
        body: "",
        now: 0
      }))
      assert.strictEqual(Duration.toMillis(after), 2000, "Retry-After wins over the backoff, even above maxDelay")
    }))

  it("make clamps nonsense and keeps defaults", () => {
    const policy = Retry.make({ maxRetries: -4, jitter: 7, factor: 0 })
    assert.strictEqual(policy.maxRetries, 0)
    assert.strictEqual(policy.jitter, 1)
    assert.strictEqual(policy.factor, 1)
    assert.deepStrictEqual(policy.maxRetryAfter, Retry.defaultPolicy.maxRetryAfter)
    assert.strictEqual(Retry.none.maxRetries, 0)
    assert.strictEqual(Retry.defaultPolicy.maxRetries, 3)
  })
})
