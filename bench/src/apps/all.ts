/**
 * Size probe: an app that uses every resource through `Vapi.layer` and `FetchHttpClient`.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { Analytics, Assistants, Blocks, Calls, Files, Logs, PhoneNumbers, Squads, Tools, Vapi } from "@vapi-effect/client"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"

const program = Effect.gen(function*() {
  const calls = yield* Calls.Calls
  const assistants = yield* Assistants.Assistants
  const phoneNumbers = yield* PhoneNumbers.PhoneNumbers
  const squads = yield* Squads.Squads
  const blocks = yield* Blocks.Blocks
  const tools = yield* Tools.Tools
  const files = yield* Files.Files
  const analytics = yield* Analytics.Analytics
  const logs = yield* Logs.Logs
  yield* Effect.log(
    (yield* calls.list({ limit: 10 })).length,
    (yield* assistants.list()).length,
    (yield* phoneNumbers.list()).length,
    (yield* squads.list()).length,
    (yield* blocks.list()).length,
    (yield* tools.list()).length,
    (yield* files.list()).length,
    yield* analytics.get({ queries: [] })
  )
  yield* logs.stream({ limit: 100 }).pipe(Stream.take(10), Stream.runForEach((log) => Effect.log(log.type)))
})

const live = Vapi.layer({ apiKey: Redacted.make(process.env["VAPI_API_KEY"] ?? "") }).pipe(
  Layer.provide(FetchHttpClient.layer)
)

Effect.runFork(program.pipe(Effect.provide(live)))
