import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Retry from "../src/Retry.js"
import * as Timeout from "../src/Timeout.js"
import * as VapiClient from "../src/VapiClient.js"
import * as Fake from "./utils/fake.js"
import * as Ops from "./utils/ops.js"
import * as Server from "./utils/server.js"

describe("Timeout", () => {
  it("make resolves options over a base; defaults are 30 s and 2 min", () => {
    assert.deepStrictEqual(Timeout.defaults, { attempt: Duration.seconds(30), total: Duration.minutes(2) })
    assert.deepStrictEqual(Timeout.make({ attempt: "5 seconds" }), { attempt: Duration.seconds(5), total: Duration.minutes(2) })
  })

  it.effect("the attempt timeout aborts the request in flight", () => {
    const fake = Fake.layer(() => ({ _tag: "Hang" }))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } })))
      yield* TestClock.adjust("29 seconds")
      assert.strictEqual(fake.requests.length, 1)
      assert.isFalse(fake.requests[0].signal.aborted)
      yield* TestClock.adjust("1 second")
      const error = yield* Fiber.join(fiber)
      assert.isTrue(error._tag === "Timeout" && error.kind === "attempt")
      assert.isTrue(fake.requests[0].signal.aborted)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("the total timeout bounds the attempts; a retry whose wait would pass it is not made", () => {
    const fake = Fake.layer(() => Fake.json(503, {}), {
      retry: Retry.make({ maxRetries: 10, baseDelay: "1 second", jitter: 0, factor: 1 }),
      timeout: { attempt: "1 second", total: "3500 millis" }
    })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } })))
      // Attempts at 0, 1, 2 and 3 s; the fourth 503's wait of 1 s would end past 3.5 s, so it fails at 3 s.
      yield* TestClock.adjust("3 seconds")
      const error = yield* Fiber.join(fiber)
      assert.isTrue(error._tag === "ServerError" && error.status === 503, error._tag)
      assert.strictEqual(fake.requests.length, 4)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("a Retry-After past the total timeout fails at once with the RateLimited that asked for it", () => {
    const fake = Fake.layer(() => Fake.json(429, {}, { "retry-after": "60" }), {
      retry: Retry.make({ maxRetries: 3, maxRetryAfter: "5 minutes" }),
      timeout: { attempt: "30 seconds", total: "10 seconds" }
    })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } })))
      yield* TestClock.adjust("1 millis")
      const error = yield* Fiber.join(fiber)
      assert.isTrue(error._tag === "RateLimited", error._tag)
      assert.deepStrictEqual(error._tag === "RateLimited" && error.retryAfter, Option.some(Duration.seconds(60)))
      assert.strictEqual(fake.requests.length, 1)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("an attempt cut short by the total timeout is a total Timeout", () => {
    const fake = Fake.layer((_, index) => index === 0 ? Fake.json(503, {}) : { _tag: "Hang" }, {
      retry: Retry.make({ maxRetries: 10, baseDelay: "1 second", jitter: 0, factor: 1 }),
      timeout: { attempt: "10 seconds", total: "3 seconds" }
    })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } })))
      yield* TestClock.adjust("3 seconds")
      const error = yield* Fiber.join(fiber)
      assert.isTrue(error._tag === "Timeout" && error.kind === "total", error._tag)
      assert.deepStrictEqual(error._tag === "Timeout" && error.duration, Duration.seconds(3))
      assert.strictEqual(fake.requests.length, 2)
      assert.isTrue(fake.requests[1]!.signal.aborted)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("withTimeout overrides the layer's timeouts per effect; nested calls merge", () => {
    const fake = Fake.layer(() => ({ _tag: "Hang" }))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(
        Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } })).pipe(
          VapiClient.withTimeout({ attempt: "2 seconds" }),
          VapiClient.withTimeout({ attempt: "9 seconds", total: "5 seconds" })
        )
      )
      yield* TestClock.adjust("2 seconds")
      const error = yield* Fiber.join(fiber)
      assert.isTrue(error._tag === "Timeout" && error.kind === "attempt")
      const outer = yield* Effect.fork(
        Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } })).pipe(
          Timeout.withTimeout({ total: "1 second" })
        )
      )
      yield* TestClock.adjust("1 second")
      const total = yield* Fiber.join(outer)
      assert.isTrue(total._tag === "Timeout" && total.kind === "total")
      assert.deepStrictEqual(total._tag === "Timeout" && total.duration, Duration.seconds(1))
    }).pipe(Effect.provide(fake.layer))
  })
})

describe("interruption against a real server on 127.0.0.1", () => {
  const hangingServer = Effect.gen(function*() {
    const received = yield* Deferred.make<void>()
    const interrupted = yield* Deferred.make<void>()
    const server = yield* Server.start(() =>
      // Handlers run uninterruptibly unless they opt in; this one waits interruptibly forever.
      Deferred.succeed(received, undefined).pipe(
        Effect.zipRight(Effect.interruptible(Effect.never)),
        Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined)),
        Effect.as(HttpServerResponse.empty())
      )
    )
    const client = yield* Server.build(
      VapiClient.layer({ apiKey: Redacted.make("sk_int"), baseUrl: server.baseUrl, retry: Retry.none }).pipe(
        Layer.provide(NodeHttpClient.layer)
      )
    )
    return { server, client, received, interrupted }
  })

  it.scopedLive("an attempt timeout closes the connection the server holds open", () =>
    Effect.gen(function*() {
      const { client, interrupted, received, server } = yield* hangingServer
      const error = yield* Effect.flip(
        client.execute(Ops.CallsGet, { path: { id: "slow" } }).pipe(VapiClient.withTimeout({ attempt: "300 millis" }))
      )
      assert.isTrue(error._tag === "Timeout" && error.kind === "attempt")
      yield* Deferred.await(received)
      yield* server.socketClosed.pipe(Effect.timeout("5 seconds"))
      yield* Deferred.await(interrupted).pipe(Effect.timeout("5 seconds"))
      assert.strictEqual(server.stats.opened, 1)
      assert.strictEqual(server.stats.closed, 1)
    }))

  it.scopedLive("interrupting the calling fiber aborts the request", () =>
    Effect.gen(function*() {
      const { client, interrupted, received, server } = yield* hangingServer
      const fiber = yield* Effect.fork(client.execute(Ops.CallsGet, { path: { id: "slow" } }))
      yield* Deferred.await(received).pipe(Effect.timeout("5 seconds"))
      assert.strictEqual(server.stats.closed, 0)
      yield* Fiber.interrupt(fiber)
      yield* server.socketClosed.pipe(Effect.timeout("5 seconds"))
      yield* Deferred.await(interrupted).pipe(Effect.timeout("5 seconds"))
      assert.strictEqual(server.stats.closed, 1)
    }))
})
