import { FetchHttpClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { assert, it } from "@effect/vitest"
import { Faults, MockServer } from "@vapi-effect/testing"
import { Effect, Layer, Redacted } from "effect"

it.live("GET /call/{id} fails twice, then answers", () =>
  Effect.gen(function*() {
    const server = yield* MockServer.MockServer
    const call = yield* server.store.create("calls", { name: "fixture" })
    yield* server.faults.add({ method: "GET", path: "/call/{id}", fault: Faults.status(503), times: 2 })
    const get = HttpClientRequest.get(`${server.url}/call/${call.id}`).pipe(
      HttpClientRequest.bearerToken(Redacted.value(server.apiKey))
    )
    const client = yield* HttpClient.HttpClient
    const statuses = [
      (yield* client.execute(get)).status,
      (yield* client.execute(get)).status,
      (yield* client.execute(get)).status
    ]
    assert.deepStrictEqual(statuses, [503, 503, 200])
    assert.deepStrictEqual((yield* server.requests).map((r) => r.fault), ["Status", "Status", undefined])
  }).pipe(Effect.provide(Layer.merge(MockServer.layer({ seed: 1 }), FetchHttpClient.layer))))
