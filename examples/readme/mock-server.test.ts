import { FetchHttpClient } from "@effect/platform"
import { assert, it } from "@effect/vitest"
import { Calls, Vapi } from "@vapi-effect/client"
import { Retry } from "@vapi-effect/http"
import { Faults, MockServer } from "@vapi-effect/testing"
import { Effect, Layer } from "effect"

const VapiOverMockServer = Layer.unwrapEffect(
  Effect.map(MockServer.MockServer, (server) =>
    Vapi.layer({ apiKey: server.apiKey, baseUrl: server.url, retry: Retry.make({ baseDelay: "10 millis" }) }))
).pipe(Layer.provide(FetchHttpClient.layer), Layer.provideMerge(MockServer.layer()))

it.live("rides out two 503s on GET /call/{id}", () =>
  Effect.gen(function*() {
    const server = yield* MockServer.MockServer
    const calls = yield* Calls.Calls
    const call = yield* calls.create({ name: "fixture" })
    yield* server.faults.add({ method: "GET", path: "/call/{id}", fault: Faults.status(503), times: 2 })
    assert.strictEqual((yield* calls.get(call.id)).name, "fixture")
    assert.deepStrictEqual((yield* server.requests).map((r) => r.status), [201, 503, 503, 200])
  }).pipe(Effect.provide(VapiOverMockServer)))
