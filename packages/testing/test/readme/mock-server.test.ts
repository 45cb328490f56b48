import { FetchHttpClient } from "@effect/platform"
import { assert, describe, it } from "@effect/vitest"
import { Calls, Vapi } from "@vapi-effect/client"
import { Faults, MockServer } from "@vapi-effect/testing"
import { Effect, Layer } from "effect"

// The SDK over HTTP to a server on 127.0.0.1, with its default retry policy.
const VapiOverMockServer = Layer.unwrapEffect(
  Effect.map(MockServer.MockServer, (server) => Vapi.layer({ apiKey: server.apiKey, baseUrl: server.url }))
).pipe(Layer.provideMerge(MockServer.layer({ seed: 1 })), Layer.provide(FetchHttpClient.layer))

describe("placing a call when the API fails", () => {
  it.live("a 503 on POST /call was not processed: the SDK retries it", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ method: "POST", path: "/call", fault: Faults.status(503), times: 1 })
      const calls = yield* Calls.Calls
      const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
      assert.deepStrictEqual((yield* server.requests).map((r) => r.status), [503, 201])
      assert.deepStrictEqual((yield* server.store.list("calls")).map((c) => c.id), [call.id])
    }).pipe(Effect.provide(VapiOverMockServer)))

  it.live("a 500 on POST /call may have dialled: the SDK does not retry it", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      yield* server.faults.add({ method: "POST", path: "/call", fault: Faults.status(500, { processed: true }), times: 1 })
      const calls = yield* Calls.Calls
      const error = yield* Effect.flip(calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } }))
      assert.strictEqual(error._tag, "ServerError")
      assert.deepStrictEqual((yield* server.requests).map((r) => r.status), [500])
      assert.strictEqual((yield* server.store.list("calls")).length, 1)
    }).pipe(Effect.provide(VapiOverMockServer)))
})
