import { assert, describe, it } from "@effect/vitest"
import * as AssistantSchemas from "@vapi-effect/schema/Assistants"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Assistants from "../src/Assistants.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const decodeAssistant = Schema.decodeUnknownSync(AssistantSchemas.Assistant)

for (const [name, http] of Clients.all) {
  describe(`Assistants over ${name}`, () => {
    it.live("list sends limit and the date range by their wire names and decodes the assistants", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("assistants", { name: "Support", firstMessage: "Hello!" })
        const assistants = yield* Assistants.Assistants
        const listed = yield* assistants.list({
          limit: 5,
          createdAtGe: new Date("2024-01-01T00:00:00.000Z"),
          updatedAtLt: new Date("2100-01-01T00:00:00.000Z")
        })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("GET", "/assistant", {
            query: "limit=5&createdAtGe=2024-01-01T00%3A00%3A00.000Z&updatedAtLt=2100-01-01T00%3A00%3A00.000Z"
          })
        )
        assert.deepStrictEqual(listed, [decodeAssistant(stored)])
        assert.strictEqual(listed[0]!.firstMessage, "Hello!")
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create posts the body as JSON and decodes the created assistant", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const assistants = yield* Assistants.Assistants
        const created = yield* assistants.create({
          name: "Support",
          firstMessage: "Hello!",
          model: { provider: "openai", model: "gpt-4o", temperature: 0.5 }
        })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("POST", "/assistant", {
            body: { name: "Support", firstMessage: "Hello!", model: { provider: "openai", model: "gpt-4o", temperature: 0.5 } }
          })
        )
        assert.strictEqual(created.name, "Support")
        assert.instanceOf(created.updatedAt, Date)
        assert.deepStrictEqual(created, decodeAssistant(yield* server.store.get("assistants", created.id)))
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("get, update and delete address the assistant by id", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("assistants", { name: "Before" })
        const assistants = yield* Assistants.Assistants

        assert.deepStrictEqual(yield* assistants.get(stored.id), decodeAssistant(stored))
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", `/assistant/${stored.id}`))

        const updated = yield* assistants.update(stored.id, { name: "After", firstMessage: "Hi" })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("PATCH", `/assistant/${stored.id}`, { body: { name: "After", firstMessage: "Hi" } })
        )
        assert.deepStrictEqual([updated.id, updated.name, updated.firstMessage], [stored.id, "After", "Hi"])

        const deleted = yield* assistants.delete(stored.id)
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("DELETE", `/assistant/${stored.id}`))
        assert.deepStrictEqual(deleted, updated)
        assert.deepStrictEqual((yield* server.store.snapshot).assistants, [])
      }).pipe(Effect.provide(Wire.services(http))))
  })
}
