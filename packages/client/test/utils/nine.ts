/**
 * One request through each of the nine services, and the requests the proxy saw.
 */
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Analytics from "../../src/Analytics.js"
import * as Assistants from "../../src/Assistants.js"
import * as Blocks from "../../src/Blocks.js"
import * as Calls from "../../src/Calls.js"
import * as Files from "../../src/Files.js"
import * as Logs from "../../src/Logs.js"
import * as PhoneNumbers from "../../src/PhoneNumbers.js"
import * as Squads from "../../src/Squads.js"
import * as Tools from "../../src/Tools.js"
import * as Wire from "./wire.js"

/** One request through each of the nine services. */
export const oneOfEach = Effect.gen(function*() {
  yield* Effect.flatMap(Calls.Calls, (s) => s.list({ limit: 1 }))
  yield* Effect.flatMap(Assistants.Assistants, (s) => s.list({ limit: 1 }))
  yield* Effect.flatMap(PhoneNumbers.PhoneNumbers, (s) => s.list({ limit: 1 }))
  yield* Effect.flatMap(Squads.Squads, (s) => s.list({ limit: 1 }))
  yield* Effect.flatMap(Blocks.Blocks, (s) => s.list({ limit: 1 }))
  yield* Effect.flatMap(Tools.Tools, (s) => s.list({ limit: 1 }))
  yield* Effect.flatMap(Files.Files, (s) => s.list())
  yield* Effect.flatMap(Analytics.Analytics, (s) => s.get({ queries: [{ name: "n", operations: [{ operation: "count", column: "id" }] }] }))
  yield* Effect.flatMap(Logs.Logs, (s) => s.get({ limit: 1 }))
})

/** What {@link oneOfEach} sends. */
export const nineRequests: ReadonlyArray<string> = [
  "GET /call?limit=1",
  "GET /assistant?limit=1",
  "GET /phone-number?limit=1",
  "GET /squad?limit=1",
  "GET /block?limit=1",
  "GET /tool?limit=1",
  "GET /file?",
  "POST /analytics?",
  "GET /logs?limit=1"
]

/** The requests received, as `METHOD /path?query`, each checked for the bearer token. */
export const received = Effect.gen(function*() {
  const wire = yield* Wire.Wire
  const requests = yield* wire.requests
  for (const request of requests) assert.strictEqual(request.headers["authorization"], `Bearer ${Wire.API_KEY}`)
  return requests.map((request) => `${request.method} ${request.path}?${request.query}`)
})

