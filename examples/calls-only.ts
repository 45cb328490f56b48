/**
 * Only `Calls`: the per-service layer needs a `VapiClient` and nothing else, so the app's own code reaches the
 * call schemas and no others (the `MockServer` it talks to here implements every operation, so this process
 * loads them all; against the real API it would not). Run it with
 * `pnpm --filter @vapi-effect/examples calls-only`.
 *
 * @since 0.1.0
 */
import { FetchHttpClient } from "@effect/platform"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Calls from "@vapi-effect/client/Calls"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as MockServer from "@vapi-effect/testing/MockServer"
import { Console, Effect, Layer } from "effect"

const program = Effect.gen(function*() {
  const calls = yield* Calls.Calls
  const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
  const renamed = yield* calls.update(call.id, { name: "follow-up" })
  const listed = yield* calls.list({ assistantId: "asst_1", limit: 10 })
  yield* Console.log(`created ${renamed.id} ("${renamed.name}"), ${listed.length} call(s) for asst_1`)
})

const main = Effect.gen(function*() {
  const server = yield* MockServer.make()
  const CallsLive = Calls.layer.pipe(
    Layer.provide(VapiClient.layer({ apiKey: server.apiKey, baseUrl: server.url })),
    Layer.provide(FetchHttpClient.layer)
  )
  yield* Effect.provide(program, CallsLive)
})

main.pipe(Effect.scoped, NodeRuntime.runMain)
