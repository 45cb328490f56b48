import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { field, send, serverLayer } from "./utils.js"

describe("MockServer clock", () => {
  it.effect("timestamps come from Effect's Clock, so TestClock drives them over HTTP", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2024-10-23T12:00:00.000Z"))
      const created = yield* send("POST", "/assistant", { body: { name: "a" } })
      assert.strictEqual(field(created.json, "createdAt"), "2024-10-23T12:00:00.000Z")
      yield* TestClock.adjust("90 seconds")
      const patched = yield* send("PATCH", `/assistant/${field(created.json, "id")}`, { body: { name: "b" } })
      assert.strictEqual(field(patched.json, "createdAt"), "2024-10-23T12:00:00.000Z")
      assert.strictEqual(field(patched.json, "updatedAt"), "2024-10-23T12:01:30.000Z")
    }).pipe(Effect.provide(serverLayer())))
})
