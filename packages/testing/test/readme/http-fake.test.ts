import { HttpClient, type HttpClientRequest, HttpClientResponse } from "@effect/platform"
import { assert, it } from "@effect/vitest"
import { Calls } from "@vapi-effect/client"
import { Retry, VapiClient } from "@vapi-effect/http"
import { Effect, Layer, Redacted } from "effect"

// An HttpClient that records every request and answers each with the same call.
const recording = () => {
  const requests: Array<HttpClientRequest.HttpClientRequest> = []
  const call = { id: "call_1", orgId: "org_1", createdAt: "2024-10-23T12:00:00.000Z", updatedAt: "2024-10-23T12:00:00.000Z" }
  const client = HttpClient.make((request) =>
    Effect.sync(() => {
      requests.push(request)
      return HttpClientResponse.fromWeb(request, Response.json(call, { status: 201 }))
    })
  )
  return { requests, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

it.effect("calls.create sends POST /call with the customer's number", () => {
  const http = recording()
  const CallsTest = Calls.layer.pipe(
    Layer.provide(VapiClient.layer({ apiKey: Redacted.make("sk-test"), retry: Retry.none })),
    Layer.provide(http.layer)
  )
  return Effect.gen(function*() {
    const calls = yield* Calls.Calls
    const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
    assert.strictEqual(call.id, "call_1")
    assert.deepStrictEqual(call.createdAt, new Date("2024-10-23T12:00:00.000Z"))
    const [request] = http.requests
    assert.strictEqual(request?.method, "POST")
    assert.strictEqual(request?.url, "https://api.vapi.ai/call")
    assert.strictEqual(request?.headers.authorization, "Bearer sk-test")
    const body = request?.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : ""
    assert.deepStrictEqual(JSON.parse(body), { assistantId: "asst_1", customer: { number: "+15550100" } })
  }).pipe(Effect.provide(CallsTest))
})
