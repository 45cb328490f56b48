/**
 * Transport.fromHttpClient on the live clock: the attempt's timeout (a plain timer over a child fiber) and
 * interruption both abort the platform request; a response ends the attempt with its text.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import { timeoutFail } from "../src/internal/timer.js"
import * as Transport from "../src/Transport.js"
import * as Fake from "./utils/fake.js"

const request = (timeoutMillis: number): Transport.Request => ({
  method: "GET",
  url: `${Fake.BASE_URL}/call/c`,
  headers: { accept: "application/json" },
  body: undefined,
  timeoutMillis
})

/** Polls (at most 200 times, 5 ms apart) until `done` holds. */
const eventually = (done: () => boolean) =>
  Effect.gen(function*() {
    for (let i = 0; i < 200 && !done(); i++) yield* Effect.sleep("5 millis")
    return done()
  })

describe("Transport.fromHttpClient", () => {
  it.live("a response ends the attempt with its status, headers and text", () =>
    Effect.gen(function*() {
      const fake = Fake.make(() => Fake.json(200, { id: "c" }, { "x-request-id": "r1" }))
      const response = yield* Transport.fromHttpClient(fake.client).send(request(1_000))
      assert.strictEqual(response.status, 200)
      assert.strictEqual(response.text, `{"id":"c"}`)
      assert.strictEqual(response.headers["x-request-id"], "r1")
      assert.isFalse(fake.requests[0].signal.aborted)
    }))

  it.live("past timeoutMillis the request is aborted and the attempt fails with TimedOut", () =>
    Effect.gen(function*() {
      const fake = Fake.make(() => ({ _tag: "Hang" }))
      const started = Date.now()
      const result = yield* Effect.either(Transport.fromHttpClient(fake.client).send(request(30)))
      assert.isTrue(Either.isLeft(result) && result.left._tag === "TimedOut")
      assert.isAtLeast(Date.now() - started, 25)
      assert.strictEqual(fake.requests.length, 1)
      assert.isTrue(fake.requests[0].signal.aborted)
    }))

  it.live("a failure before the timeout is a SendError; a failure or an interruption clears the timer", () =>
    Effect.gen(function*() {
      const fake = Fake.make(() => Fake.transport("ECONNREFUSED"))
      const result = yield* Effect.either(Transport.fromHttpClient(fake.client).send(request(20)))
      assert.isTrue(Either.isLeft(result) && result.left._tag === "SendError")
      let timeouts = 0
      const failed = yield* Effect.either(timeoutFail(Effect.fail("refused"), 20, () => ++timeouts))
      assert.deepStrictEqual(failed, Either.left("refused"))
      const waiting = yield* Effect.fork(timeoutFail(Effect.never, 20, () => ++timeouts))
      yield* Effect.sleep("5 millis")
      yield* Fiber.interrupt(waiting)
      yield* Effect.sleep("50 millis")
      assert.strictEqual(timeouts, 0)
    }))

  it.live("interrupting the caller aborts the request in flight", () =>
    Effect.gen(function*() {
      const fake = Fake.make(() => ({ _tag: "Hang" }))
      const fiber = yield* Effect.fork(Transport.fromHttpClient(fake.client).send(request(60_000)))
      assert.isTrue(yield* eventually(() => fake.requests.length === 1))
      assert.isFalse(fake.requests[0].signal.aborted)
      const exit = yield* Fiber.interrupt(fiber)
      assert.isTrue(exit._tag === "Failure")
      assert.isTrue(fake.requests[0].signal.aborted)
    }))

  it.live("a timeout beyond what setTimeout takes counts as none", () =>
    Effect.gen(function*() {
      const fake = Fake.make(() => ({ _tag: "Hang" }))
      const fiber = yield* Effect.fork(Transport.fromHttpClient(fake.client).send(request(2 ** 31)))
      assert.isTrue(yield* eventually(() => fake.requests.length === 1))
      yield* Effect.sleep("20 millis")
      assert.isTrue(fiber.unsafePoll() === null)
      yield* Fiber.interrupt(fiber)
      assert.isTrue(fake.requests[0].signal.aborted)
    }))
})
