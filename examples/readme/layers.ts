import { FetchHttpClient } from "@effect/platform"
import { NodeHttpClient, NodeRuntime } from "@effect/platform-node"
import { Calls, Logs, Vapi } from "@vapi-effect/client"
import { Retry } from "@vapi-effect/http"
import { Effect, Layer, Stream } from "effect"

const program = Effect.gen(function*() {
  const calls = yield* Calls.Calls
  const recent = yield* calls.list({ assistantId: "asst_1", limit: 10, createdAtGt: new Date("2024-10-01") })
  const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
  yield* calls.update(call.id, { name: "follow-up" })
  const logs = yield* Logs.Logs
  yield* logs.stream({ callId: call.id }).pipe(Stream.runForEach((log) => Effect.log(log.type)))
  return recent.length
})

const patient = Retry.make({ maxRetries: 5, baseDelay: "200 millis", maxDelay: "10 seconds" })
export const OnNode = Vapi.layerConfig({ retry: patient }).pipe(Layer.provide(NodeHttpClient.layerUndici))
export const Anywhere = Vapi.layerConfig({ retry: patient }).pipe(Layer.provide(FetchHttpClient.layer))

export const main = () => program.pipe(Effect.provide(OnNode), NodeRuntime.runMain)
