import { assert, describe, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as MockServer from "../src/MockServer.js"
import { field, send, serverLayer } from "./utils.js"

describe("MockServer", () => {
  layer(serverLayer({ seed: 7 }), { excludeTestServices: true })("CRUD over HTTP", (it) => {
    it.effect("creates, reads, lists, updates and deletes an assistant", () =>
      Effect.gen(function*() {
        const created = yield* send("POST", "/assistant", { body: { name: "Riley", firstMessage: "Hi" } })
        assert.strictEqual(created.status, 201)
        const id = field(created.json, "id")
        assert.isString(id)
        const got = yield* send("GET", `/assistant/${id}`)
        assert.strictEqual(got.status, 200)
        assert.deepStrictEqual(got.json, created.json)
        const listed = yield* send("GET", "/assistant?limit=10")
        assert.strictEqual(listed.status, 200)
        assert.isArray(listed.json)
        const patched = yield* send("PATCH", `/assistant/${id}`, { body: { name: "Riley 2" } })
        assert.strictEqual(patched.status, 200)
        assert.strictEqual(field(patched.json, "name"), "Riley 2")
        assert.strictEqual(field(patched.json, "firstMessage"), "Hi")
        const deleted = yield* send("DELETE", `/assistant/${id}`)
        assert.strictEqual(deleted.status, 200)
        assert.deepStrictEqual(deleted.json, patched.json)
        const gone = yield* send("GET", `/assistant/${id}`)
        assert.strictEqual(gone.status, 404)
        assert.deepStrictEqual(gone.json, {
          message: `Assistant with id ${id} not found`,
          error: "Not Found",
          statusCode: 404
        })
        const server = yield* MockServer.MockServer
        const requests = yield* server.requests
        assert.deepStrictEqual(requests.map((r) => r.status), [201, 200, 200, 200, 200, 404])
      }))

    it.effect("401 without a bearer token", () =>
      Effect.gen(function*() {
        const res = yield* send("GET", "/call", { token: null })
        assert.strictEqual(res.status, 401)
        assert.deepStrictEqual(res.json, { message: "Unauthorized", statusCode: 401 })
      }))
  })
})
