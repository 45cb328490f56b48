/**
 * A custom retry policy and timeouts, for the whole layer and for one effect, against a server that fails
 * on purpose. Run it with `pnpm --filter @vapi-effect/examples retry-and-timeout`.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Assistants, Calls } from "@vapi-effect/client"
import * as Node from "@vapi-effect/client/Node"
import { Retry, VapiClient } from "@vapi-effect/http"
import { Faults, MockServer } from "@vapi-effect/testing"
import { Console, Effect } from "effect"

const program = (server: MockServer.Service) =>
  Effect.gen(function*() {
    const assistants = yield* Assistants.Assistants
    const calls = yield* Calls.Calls
    const assistant = yield* assistants.create({ name: "Patient" })

    // Two 503s with `Retry-After: 1`: the layer's policy (5 retries) honours it, waiting 1 s before each retry.
    yield* server.faults.add({ method: "GET", path: "/assistant/{id}", fault: Faults.status(503, { retryAfter: 1 }), times: 2 })
    const fetched = yield* assistants.get(assistant.id)
    yield* Console.log(`get ${fetched.name} after two 503s: ${(yield* server.requests).filter((r) => r.status === 503).length} retried`)

    // A hung connection: this one effect gets a 200 ms attempt timeout and no retries.
    yield* server.faults.add({ method: "GET", path: "/call", fault: Faults.hang(), times: 1 })
    const outcome = yield* calls.list().pipe(
      VapiClient.withTimeout({ attempt: "200 millis" }),
      VapiClient.withRetry(Retry.none),
      Effect.as("answered"),
      Effect.catchTag("Timeout", (error) => Effect.succeed(`Timeout after ${error.kind} limit`))
    )
    yield* Console.log(`list calls on a hung connection: ${outcome}`)
  })

const main = Effect.gen(function*() {
  const server = yield* MockServer.make()
  const VapiLive = Node.layer({
    apiKey: server.apiKey,
    baseUrl: server.url,
    retry: Retry.make({ maxRetries: 5, baseDelay: "100 millis", maxRetryAfter: "2 seconds" }),
    timeout: { attempt: "5 seconds", total: "30 seconds" }
  })
  yield* Effect.provide(program(server), VapiLive)
})

main.pipe(Effect.scoped, NodeRuntime.runMain)
