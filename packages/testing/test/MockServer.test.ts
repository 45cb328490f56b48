import { assert, describe, it, layer } from "@effect/vitest"
import type * as Operation from "@vapi-effect/schema/Operation"
import * as SchemaOperations from "@vapi-effect/schema/Operations"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as MockServer from "../src/MockServer.js"
import { field, items, send, serverLayer } from "./utils.js"

const operation = (name: string): Operation.Operation => {
  const found = SchemaOperations.operations.find((op) => op.name === name)
  assert.isDefined(found, name)
  return found!
}

/** Asserts that a JSON answer decodes with the operation's success schema. */
const decodes = (name: string, json: unknown) => {
  const result = Schema.decodeUnknownEither(operation(name).success)(json)
  assert.isTrue(Either.isRight(result), `${name}: ${Either.isLeft(result) ? String(result.left) : ""}`)
}

const createBodies: ReadonlyArray<readonly [string, string, unknown]> = [
  ["calls", "/call", { name: "c", assistantId: "asst_1", customer: { number: "+15550100" } }],
  ["assistants", "/assistant", { name: "a", firstMessage: "Hello" }],
  ["phoneNumbers", "/phone-number", { provider: "byo-phone-number", credentialId: "cred_1", number: "+15550101" }],
  ["squads", "/squad", { name: "s", members: [{ assistantId: "asst_1" }] }],
  ["blocks", "/block", { type: "conversation", instruction: "Say hi" }],
  ["tools", "/tool", { type: "dtmf" }]
]

const updateBodies: Record<string, unknown> = {
  calls: { name: "renamed" },
  assistants: { name: "renamed" },
  phoneNumbers: { name: "renamed" },
  squads: { name: "renamed", members: [{ assistantId: "asst_2" }] },
  blocks: { name: "renamed" },
  tools: { async: true },
  files: { name: "renamed" }
}

const uploadForm = (content = "hello, file", filename = "notes.txt", type = "text/plain") => {
  const form = new FormData()
  form.append("file", new Blob([content], { type }), filename)
  return form
}

describe("MockServer", () => {
  layer(serverLayer({ seed: 7 }), { excludeTestServices: true })("all 37 operations", (it) => {
    it.effect("answer 201 for creates and 200 otherwise, with bodies that decode with the success schemas", () =>
      Effect.gen(function*() {
        let count = 0
        const check = (name: string, expected: number, res: { readonly status: number; readonly json: unknown }) => {
          assert.strictEqual(res.status, expected, name)
          decodes(name, res.json)
          count++
        }
        const files = yield* send("POST", "/file", { formData: uploadForm() })
        check("files.create", 201, files)
        const resources = [...createBodies, ["files", "/file", undefined] as const]
        for (const [group, path, body] of resources) {
          const created = group === "files" ? files : yield* send("POST", path, { body })
          if (group !== "files") check(`${group}.create`, 201, created)
          const id = String(field(created.json, "id"))
          check(`${group}.list`, 200, yield* send("GET", `${path}?limit=5`))
          check(`${group}.get`, 200, yield* send("GET", `${path}/${id}`))
          check(`${group}.update`, 200, yield* send("PATCH", `${path}/${id}`, { body: updateBodies[group] }))
          check(`${group}.delete`, 200, yield* send("DELETE", `${path}/${id}`))
        }
        check(
          "analytics.get",
          200,
          yield* send("POST", "/analytics", {
            body: {
              queries: [{
                table: "call",
                name: "count",
                operations: [{ operation: "count", column: "id" }],
                groupBy: ["assistantId"]
              }]
            }
          })
        )
        check("logs.get", 200, yield* send("GET", "/logs?limit=3&page=2&sortOrder=DESC"))
        assert.strictEqual(count, 37)
        assert.strictEqual(SchemaOperations.operations.length, 37)
      }))
  })

  layer(serverLayer({ seed: 7 }), { excludeTestServices: true })("errors", (it) => {
    it.effect("400 with NestJS-style messages for invalid bodies", () =>
      Effect.gen(function*() {
        const cases: ReadonlyArray<readonly [string, string, unknown, ReadonlyArray<string>]> = [
          ["POST", "/call", { name: "x".repeat(41) }, ["name must be shorter than or equal to 40 characters"]],
          ["POST", "/call", { name: 5, foo: 1 }, ["property foo should not exist", "name must be a string"]],
          ["POST", "/squad", {}, ["members must be an array"]],
          ["POST", "/squad", { members: [{ assistantId: 5 }] }, ["members.0.assistantId must be a string"]],
          ["POST", "/phone-number", { provider: "nope" }, [
            "provider must be one of the following values: byo-phone-number, twilio, vonage, vapi"
          ]],
          ["POST", "/phone-number", { provider: "twilio" }, [
            "number must be a string",
            "twilioAccountSid must be a string",
            "twilioAuthToken must be a string"
          ]],
          ["POST", "/tool", { type: "dtmf", async: "yes" }, ["async must be a boolean value"]],
          ["POST", "/block", { type: "conversation" }, ["instruction must be a string"]],
          ["POST", "/assistant", { silenceTimeoutSeconds: 1, endCallPhrases: [1] }, [
            "silenceTimeoutSeconds must not be less than 10",
            "each value in endCallPhrases must be a string"
          ]],
          ["POST", "/assistant", { model: { provider: "openai", model: "gpt-4o", temperature: 9 } }, [
            "model.temperature must not be greater than 2"
          ]],
          ["POST", "/analytics", { queries: [{ table: "x", name: "n", operations: [] }] }, [
            "queries.0.table must be equal to call"
          ]],
          ["POST", "/analytics", {
            queries: [{ table: "call", name: "n", timeRange: { start: "yesterday" }, operations: [] }]
          }, ["queries.0.timeRange.start must be a valid ISO 8601 date string"]],
          ["POST", "/call", [1, 2], ["body must be an object"]]
        ]
        for (const [method, path, body, messages] of cases) {
          const res = yield* send(method === "POST" ? "POST" : "PATCH", path, { body })
          assert.strictEqual(res.status, 400, JSON.stringify(body))
          assert.deepStrictEqual(res.json, { message: messages, error: "Bad Request", statusCode: 400 })
        }
        const server = yield* MockServer.MockServer
        const snapshot = yield* server.store.snapshot
        assert.deepStrictEqual([snapshot.calls, snapshot.squads, snapshot.tools], [[], [], []])
      }))

    it.effect("400 before 404 for an invalid PATCH of an unknown id, as the validation pipe runs first", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* send("PATCH", "/call/nope", { body: { name: 1 } })).status, 400)
        assert.strictEqual((yield* send("PATCH", "/call/nope", { body: { name: "ok" } })).status, 404)
      }))

    it.effect("400 for unreadable JSON, with the parser's message", () =>
      Effect.gen(function*() {
        const server = yield* MockServer.MockServer
        const res = yield* Effect.promise(() =>
          fetch(`${server.url}/call`, {
            method: "POST",
            headers: { authorization: `Bearer ${Redacted.value(server.apiKey)}`, "content-type": "application/json" },
            body: "{\"name\": "
          }).then(async (r) => ({ status: r.status, json: await r.json() }))
        )
        assert.strictEqual(res.status, 400)
        assert.isString(field(res.json, "message"))
        assert.strictEqual(field(res.json, "error"), "Bad Request")
      }))

    it.effect("400 for invalid query parameters", () =>
      Effect.gen(function*() {
        const list = yield* send("GET", "/call?limit=5000&createdAtGt=yesterday")
        assert.deepStrictEqual(list.json, {
          message: ["limit must not be greater than 1000", "createdAtGt must be a valid ISO 8601 date string"],
          error: "Bad Request",
          statusCode: 400
        })
        const logs = yield* send("GET", "/logs?page=0&sortOrder=UP&type=X&limit=-1")
        assert.deepStrictEqual(field(logs.json, "message"), [
          "type must be one of the following values: API, Webhook, Call, Provider",
          "page must not be less than 1",
          "sortOrder must be one of the following values: ASC, DESC",
          "limit must not be less than 0"
        ])
      }))

    it.effect("404 for unknown ids on every resource, and for unknown routes", () =>
      Effect.gen(function*() {
        for (const path of ["/call", "/assistant", "/phone-number", "/squad", "/block", "/tool", "/file"]) {
          for (const method of ["GET", "DELETE"] as const) {
            const res = yield* send(method, `${path}/missing-id`)
            assert.strictEqual(res.status, 404, `${method} ${path}`)
            assert.strictEqual(field(res.json, "error"), "Not Found")
            assert.strictEqual(field(res.json, "statusCode"), 404)
            assert.include(String(field(res.json, "message")), "missing-id")
          }
        }
        const unknown = yield* send("GET", "/nope")
        assert.deepStrictEqual(unknown.json, { message: "Cannot GET /nope", error: "Not Found", statusCode: 404 })
      }))

    it.effect("401 without a bearer token, with an empty one, or with another scheme", () =>
      Effect.gen(function*() {
        const server = yield* MockServer.MockServer
        for (const authorization of [undefined, "Bearer ", "Basic abc"]) {
          const res = yield* Effect.promise(() =>
            fetch(`${server.url}/assistant`, { headers: authorization === undefined ? {} : { authorization } })
              .then(async (r) => ({ status: r.status, json: await r.json() }))
          )
          assert.strictEqual(res.status, 401)
          assert.deepStrictEqual(res.json, { message: "Unauthorized", statusCode: 401 })
        }
        assert.strictEqual((yield* send("GET", "/assistant", { token: "any-token-works" })).status, 200)
      }))
  })

  it.live("with a configured apiKey, only that key is accepted", () =>
    Effect.gen(function*() {
      const server = yield* MockServer.MockServer
      assert.strictEqual(Redacted.value(server.apiKey), "sk-test")
      assert.strictEqual((yield* send("GET", "/call", { token: "other" })).status, 401)
      assert.strictEqual((yield* send("GET", "/call", { token: "sk-test" })).status, 200)
      assert.strictEqual((yield* send("GET", "/__admin/faults", { token: "other" })).status, 401)
    }).pipe(Effect.provide(serverLayer({ apiKey: "sk-test" }))))

  it.live("listens on 127.0.0.1 on the requested port", () =>
    Effect.gen(function*() {
      const port = yield* Effect.scoped(Effect.map(MockServer.make(), (server) => server.port))
      yield* Effect.scoped(Effect.gen(function*() {
        const server = yield* MockServer.make({ port })
        assert.strictEqual(server.url, `http://127.0.0.1:${port}`)
        const taken = yield* Effect.flip(Effect.scoped(MockServer.make({ port })))
        assert.strictEqual(taken._tag, "ServeError")
      }))
    }))

  it.live("validation can be turned off", () =>
    Effect.gen(function*() {
      const res = yield* send("POST", "/call", { body: { name: 5, anything: true } })
      assert.strictEqual(res.status, 201)
      assert.strictEqual(field(res.json, "anything"), true)
    }).pipe(Effect.provide(serverLayer({ validateRequests: false }))))
})

describe("MockServer files", () => {
  it.live("multipart upload records size, mimetype and filename; the url serves the bytes", () =>
    Effect.gen(function*() {
      const res = yield* send("POST", "/file", { formData: uploadForm("hello, file", "notes.txt", "text/plain") })
      assert.strictEqual(res.status, 201)
      assert.strictEqual(field(res.json, "originalName"), "notes.txt")
      assert.strictEqual(field(res.json, "name"), "notes.txt")
      assert.strictEqual(field(res.json, "bytes"), 11)
      assert.strictEqual(field(res.json, "mimetype"), "text/plain")
      assert.strictEqual(field(res.json, "status"), "indexed")
      const url = String(field(res.json, "url"))
      const server = yield* MockServer.MockServer
      assert.isTrue(url.startsWith(`${server.url}/__files/`))
      const download = yield* Effect.promise(() =>
        fetch(url).then(async (r) => ({ status: r.status, type: r.headers.get("content-type"), text: await r.text() }))
      )
      assert.deepStrictEqual(download, { status: 200, type: "text/plain", text: "hello, file" })
      const id = String(field(res.json, "id"))
      assert.deepStrictEqual(
        new TextDecoder().decode(yield* server.store.content(id)),
        "hello, file"
      )
      const binary = new Uint8Array(300_000).map((_, i) => i % 251)
      const big = new FormData()
      big.append("file", new Blob([binary], { type: "application/pdf" }), "big.pdf")
      const uploaded = yield* send("POST", "/file", { formData: big })
      assert.strictEqual(field(uploaded.json, "bytes"), 300_000)
      assert.deepStrictEqual(yield* server.store.content(String(field(uploaded.json, "id"))), binary)
      // A JSON file is a file, not a text field.
      const json = yield* send("POST", "/file", { formData: uploadForm(`{"faq":[]}`, "faq.json", "application/json") })
      assert.strictEqual(json.status, 201)
      assert.deepStrictEqual([field(json.json, "mimetype"), field(json.json, "bytes")], ["application/json", 10])
    }).pipe(Effect.provide(serverLayer())))

  it.live("POST /file without a file part, or as JSON, is a 400", () =>
    Effect.gen(function*() {
      const form = new FormData()
      form.append("other", "value")
      const noFile = yield* send("POST", "/file", { formData: form })
      assert.strictEqual(noFile.status, 400)
      assert.deepStrictEqual(field(noFile.json, "message"), ["file should not be empty"])
      const json = yield* send("POST", "/file", { body: { file: "x" } })
      assert.strictEqual(json.status, 400)
    }).pipe(Effect.provide(serverLayer())))
})

describe("MockServer list semantics", () => {
  it.live("limit, createdAt filters and assistantId over HTTP", () =>
    Effect.gen(function*() {
      const ids: Array<string> = []
      for (let i = 0; i < 5; i++) {
        const res = yield* send("POST", "/call", { body: { name: `c${i}`, assistantId: i % 2 === 0 ? "even" : "odd" } })
        ids.push(String(field(res.json, "id")))
        yield* Effect.sleep("5 millis")
      }
      const names = (query: string) =>
        Effect.map(send("GET", `/call${query}`), (res) => items(res.json).map((c) => field(c, "name")))
      assert.deepStrictEqual(yield* names(""), ["c4", "c3", "c2", "c1", "c0"])
      assert.deepStrictEqual(yield* names("?limit=2"), ["c4", "c3"])
      assert.deepStrictEqual(yield* names("?assistantId=even"), ["c4", "c2", "c0"])
      const server = yield* MockServer.MockServer
      const c2 = yield* server.store.get("calls", ids[2]!)
      assert.deepStrictEqual(yield* names(`?createdAtGt=${c2.createdAt}`), ["c4", "c3"])
      assert.deepStrictEqual(yield* names(`?createdAtLe=${encodeURIComponent(c2.createdAt)}&limit=1`), ["c2"])
      yield* send("PATCH", `/call/${ids[0]}`, { body: { name: "c0b" } })
      assert.deepStrictEqual(yield* names(`?updatedAtGt=${c2.createdAt}&createdAtLt=${c2.createdAt}`), ["c0b"])
    }).pipe(Effect.provide(serverLayer())))

  it.live("the same seed gives the same ids over HTTP", () =>
    Effect.gen(function*() {
      const run = Effect.gen(function*() {
        const out: Array<unknown> = []
        for (const [, path, body] of createBodies) out.push(field((yield* send("POST", path, { body })).json, "id"))
        out.push(field((yield* send("POST", "/file", { formData: uploadForm() })).json, "id"))
        const server = yield* MockServer.MockServer
        out.push(server.store.orgId, Redacted.value(server.apiKey))
        return out
      })
      const a = yield* Effect.provide(run, serverLayer({ seed: "same" }))
      const b = yield* Effect.provide(run, serverLayer({ seed: "same" }))
      const c = yield* Effect.provide(run, serverLayer({ seed: "other" }))
      assert.deepStrictEqual(a, b)
      assert.notStrictEqual(a.join(), c.join())
    }))
})
