import { assert, describe, it } from "@effect/vitest"
import * as SquadSchemas from "@vapi-effect/schema/Squads"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Squads from "../src/Squads.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const decodeSquad = Schema.decodeUnknownSync(SquadSchemas.Squad)

for (const [name, http] of Clients.all) {
  describe(`Squads over ${name}`, () => {
    it.live("list sends limit and the date range by their wire names and decodes the squads", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("squads", { name: "Desk", members: [{ assistantId: "asst_1" }] })
        const squads = yield* Squads.Squads
        const listed = yield* squads.list({ limit: 1, createdAtLt: new Date("2100-01-01T00:00:00.000Z") })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("GET", "/squad", { query: "limit=1&createdAtLt=2100-01-01T00%3A00%3A00.000Z" })
        )
        assert.deepStrictEqual(listed, [decodeSquad(stored)])
        assert.deepStrictEqual(listed[0]!.members.map((member) => member.assistantId), ["asst_1"])
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create posts the members as JSON and decodes the created squad", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const squads = yield* Squads.Squads
        const created = yield* squads.create({ name: "Desk", members: [{ assistantId: "asst_1" }, { assistantId: "asst_2" }] })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("POST", "/squad", {
            body: { name: "Desk", members: [{ assistantId: "asst_1" }, { assistantId: "asst_2" }] }
          })
        )
        assert.deepStrictEqual(created.members.map((member) => member.assistantId), ["asst_1", "asst_2"])
        assert.deepStrictEqual(created, decodeSquad(yield* server.store.get("squads", created.id)))
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("get, update and delete address the squad by id", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("squads", { name: "Before", members: [{ assistantId: "asst_1" }] })
        const squads = yield* Squads.Squads

        assert.deepStrictEqual(yield* squads.get(stored.id), decodeSquad(stored))
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", `/squad/${stored.id}`))

        const updated = yield* squads.update(stored.id, { name: "After", members: [{ assistantId: "asst_3" }] })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("PATCH", `/squad/${stored.id}`, { body: { name: "After", members: [{ assistantId: "asst_3" }] } })
        )
        assert.deepStrictEqual([updated.name, updated.members[0]!.assistantId], ["After", "asst_3"])

        const deleted = yield* squads.delete(stored.id)
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("DELETE", `/squad/${stored.id}`))
        assert.deepStrictEqual(deleted, updated)
        assert.deepStrictEqual((yield* server.store.snapshot).squads, [])
      }).pipe(Effect.provide(Wire.services(http))))
  })
}
