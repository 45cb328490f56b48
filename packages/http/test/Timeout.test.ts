import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
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

  it.effect("the total timeout bounds all attempts and the waits between them", () => {
    const fake = Fake.layer(() => Fake.json(503, {}), {
      retry: Retry.make({ maxRetries: 10, baseDelay: "1 second", jitter: 0, factor: 1 }),
      timeout: { attempt: "1 second", total: "3500 millis" }
    })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } })))
      yield* TestClock.adjust("10 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "Timeout")
      if (error._tag !== "Timeout") return
      assert.strictEqual(error.kind, "total")
      assert.deepStrictEqual(error.duration, Duration.millis(3500))
      assert.strictEqual(fake.requests.length, 4)
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
