/**
 * A reference, not an SDK: the platform's `FetchHttpClient` alone (`@effect/platform`, with its defaults:
 * its client span, no timeout) and `JSON.parse`, no validation, run by the same Effect load loop as ours.
 * It is the floor under our SDK over `FetchHttpClient` (`Vapi.layer` + `FetchHttpClient.layer`): whatever
 * this costs, that costs too. It runs `get` and `create` only.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { runRequests } from "../effect-load.js"
import { callId, createBody } from "../payloads.js"
import type { Sample, Task } from "../protocol.js"

const json = (what: string) => (response: HttpClientResponse.HttpClientResponse) =>
  response.status >= 200 && response.status < 300
    ? Effect.map(response.text, (text): unknown => JSON.parse(text))
    : Effect.dieMessage(`${what}: HTTP ${response.status}`)

/** Runs one `get` or `create` task over `FetchHttpClient`. */
export const run = async (task: Task): Promise<Array<Sample>> => {
  const runtime = ManagedRuntime.make(FetchHttpClient.layer)
  const headers = { authorization: `Bearer ${task.apiKey}`, accept: "application/json" }
  const program = Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const op = task.op === "get"
      ? Effect.flatMap(client.get(`${task.url}/call/${callId}`, { headers }), json("GET /call/{id}"))
      : task.op === "create"
      ? Effect.flatMap(
        client.post(`${task.url}/call`, { headers, body: HttpBody.text(JSON.stringify(createBody), "application/json") }),
        json("POST /call")
      )
      : Effect.dieMessage(`the platform reference runs get and create, not ${task.op}`)
    return yield* runRequests(task, op)
  }).pipe(Effect.orDie)
  try {
    return await runtime.runPromise(program)
  } finally {
    await runtime.dispose()
  }
}
