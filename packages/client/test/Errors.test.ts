import { assert, describe, it } from "@effect/vitest"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Effect from "effect/Effect"
import * as Analytics from "../src/Analytics.js"
import * as Assistants from "../src/Assistants.js"
import * as Blocks from "../src/Blocks.js"
import * as Calls from "../src/Calls.js"
import * as Files from "../src/Files.js"
import * as Logs from "../src/Logs.js"
import * as PhoneNumbers from "../src/PhoneNumbers.js"
import * as Squads from "../src/Squads.js"
import * as Tools from "../src/Tools.js"
import type * as Vapi from "../src/Vapi.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

type Op = Effect.Effect<unknown, VapiError.VapiError, Vapi.Services>

/** get, update and delete of an unknown id on each CRUD resource: [operation, method, path, message, effect]. */
const unknownIds: ReadonlyArray<readonly [string, string, string, string, Op]> = [
  ["calls.get", "GET", "/call/nope", "Call with id nope not found", Effect.flatMap(Calls.Calls, (s) => s.get("nope"))],
  ["calls.update", "PATCH", "/call/nope", "Call with id nope not found", Effect.flatMap(Calls.Calls, (s) => s.update("nope", { name: "x" }))],
  ["calls.delete", "DELETE", "/call/nope", "Call with id nope not found", Effect.flatMap(Calls.Calls, (s) => s.delete("nope"))],
  ["assistants.get", "GET", "/assistant/nope", "Assistant with id nope not found", Effect.flatMap(Assistants.Assistants, (s) => s.get("nope"))],
  ["assistants.update", "PATCH", "/assistant/nope", "Assistant with id nope not found", Effect.flatMap(Assistants.Assistants, (s) => s.update("nope", { name: "x" }))],
  ["assistants.delete", "DELETE", "/assistant/nope", "Assistant with id nope not found", Effect.flatMap(Assistants.Assistants, (s) => s.delete("nope"))],
  ["phoneNumbers.get", "GET", "/phone-number/nope", "Phone number with id nope not found", Effect.flatMap(PhoneNumbers.PhoneNumbers, (s) => s.get("nope"))],
  ["phoneNumbers.update", "PATCH", "/phone-number/nope", "Phone number with id nope not found", Effect.flatMap(PhoneNumbers.PhoneNumbers, (s) => s.update("nope", { name: "x" }))],
  ["phoneNumbers.delete", "DELETE", "/phone-number/nope", "Phone number with id nope not found", Effect.flatMap(PhoneNumbers.PhoneNumbers, (s) => s.delete("nope"))],
  ["squads.get", "GET", "/squad/nope", "Squad with id nope not found", Effect.flatMap(Squads.Squads, (s) => s.get("nope"))],
  ["squads.update", "PATCH", "/squad/nope", "Squad with id nope not found", Effect.flatMap(Squads.Squads, (s) => s.update("nope", { members: [] }))],
  ["squads.delete", "DELETE", "/squad/nope", "Squad with id nope not found", Effect.flatMap(Squads.Squads, (s) => s.delete("nope"))],
  ["blocks.get", "GET", "/block/nope", "Block with id nope not found", Effect.flatMap(Blocks.Blocks, (s) => s.get("nope"))],
  ["blocks.update", "PATCH", "/block/nope", "Block with id nope not found", Effect.flatMap(Blocks.Blocks, (s) => s.update("nope", { name: "x" }))],
  ["blocks.delete", "DELETE", "/block/nope", "Block with id nope not found", Effect.flatMap(Blocks.Blocks, (s) => s.delete("nope"))],
  ["tools.get", "GET", "/tool/nope", "Tool with id nope not found", Effect.flatMap(Tools.Tools, (s) => s.get("nope"))],
  ["tools.update", "PATCH", "/tool/nope", "Tool with id nope not found", Effect.flatMap(Tools.Tools, (s) => s.update("nope", { async: true }))],
  ["tools.delete", "DELETE", "/tool/nope", "Tool with id nope not found", Effect.flatMap(Tools.Tools, (s) => s.delete("nope"))],
  ["files.get", "GET", "/file/nope", "File with id nope not found", Effect.flatMap(Files.Files, (s) => s.get("nope"))],
  ["files.update", "PATCH", "/file/nope", "File with id nope not found", Effect.flatMap(Files.Files, (s) => s.update("nope", { name: "x" }))],
  ["files.delete", "DELETE", "/file/nope", "File with id nope not found", Effect.flatMap(Files.Files, (s) => s.delete("nope"))]
]

/** Inputs the client rejects before sending: [operation, path in the input, effect]. */
const invalidInputs: ReadonlyArray<readonly [string, string, Op]> = [
  ["calls.list", "query.limit", Effect.flatMap(Calls.Calls, (s) => s.list({ limit: 5000 }))],
  ["assistants.list", "query.limit", Effect.flatMap(Assistants.Assistants, (s) => s.list({ limit: -1 }))],
  ["logs.get", "query.limit", Effect.flatMap(Logs.Logs, (s) => s.get({ limit: 5000 }))],
  ["logs.get", "query.page", Effect.flatMap(Logs.Logs, (s) => s.get({ page: 0 }))],
  ["calls.list", "query.createdAtGt", Effect.flatMap(Calls.Calls, (s) => s.list({ createdAtGt: new Date(Number.NaN) }))],
  ["calls.get", "path.id", Effect.flatMap(Calls.Calls, (s) => s.get(""))],
  [
    "analytics.get",
    "body.queries[0].name",
    Effect.flatMap(Analytics.Analytics, (s) =>
      s.get({ queries: [{ name: "x".repeat(41), operations: [{ operation: "count", column: "id" }] }] }))
  ],
  [
    "tools.create",
    "body.type",
    Effect.flatMap(Tools.Tools, (s) => s.create({ type: "carrier-pigeon" } as unknown as Tools.CreateTool))
  ],
  [
    "calls.create",
    "body.customer.number",
    Effect.flatMap(Calls.Calls, (s) => s.create({ customer: { number: 15550100 } } as unknown as Calls.CreateCall))
  ],
  [
    "squads.create",
    "body.members",
    Effect.flatMap(Squads.Squads, (s) => s.create({ name: "no members" } as unknown as Squads.CreateSquad))
  ]
]

for (const [name, http] of Clients.all) {
  describe(`errors over ${name}`, () => {
    it.live("an unknown id is a NotFound with the server's message, caught by tag", () =>
      Effect.gen(function*() {
        const wire = yield* Wire.Wire
        for (const [operation, method, path, message, effect] of unknownIds) {
          const caught = yield* effect.pipe(
            Effect.as(undefined),
            Effect.catchTag("NotFound", (error) => Effect.succeed(error))
          )
          assert.isDefined(caught, operation)
          assert.deepStrictEqual(
            { operation: caught?.operation, method: caught?.method, url: caught?.url, status: caught?.status, messages: caught?.messages },
            { operation, method, url: `${wire.url}${path}`, status: 404, messages: [message] }
          )
          const request = yield* Wire.single
          assert.deepStrictEqual([request.method, request.path], [method, path])
        }
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("invalid parameters and bodies fail with RequestValidationError before any request is sent", () =>
      Effect.gen(function*() {
        const wire = yield* Wire.Wire
        for (const [operation, path, effect] of invalidInputs) {
          const error = yield* Effect.flip(effect)
          assert.strictEqual(error._tag, "RequestValidationError", operation)
          if (error._tag !== "RequestValidationError") continue
          assert.deepStrictEqual([error.operation, error.path], [operation, path], error.message)
        }
        assert.deepStrictEqual(yield* wire.requests, [])
        assert.deepStrictEqual(yield* wire.server.requests, [])
      }).pipe(Effect.provide(Wire.services(http))))
  })
}
