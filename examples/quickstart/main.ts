/**
 * The quickstart: `pnpm quickstart`. Without `VAPI_API_KEY` it starts the embedded Vapi-compatible server
 * (`MockServer`) on 127.0.0.1 and runs the pipeline against it; with `VAPI_API_KEY` (and `VAPI_BASE_URL`,
 * if set) it runs against the real API, and places a call only when given `--live`.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Assistants } from "@vapi-effect/client"
import * as Node from "@vapi-effect/client/Node"
import { MockServer } from "@vapi-effect/testing"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type Plan, pipeline } from "./pipeline.js"
import { note, step } from "./report.js"

const live = process.argv.includes("--live")

/** Where the pipeline runs: the embedded server, or the API that `VAPI_API_KEY` opens. */
const target = Effect.gen(function*() {
  const apiKey = yield* Config.option(Config.redacted("VAPI_API_KEY"))
  if (Option.isSome(apiKey)) {
    const baseUrl = yield* Config.withDefault(Config.string("VAPI_BASE_URL"), "https://api.vapi.ai")
    const plan: Plan = {
      phoneNumber: undefined,
      call: live
        ? {
          customerNumber: yield* Config.string("VAPI_CUSTOMER_NUMBER"),
          phoneNumberId: yield* Config.string("VAPI_PHONE_NUMBER_ID")
        }
        : undefined
    }
    return { label: baseUrl, plan, layer: Node.layerConfig() }
  }
  const server = yield* MockServer.make({ seed: "quickstart" })
  const plan: Plan = {
    phoneNumber: { credentialId: "quickstart-credential", number: "+15550100" },
    call: { customerNumber: "+15550123" }
  }
  return {
    label: `the embedded Vapi-compatible server at ${server.url} (no VAPI_API_KEY set)`,
    plan,
    layer: Node.layer({ apiKey: server.apiKey, baseUrl: server.url })
  }
})

const main = Effect.gen(function*() {
  const { label, layer, plan } = yield* target
  yield* Console.log(`vapi-effect quickstart: against ${label}\n`)
  const run = Effect.gen(function*() {
    const { assistantId } = yield* Effect.scoped(pipeline(plan))
    const assistants = yield* Assistants.Assistants
    // The pipeline's scope deleted what it created: reading a deleted record fails with a typed NotFound.
    yield* step(
      "get deleted assistant",
      assistants.get(assistantId).pipe(
        Effect.as("still there?"),
        Effect.catchTag("NotFound", (error) => Effect.succeed(`${error.status} NotFound, handled with catchTag`))
      ),
      (outcome) => outcome
    )
    yield* note("done: everything the quickstart created was deleted")
  })
  yield* Effect.provide(run, layer)
})

main.pipe(Effect.scoped, NodeRuntime.runMain)
