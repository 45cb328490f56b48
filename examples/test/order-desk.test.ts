import { assert, describe, it } from "@effect/vitest"
import { Assistants, Calls } from "@vapi-effect/client"
import { VapiTest } from "@vapi-effect/testing"
import { Effect, Layer } from "effect"
import * as OrderDesk from "../order-desk.js"

// The user's service over the in-memory Vapi: one layer, no server, no account.
const TestLayer = OrderDesk.layer("Orders").pipe(Layer.provideMerge(VapiTest.layer))

describe("OrderDesk under VapiTest.layer", () => {
  it.effect("calls back with the order assistant and reports its calls", () =>
    Effect.gen(function*() {
      const assistants = yield* Assistants.Assistants
      const orders = yield* assistants.create({ name: "Orders" })
      yield* assistants.create({ name: "Billing" })
      const desk = yield* OrderDesk.OrderDesk

      const call = yield* desk.callBack("A-1001", "+15550100")
      assert.strictEqual(call.assistantId, orders.id)
      assert.strictEqual(call.name, "order A-1001")
      assert.strictEqual(call.customer?.number, "+15550100")
      yield* desk.callBack("A-1002", "+15550101")

      const calls = yield* Calls.Calls
      assert.deepStrictEqual((yield* calls.list({ assistantId: orders.id })).map((c) => c.name), [
        "order A-1002",
        "order A-1001"
      ])
      // Each call was written to the log once, by its POST /call.
      assert.deepStrictEqual(yield* desk.report, { calls: 2, logEntries: 2 })
    }).pipe(Effect.provide(TestLayer)))

  it.effect("fails with its own typed error when the assistant is missing", () =>
    Effect.gen(function*() {
      const desk = yield* OrderDesk.OrderDesk
      const error = yield* Effect.flip(desk.callBack("A-1", "+15550100"))
      assert.strictEqual(error._tag, "NoOrderAssistant")
      const store = yield* VapiTest.Store
      assert.strictEqual((yield* store.snapshot).calls?.length ?? 0, 0)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("passes on the SDK's typed errors: an invalid number is rejected before anything is sent", () =>
    Effect.gen(function*() {
      const assistants = yield* Assistants.Assistants
      yield* assistants.create({ name: "Orders" })
      const desk = yield* OrderDesk.OrderDesk
      const error = yield* Effect.flip(desk.callBack("A-1", "+1".repeat(40)))
      assert.strictEqual(error._tag, "RequestValidationError")
    }).pipe(Effect.provide(TestLayer)))
})
