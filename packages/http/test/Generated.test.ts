/**
 * The interpreter with the descriptors generated into `@vapi-effect/schema` (built with `Operation.make`).
 */
import { assert, describe, it } from "@effect/vitest"
import { CallsCreate, CallsGet, CallsList } from "@vapi-effect/schema/Calls"
import { FilesCreate } from "@vapi-effect/schema/Files"
import * as Effect from "effect/Effect"
import * as Multipart from "../src/Multipart.js"
import * as VapiClient from "../src/VapiClient.js"
import * as Fake from "./utils/fake.js"

describe("generated descriptors", () => {
  it.effect("build the expected requests", () => {
    const fake = Fake.layer((request) =>
      request.method === "GET" && request.url.pathname === "/call" ? Fake.json(200, []) : Fake.json(404, { message: "x" })
    )
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const calls = yield* client.execute(CallsList, {
        query: { assistantId: "asst_1", limit: 10, createdAtGt: new Date("2024-10-01T00:00:00Z") }
      })
      assert.deepStrictEqual(calls, [])
      assert.deepStrictEqual([...fake.requests[0].url.searchParams.entries()], [
        ["assistantId", "asst_1"],
        ["limit", "10"],
        ["createdAtGt", "2024-10-01T00:00:00.000Z"]
      ])
      const missing = yield* Effect.flip(client.execute(CallsGet, { path: { id: "call 1" } }))
      assert.strictEqual(missing._tag, "NotFound")
      assert.strictEqual(fake.requests[1].url.pathname, "/call/call%201")
      const noPath = yield* Effect.flip(client.execute(CallsGet, {}))
      assert.isTrue(noPath._tag === "RequestValidationError" && noPath.path === "path.id")
      yield* Effect.flip(client.execute(CallsCreate, { body: {} }))
      assert.strictEqual(fake.requests[2].method, "POST")
      assert.strictEqual(Fake.utf8(fake.requests[2].body), "{}")
      const body = Multipart.make([Multipart.file({ filename: "a.txt", content: new TextEncoder().encode("hi") })])
      yield* Effect.flip(client.execute(FilesCreate, { body }))
      assert.match(fake.requests[3].headers["content-type"] ?? "", /^multipart\/form-data; boundary=/)
      assert.strictEqual(fake.requests.length, 4)
    }).pipe(Effect.provide(fake.layer))
  })
})
