import { assert, describe, it } from "@effect/vitest"
import { Assistants, Calls } from "@vapi-effect/client"
import { VapiTest } from "@vapi-effect/testing"
import { Data, Effect } from "effect"

// The code under test: call a customer back with the assistant of the given name.
class NoSuchAssistant extends Data.TaggedError("NoSuchAssistant")<{ readonly name: string }> {}

const callBack = (assistantName: string, number: string) =>
  Effect.gen(function*() {
    const assistants = yield* Assistants.Assistants
    const calls = yield* Calls.Calls
    const assistant = (yield* assistants.list()).find((a) => a.name === assistantName)
    if (assistant === undefined) return yield* new NoSuchAssistant({ name: assistantName })
    return yield* calls.create({ assistantId: assistant.id, customer: { number } })
  })

describe("callBack", () => {
  it.effect("calls the customer with the named assistant", () =>
    Effect.gen(function*() {
      const store = yield* VapiTest.Store
      const riley = yield* store.create("assistants", { name: "Riley" })
      const call = yield* callBack("Riley", "+15550100")
      assert.strictEqual(call.assistantId, riley.id)
      assert.strictEqual(call.status, "queued")
      const { calls, logs } = yield* store.snapshot
      assert.deepStrictEqual(calls.map((c) => c.customer), [{ number: "+15550100" }])
      assert.deepStrictEqual(logs.map((log) => `${log.requestHttpMethod} ${log.requestPath}`), ["GET /assistant", "POST /call"])
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("fails, and places no call, when there is no such assistant", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(callBack("Nobody", "+15550100"))
      assert.strictEqual(error._tag, "NoSuchAssistant")
      assert.deepStrictEqual((yield* (yield* VapiTest.Store).snapshot).calls, [])
    }).pipe(Effect.provide(VapiTest.layerWith({ fixtures: { assistants: [{ name: "Riley" }] } }))))

  it.effect("sees the API's errors: NotFound for an unknown id", () =>
    Effect.gen(function*() {
      const calls = yield* Calls.Calls
      const error = yield* Effect.flip(calls.get("call_unknown"))
      assert.strictEqual(error._tag, "NotFound")
      assert.strictEqual(error.message, "[calls.get] GET http://vapi.test/call/call_unknown -> 404 Not Found: Call with id call_unknown not found")
    }).pipe(Effect.provide(VapiTest.layer)))
})
