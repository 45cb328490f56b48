import { assert, describe, it } from "@effect/vitest"
import * as Fallback from "@vapi-effect/schema/Fallback"
import * as ToolSchemas from "@vapi-effect/schema/Tools"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Tools from "../src/Tools.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const decodeTool = Schema.decodeUnknownSync(ToolSchemas.Tool)

const typeOf = (tool: Tools.Tool): string | undefined => Fallback.isUnknownMember(tool) ? tool.tag : tool.type

const createBodies: ReadonlyArray<Tools.CreateTool> = [
  { type: "dtmf", async: false },
  { type: "endCall" },
  {
    type: "function",
    function: { name: "lookup", parameters: { type: "object", properties: { id: { type: "string" } } } }
  },
  { type: "ghl", metadata: { workflowId: "wf_1", locationId: "loc_1" } },
  { type: "make", metadata: { scenarioId: 42, triggerHookId: 7 } },
  { type: "transferCall", destinations: [{ type: "number", number: "+15550100" }] },
  { type: "output" }
]

for (const [name, http] of Clients.all) {
  describe(`Tools over ${name}`, () => {
    it.live("list sends limit and the date range by their wire names and decodes the tools", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("tools", { type: "endCall" })
        const tools = yield* Tools.Tools
        const listed = yield* tools.list({ limit: 1000, createdAtGt: new Date("2000-01-01T00:00:00.000Z") })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("GET", "/tool", { query: "limit=1000&createdAtGt=2000-01-01T00%3A00%3A00.000Z" })
        )
        assert.deepStrictEqual(listed, [decodeTool(stored)])
        assert.deepStrictEqual(listed.map(typeOf), ["endCall"])
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create takes each of the seven tool shapes and returns the matching member", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const tools = yield* Tools.Tools
        for (const body of createBodies) {
          const created = yield* tools.create(body)
          assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("POST", "/tool", { body }))
          assert.strictEqual(typeOf(created), body.type)
          assert.isFalse(Fallback.isUnknownMember(created), body.type)
          if (Fallback.isUnknownMember(created)) continue
          assert.deepStrictEqual(created, decodeTool(yield* server.store.get("tools", created.id)))
        }
        assert.strictEqual((yield* server.store.snapshot).tools.length, 7)
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("get, update and delete address the tool by id", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("tools", { type: "dtmf" })
        const tools = yield* Tools.Tools

        assert.deepStrictEqual(yield* tools.get(stored.id), decodeTool(stored))
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", `/tool/${stored.id}`))

        const updated = yield* tools.update(stored.id, { async: true })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("PATCH", `/tool/${stored.id}`, { body: { async: true } })
        )
        assert.isTrue(!Fallback.isUnknownMember(updated) && updated.type === "dtmf" && updated.async === true)

        const deleted = yield* tools.delete(stored.id)
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("DELETE", `/tool/${stored.id}`))
        assert.deepStrictEqual(deleted, updated)
        assert.deepStrictEqual((yield* server.store.snapshot).tools, [])
      }).pipe(Effect.provide(Wire.services(http))))
  })
}
