import { assert, describe, it } from "@effect/vitest"
import * as BlockSchemas from "@vapi-effect/schema/Blocks"
import * as Fallback from "@vapi-effect/schema/Fallback"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Blocks from "../src/Blocks.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const decodeBlock = Schema.decodeUnknownSync(BlockSchemas.Block)

const typeOf = (block: Blocks.Block): string | undefined => Fallback.isUnknownMember(block) ? block.tag : block.type

const createBodies: ReadonlyArray<Blocks.CreateBlock> = [
  { type: "conversation", instruction: "Greet the caller", name: "greet" },
  { type: "tool-call", toolId: "tool_1" },
  { type: "workflow", name: "flow" }
]

for (const [name, http] of Clients.all) {
  describe(`Blocks over ${name}`, () => {
    it.live("list sends limit and the date range by their wire names and decodes the blocks", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("blocks", { type: "conversation", instruction: "Say hi" })
        const blocks = yield* Blocks.Blocks
        const listed = yield* blocks.list({ limit: 3, updatedAtLe: new Date("2100-01-01T00:00:00.000Z") })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("GET", "/block", { query: "limit=3&updatedAtLe=2100-01-01T00%3A00%3A00.000Z" })
        )
        assert.deepStrictEqual(listed, [decodeBlock(stored)])
        assert.deepStrictEqual(listed.map(typeOf), ["conversation"])
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create takes each of the three block shapes and returns the matching member", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const blocks = yield* Blocks.Blocks
        for (const body of createBodies) {
          const created = yield* blocks.create(body)
          assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("POST", "/block", { body }))
          assert.strictEqual(typeOf(created), body.type)
          assert.isFalse(Fallback.isUnknownMember(created))
          if (Fallback.isUnknownMember(created)) continue
          assert.deepStrictEqual(created, decodeBlock(yield* server.store.get("blocks", created.id)))
        }
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("get, update and delete address the block by id", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("blocks", { type: "workflow", name: "before" })
        const blocks = yield* Blocks.Blocks

        assert.deepStrictEqual(yield* blocks.get(stored.id), decodeBlock(stored))
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", `/block/${stored.id}`))

        const updated = yield* blocks.update(stored.id, { name: "after" })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("PATCH", `/block/${stored.id}`, { body: { name: "after" } })
        )
        assert.isTrue(!Fallback.isUnknownMember(updated) && updated.type === "workflow" && updated.name === "after")

        const deleted = yield* blocks.delete(stored.id)
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("DELETE", `/block/${stored.id}`))
        assert.deepStrictEqual(deleted, updated)
        assert.deepStrictEqual((yield* server.store.snapshot).blocks, [])
      }).pipe(Effect.provide(Wire.services(http))))
  })
}
