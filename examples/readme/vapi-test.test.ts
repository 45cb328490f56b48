import { assert, it } from "@effect/vitest"
import { Calls } from "@vapi-effect/client"
import { VapiTest } from "@vapi-effect/testing"
import { Effect } from "effect"

it.effect("renames a call, and a missing one is a NotFound", () =>
  Effect.gen(function*() {
    const calls = yield* Calls.Calls
    const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
    const renamed = yield* calls.update(call.id, { name: "follow-up" })
    assert.strictEqual(renamed.name, "follow-up")
    const error = yield* Effect.flip(calls.get("no-such-call"))
    assert.strictEqual(error._tag, "NotFound")
  }).pipe(Effect.provide(VapiTest.layer)))
