/**
 * Size probe: an app that uses calls alone (`Calls.layer` over `VapiClient.layer` and `FetchHttpClient`).
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Calls from "@vapi-effect/client/Calls"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"

const program = Effect.gen(function*() {
  const calls = yield* Calls.Calls
  const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
  const again = yield* calls.get(call.id)
  const recent = yield* calls.list({ limit: 10 })
  yield* Effect.log(again.status, recent.length)
})

const live = Calls.layer.pipe(
  Layer.provide(VapiClient.layer({ apiKey: Redacted.make(process.env["VAPI_API_KEY"] ?? "") })),
  Layer.provide(FetchHttpClient.layer)
)

Effect.runFork(program.pipe(Effect.provide(live)))
