// Type-check probe: a small consumer of @vapi-effect/client (the DESIGN.md example).
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { Calls, Logs, Vapi } from "@vapi-effect/client"
import { Effect, Layer, Redacted, Stream } from "effect"

const program = Effect.gen(function*() {
  const calls = yield* Calls.Calls
  const recent = yield* calls.list({ assistantId: "asst_1", limit: 10, createdAtGt: new Date("2024-10-01") })
  const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
  yield* calls.update(call.id, { name: "follow-up" })
  const logs = yield* Logs.Logs
  yield* logs.stream({ callId: call.id }).pipe(Stream.runForEach((log) => Effect.log(log.type)))
  return recent.map((c) => c.status)
}).pipe(Effect.catchTag("NotFound", () => Effect.succeed([])))

const live = Vapi.layer({ apiKey: Redacted.make("sk_test") }).pipe(Layer.provide(FetchHttpClient.layer))
export const main = program.pipe(Effect.provide(live))
