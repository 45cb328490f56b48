/**
 * Our SDK, `@vapi-effect/client`, exactly as a user writes it: `Node.layer` (undici through `NodeTransport`)
 * for the "undici" variant, `Vapi.layer` over the platform's `FetchHttpClient` for "fetch"; `Calls.Calls` and
 * `Logs.Logs` from the context, and the load loop itself an Effect (`concurrency` fibers issuing requests back to back), run
 * once per window on a `ManagedRuntime`. Every response is decoded and validated by the generated schemas.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Calls from "@vapi-effect/client/Calls"
import * as Fetch from "@vapi-effect/client/Fetch"
import * as Logs from "@vapi-effect/client/Logs"
import * as Vapi from "@vapi-effect/client/Vapi"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { measureEffect, runRequests } from "../effect-load.js"
import { logsSample, partitions, walkConcurrency } from "../load.js"
import { callId, createBody } from "../payloads.js"
import { logsPageSize, type Sample, type Task } from "../protocol.js"

/**
 * Runs one task with our SDK: `Node.layer` for "undici", `Vapi.layer` over `FetchHttpClient` for "fetch",
 * `Fetch.layer` (FetchTransport) for "fetch-transport".
 */
export const run = async (task: Task, transport: "fetch" | "fetch-transport" | "undici"): Promise<Array<Sample>> => {
  const options = { apiKey: Redacted.make(task.apiKey), baseUrl: task.url }
  // `Node` is loaded only where it is used, as an app over `fetch` would never import it: it loads undici,
  // whose first import makes its own `Agent` the dispatcher of Node's global `fetch` (~+130 µs a `get` there).
  const runtime = ManagedRuntime.make(
    transport === "fetch"
      ? Vapi.layer(options).pipe(Layer.provide(FetchHttpClient.layer))
      : transport === "fetch-transport"
      ? Fetch.layer(options)
      : (await import("@vapi-effect/client/Node")).layer(options)
  )
  try {
    return await runtime.runPromise(program(task))
  } finally {
    await runtime.dispose()
  }
}

const program = (task: Task) =>
  Effect.gen(function*() {
    const calls = yield* Calls.Calls
    const logs = yield* Logs.Logs

    if (task.op === "logs-stream") {
      const walk = (startPage: number, rows: number) =>
        logs.stream({ limit: logsPageSize, page: startPage }).pipe(
          Stream.take(rows),
          Stream.runFold(0, (n, log) => log.responseHttpCode > 0 ? n + 1 : n)
        )
      const walkAll = (rows: number) =>
        Effect.forEach(partitions(rows, walkConcurrency(task)), (p) => walk(p.startPage, p.rows), {
          concurrency: "unbounded"
        }).pipe(
          Effect.flatMap((counts) => {
            const total = counts.reduce((a, b) => a + b, 0)
            return total === rows ? Effect.void : Effect.dieMessage(`logs walk read ${total} rows, expected ${rows}`)
          })
        )
      yield* walkAll(task.warmupRows)
      return [logsSample(task, yield* measureEffect(walkAll(task.rows)))]
    }

    const op: Effect.Effect<unknown, unknown> = task.op === "get"
      ? calls.get(callId)
      : task.op === "create"
      ? calls.create(createBody)
      : Effect.flatMap(
        calls.list({ limit: 100 }),
        (list) => list.length === 100 ? Effect.void : Effect.dieMessage(`list returned ${list.length} calls`)
      )

    return yield* runRequests(task, op)
  }).pipe(Effect.orDie)
