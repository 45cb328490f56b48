import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { assert, describe, it } from "@effect/vitest"
import * as Analytics from "@vapi-effect/client/Analytics"
import * as Assistants from "@vapi-effect/client/Assistants"
import * as Blocks from "@vapi-effect/client/Blocks"
import * as Calls from "@vapi-effect/client/Calls"
import * as Files from "@vapi-effect/client/Files"
import * as Logs from "@vapi-effect/client/Logs"
import * as PhoneNumbers from "@vapi-effect/client/PhoneNumbers"
import * as Squads from "@vapi-effect/client/Squads"
import * as Tools from "@vapi-effect/client/Tools"
import * as Vapi from "@vapi-effect/client/Vapi"
import * as Multipart from "@vapi-effect/http/Multipart"
import type * as Pagination from "@vapi-effect/http/Pagination"
import * as Retry from "@vapi-effect/http/Retry"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as FilesOps from "@vapi-effect/schema/Files"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { MockServer, Store, VapiTest } from "../src/index.js"
import { field } from "./utils.js"

const start = Date.parse("2024-10-23T12:00:00.000Z")
const iso = (millis: number) => new Date(millis).toISOString()

/** The tag and message of a failure, or "succeeded". */
const failureOf = <A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.match(effect, { onFailure: (error) => error._tag, onSuccess: () => "succeeded" })

interface CrudService<A, C, U> {
  readonly list: () => Effect.Effect<ReadonlyArray<A>, VapiError.VapiError>
  readonly create: (body: C) => Effect.Effect<A, VapiError.VapiError>
  readonly get: (id: string) => Effect.Effect<A, VapiError.VapiError>
  readonly update: (id: string, body: U) => Effect.Effect<A, VapiError.VapiError>
  readonly delete: (id: string) => Effect.Effect<A, VapiError.VapiError>
  readonly stream: () => Stream.Stream<A, unknown>
}

interface CrudCase<C, U> {
  readonly resource: Store.Resource
  readonly path: string
  readonly create: C
  readonly update: U
  /** A field that `update` changes, and its value afterwards. */
  readonly changed: readonly [string, unknown]
}

const idOf = (value: unknown): string => {
  const id = field(value, "id")
  if (typeof id !== "string") assert.fail(`no id in ${JSON.stringify(value)}`)
  return id
}

/** Runs the whole CRUD cycle of one service, checking the store and the log after each step. */
const crud = <A, C, U>(service: CrudService<A, C, U>, spec: CrudCase<C, U>) =>
  Effect.gen(function*() {
    const store = yield* VapiTest.Store
    yield* TestClock.setTime(start)
    const first = yield* service.create(spec.create)
    yield* TestClock.adjust("1 minute")
    const second = yield* service.create(spec.create)
    const [firstId, secondId] = [idOf(first), idOf(second)]
    assert.notStrictEqual(firstId, secondId)
    assert.deepStrictEqual(field(first, "createdAt"), new Date(start))
    assert.strictEqual((yield* store.get(spec.resource, firstId)).createdAt, iso(start))

    assert.deepStrictEqual(yield* service.get(firstId), first)
    assert.deepStrictEqual((yield* service.list()).map(idOf), [secondId, firstId])
    assert.deepStrictEqual(Chunk.toReadonlyArray(yield* Stream.runCollect(service.stream())).map(idOf), [secondId, firstId])

    yield* TestClock.adjust("1 minute")
    const updated = yield* service.update(firstId, spec.update)
    assert.deepStrictEqual(field(updated, spec.changed[0]), spec.changed[1])
    assert.deepStrictEqual(field(updated, "updatedAt"), new Date(start + 120_000))
    assert.deepStrictEqual(field(updated, "createdAt"), new Date(start))
    assert.deepStrictEqual(field(yield* store.get(spec.resource, firstId), spec.changed[0]), spec.changed[1])

    const deleted = yield* service.delete(firstId)
    assert.deepStrictEqual(deleted, updated)
    assert.deepStrictEqual((yield* store.list(spec.resource)).map((record) => record.id), [secondId])
    const missing = yield* Effect.flip(service.get(firstId))
    assert.strictEqual(missing._tag, "NotFound")

    const { logs } = yield* store.snapshot
    assert.deepStrictEqual(
      logs.map((log) => [log.requestHttpMethod, log.requestPath, log.responseHttpCode]),
      [
        ["POST", spec.path, 201],
        ["POST", spec.path, 201],
        ["GET", `${spec.path}/${firstId}`, 200],
        ["GET", spec.path, 200],
        ["GET", spec.path, 200],
        ["PATCH", `${spec.path}/${firstId}`, 200],
        ["DELETE", `${spec.path}/${firstId}`, 200],
        ["GET", `${spec.path}/${firstId}`, 404]
      ]
    )
  })

describe("VapiTest.layer: the nine services", () => {
  it.effect("Assistants", () =>
    Effect.flatMap(Assistants.Assistants, (service) =>
      crud(service, {
        resource: "assistants",
        path: "/assistant",
        create: { name: "Riley", firstMessage: "Hello" },
        update: { name: "Riley 2" },
        changed: ["name", "Riley 2"]
      })).pipe(Effect.provide(VapiTest.layer)))

  it.effect("PhoneNumbers", () =>
    Effect.flatMap(PhoneNumbers.PhoneNumbers, (service) =>
      crud(service, {
        resource: "phoneNumbers",
        path: "/phone-number",
        create: { provider: "byo-phone-number", credentialId: "cred_1", number: "+15550101" },
        update: { name: "front desk" },
        changed: ["name", "front desk"]
      })).pipe(Effect.provide(VapiTest.layer)))

  it.effect("Squads", () =>
    Effect.flatMap(Squads.Squads, (service) =>
      crud(service, {
        resource: "squads",
        path: "/squad",
        create: { name: "s", members: [{ assistantId: "asst_1" }] },
        update: { members: [{ assistantId: "asst_2" }] },
        changed: ["members", [{ assistantId: "asst_2" }]]
      })).pipe(Effect.provide(VapiTest.layer)))

  it.effect("Blocks", () =>
    Effect.flatMap(Blocks.Blocks, (service) =>
      crud(service, {
        resource: "blocks",
        path: "/block",
        create: { type: "conversation", instruction: "Say hi" },
        update: { name: "greeting" },
        changed: ["name", "greeting"]
      })).pipe(Effect.provide(VapiTest.layer)))

  it.effect("Tools", () =>
    Effect.flatMap(Tools.Tools, (service) =>
      crud(service, {
        resource: "tools",
        path: "/tool",
        create: { type: "dtmf" },
        update: { async: true },
        changed: ["async", true]
      })).pipe(Effect.provide(VapiTest.layer)))

  it.effect("Calls: the CRUD cycle", () =>
    Effect.flatMap(Calls.Calls, (service) =>
      crud(service, {
        resource: "calls",
        path: "/call",
        create: { assistantId: "asst_1", customer: { number: "+15550100" } },
        update: { name: "follow-up" },
        changed: ["name", "follow-up"]
      })).pipe(Effect.provide(VapiTest.layer)))

  it.effect("Calls: server-set fields, filters and keyset pagination", () =>
    Effect.gen(function*() {
      const calls = yield* Calls.Calls
      yield* TestClock.setTime(start)
      const placed = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
      assert.strictEqual(placed.status, "queued")
      assert.strictEqual(placed.type, "webCall")
      assert.strictEqual(placed.orgId, (yield* VapiTest.Store).orgId)
      for (let i = 0; i < 4; i++) {
        yield* TestClock.adjust("1 second")
        yield* calls.create({ assistantId: i % 2 === 0 ? "asst_2" : "asst_1", name: `call ${i}` })
      }
      assert.deepStrictEqual((yield* calls.list({ assistantId: "asst_2" })).map((call) => call.name), ["call 2", "call 0"])
      assert.deepStrictEqual(
        (yield* calls.list({ createdAtGt: new Date(start + 2000), limit: 10 })).map((call) => call.name),
        ["call 3", "call 2"]
      )
      assert.deepStrictEqual((yield* calls.list({ limit: 1 })).map((call) => call.name), ["call 3"])
      const streamed = yield* Stream.runCollect(calls.stream({ limit: 2 }))
      assert.deepStrictEqual(
        Chunk.toReadonlyArray(streamed).map((call) => call.name),
        ["call 3", "call 2", "call 1", "call 0", undefined]
      )
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("Files: multipart uploads from bytes and a Blob, then the CRUD methods", () =>
    Effect.gen(function*() {
      const files = yield* Files.Files
      const store = yield* VapiTest.Store
      const faq = yield* files.create({ content: new TextEncoder().encode("# FAQ"), filename: "faq.md" })
      assert.strictEqual(faq.name, "faq.md")
      assert.strictEqual(faq.bytes, 5)
      assert.strictEqual(faq.mimetype, "text/markdown")
      assert.strictEqual(faq.url, `${VapiTest.baseUrl}/__files/${faq.id}`)
      assert.strictEqual(new TextDecoder().decode(yield* store.content(faq.id)), "# FAQ")
      const blob = new File([new Uint8Array([0, 1, 2, 255])], "audio.wav", { type: "audio/wav" })
      const wav = yield* files.create(blob)
      assert.deepStrictEqual(Array.from(yield* store.content(wav.id)), [0, 1, 2, 255])
      assert.strictEqual(wav.mimetype, "audio/wav")

      assert.deepStrictEqual(yield* files.get(faq.id), faq)
      assert.deepStrictEqual((yield* files.list()).map((file) => file.id), [wav.id, faq.id])
      assert.deepStrictEqual(Chunk.toReadonlyArray(yield* Stream.runCollect(files.stream())).map((f) => f.id), [wav.id, faq.id])
      assert.strictEqual((yield* files.update(faq.id, { name: "faq-v2.md" })).name, "faq-v2.md")
      assert.strictEqual((yield* files.delete(wav.id)).id, wav.id)
      assert.strictEqual(yield* failureOf(store.content(wav.id)), "NotFound")
      const { logs } = yield* store.snapshot
      assert.deepStrictEqual(logs[0]?.requestBody, { file: { originalname: "faq.md", mimetype: "text/markdown", size: 5 } })
    }).pipe(Effect.provide(VapiTest.layer)))

  it.scoped("Files: an upload streamed from disk, and one that cannot be read", () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const dir = yield* fs.makeTempDirectoryScoped()
      const content = "line of text\n".repeat(10_000)
      yield* fs.writeFileString(`${dir}/notes.txt`, content)
      const files = yield* Files.Files
      const store = yield* VapiTest.Store
      const uploaded = yield* files.create({ path: `${dir}/notes.txt` })
      assert.strictEqual(uploaded.bytes, content.length)
      assert.strictEqual(new TextDecoder().decode(yield* store.content(uploaded.id)), content)

      const error = yield* Effect.flip(files.create({ path: `${dir}/missing.txt` }))
      assert.strictEqual(error._tag, "RequestValidationError")
      if (error._tag !== "RequestValidationError") return
      assert.strictEqual(error.path, "body.file")
      assert.strictEqual(error.operation, "files.create")
      const snapshot = yield* store.snapshot
      assert.strictEqual(snapshot.files.length, 1)
      assert.strictEqual(snapshot.logs.length, 1, "the failed upload never reached the server")
    }).pipe(Effect.provide(VapiTest.layer), Effect.provide(NodeFileSystem.layer)))

  it.effect("Analytics: aggregates over the stored calls", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(start)
      const analytics = yield* Analytics.Analytics
      const [byAssistant] = yield* analytics.get({
        queries: [{
          name: "by-assistant",
          groupBy: ["assistantId"],
          operations: [{ operation: "count", column: "id" }, { operation: "sum", column: "cost", alias: "spent" }]
        }]
      })
      assert.strictEqual(byAssistant?.name, "by-assistant")
      assert.deepStrictEqual(byAssistant?.result, [
        { assistantId: "asst_1", countId: 2, spent: 0.75 },
        { assistantId: "asst_2", countId: 1, spent: 1 }
      ])
      assert.deepStrictEqual(byAssistant?.timeRange.end, new Date(start))
    }).pipe(Effect.provide(VapiTest.layerWith({
      fixtures: {
        calls: [
          { assistantId: "asst_1", cost: 0.25, createdAt: iso(start - 3_600_000) },
          { assistantId: "asst_2", cost: 1, createdAt: iso(start - 2_400_000) },
          { assistantId: "asst_1", cost: 0.5, createdAt: iso(start - 1_200_000) }
        ]
      }
    }))))

  it.effect("Logs: one entry per request, paged, filtered and streamed", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(start)
      const calls = yield* Calls.Calls
      const logs = yield* Logs.Logs
      const call = yield* calls.create({ assistantId: "asst_1" })
      for (const name of ["a", "b", "c"]) {
        yield* TestClock.adjust("1 second")
        yield* calls.update(call.id, { name })
      }
      yield* calls.list()
      const page = yield* logs.get({ callId: call.id, limit: 2, page: 2 })
      assert.deepStrictEqual(page.metadata, { itemsPerPage: 2, totalItems: 4, currentPage: 2 })
      assert.deepStrictEqual(page.results.map((log) => log.requestBody), [{ name: "b" }, { name: "c" }])
      const pages = yield* Stream.runCollect(logs.pages({ callId: call.id, limit: 3 }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(pages).map((p) => p.results.length), [3, 1])
      const all = Chunk.toReadonlyArray(yield* Stream.runCollect(logs.stream({ type: "API", sortOrder: "DESC" })))
      assert.deepStrictEqual(all.map((log) => [log.requestHttpMethod, log.resource, log.responseHttpCode]), [
        ["GET", "call", 200],
        ["PATCH", "call", 200],
        ["PATCH", "call", 200],
        ["PATCH", "call", 200],
        ["POST", "call", 201]
      ])
      assert.strictEqual(all[0]?.requestUrl, `${VapiTest.baseUrl}/call`)
      assert.strictEqual(all[4]?.requestStartedAt, iso(start))
      assert.strictEqual(all[4]?.callId, call.id)
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("VapiClient is provided too, for code that runs operations itself", () =>
    Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const uploaded = yield* client.execute(FilesOps.FilesCreate, {
        body: Multipart.make([
          Multipart.field("purpose", "assistants"),
          Multipart.file({ filename: "a.txt", contentType: "text/plain", content: new TextEncoder().encode("a") })
        ])
      })
      assert.strictEqual(uploaded.purpose, "assistants")
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("concurrent requests each get their own record", () =>
    Effect.gen(function*() {
      const assistants = yield* Assistants.Assistants
      const created = yield* Effect.forEach(
        Array.from({ length: 40 }, (_, i) => `a${i}`),
        (name) => assistants.create({ name }),
        { concurrency: "unbounded" }
      )
      assert.strictEqual(new Set(created.map((a) => a.id)).size, 40)
      assert.strictEqual((yield* (yield* VapiTest.Store).snapshot).assistants.length, 40)
    }).pipe(Effect.provide(VapiTest.layer)))
})

describe("VapiTest.layer: errors", () => {
  it.effect("an unknown id fails with NotFound from every CRUD service", () =>
    Effect.gen(function*() {
      const gets: ReadonlyArray<readonly [string, Effect.Effect<unknown, VapiError.VapiError, Vapi.Services>]> = [
        ["/call", Effect.flatMap(Calls.Calls, (s) => s.get("nope"))],
        ["/assistant", Effect.flatMap(Assistants.Assistants, (s) => s.update("nope", { name: "x" }))],
        ["/phone-number", Effect.flatMap(PhoneNumbers.PhoneNumbers, (s) => s.delete("nope"))],
        ["/squad", Effect.flatMap(Squads.Squads, (s) => s.get("nope"))],
        ["/block", Effect.flatMap(Blocks.Blocks, (s) => s.get("nope"))],
        ["/tool", Effect.flatMap(Tools.Tools, (s) => s.delete("nope"))],
        ["/file", Effect.flatMap(Files.Files, (s) => s.get("nope"))]
      ]
      for (const [path, effect] of gets) {
        const error = yield* Effect.flip(effect)
        assert.strictEqual(error._tag, "NotFound", path)
        if (error._tag !== "NotFound") return
        assert.strictEqual(error.status, 404)
        assert.strictEqual(error.url, `${VapiTest.baseUrl}${path}/nope`)
        assert.match(error.messages[0] ?? "", /with id nope not found$/)
      }
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("NotFound carries the operation, method, URL and the server's message", () =>
    Effect.gen(function*() {
      const calls = yield* Calls.Calls
      const error = yield* Effect.flip(calls.get("call_404"))
      assert.strictEqual(error._tag, "NotFound")
      if (error._tag !== "NotFound") return
      assert.strictEqual(error.operation, "calls.get")
      assert.strictEqual(error.method, "GET")
      assert.strictEqual(error.url, "http://vapi.test/call/call_404")
      assert.deepStrictEqual(error.messages, ["Call with id call_404 not found"])
      assert.strictEqual(error.message, "[calls.get] GET http://vapi.test/call/call_404 -> 404 Not Found: Call with id call_404 not found")
      const recovered = yield* calls.get("call_404").pipe(Effect.catchTag("NotFound", () => Effect.succeed("recovered")))
      assert.strictEqual(recovered, "recovered")
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("an invalid body fails with RequestValidationError, and nothing is sent", () =>
    Effect.gen(function*() {
      const assistants = yield* Assistants.Assistants
      const calls = yield* Calls.Calls
      const tooLong = yield* Effect.flip(assistants.create({ name: "x".repeat(41) }))
      assert.strictEqual(tooLong._tag, "RequestValidationError")
      if (tooLong._tag !== "RequestValidationError") return
      assert.strictEqual(tooLong.operation, "assistants.create")
      assert.match(tooLong.path, /^body/)
      const badLimit = yield* Effect.flip(calls.list({ limit: 5000 }))
      assert.strictEqual(badLimit._tag, "RequestValidationError")
      assert.deepStrictEqual((yield* (yield* VapiTest.Store).snapshot).logs, [])
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("what only the server checks fails with BadRequest and its NestJS messages", () =>
    Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const error = yield* Effect.flip(
        client.execute(FilesOps.FilesCreate, { body: Multipart.make([Multipart.field("purpose", "assistants")]) })
      )
      assert.strictEqual(error._tag, "BadRequest")
      if (error._tag !== "BadRequest") return
      assert.strictEqual(error.status, 400)
      assert.deepStrictEqual(error.messages, ["file should not be empty"])
      assert.deepStrictEqual(JSON.parse(error.body), {
        message: ["file should not be empty"],
        error: "Bad Request",
        statusCode: 400
      })
      const { logs } = yield* (yield* VapiTest.Store).snapshot
      assert.deepStrictEqual(logs.map((log) => log.responseHttpCode), [400])
    }).pipe(Effect.provide(VapiTest.layer)))
})

describe("VapiTest.Store: seeding and inspection", () => {
  it.effect("is the same tag as Store.Store, holding what the services wrote", () =>
    Effect.gen(function*() {
      assert.strictEqual(VapiTest.Store, Store.Store)
      const assistants = yield* Assistants.Assistants
      const riley = yield* assistants.create({ name: "Riley", firstMessage: "Hi" })
      const store = yield* Store.Store
      const stored = yield* store.get("assistants", riley.id)
      assert.strictEqual(stored.name, "Riley")
      assert.strictEqual(stored.firstMessage, "Hi")
      assert.strictEqual(stored.orgId, store.orgId)
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("records created in the store are served", () =>
    Effect.gen(function*() {
      const store = yield* VapiTest.Store
      const seeded = yield* store.create("calls", { name: "seeded", assistantId: "asst_9" })
      const calls = yield* Calls.Calls
      const call = yield* calls.get(seeded.id)
      assert.strictEqual(call.name, "seeded")
      assert.deepStrictEqual((yield* calls.list({ assistantId: "asst_9" })).map((c) => c.id), [seeded.id])
      yield* store.seed({ tools: [{ id: "tool_1", type: "dtmf" }] })
      const tools = yield* Tools.Tools
      assert.strictEqual(idOf(yield* tools.get("tool_1")), "tool_1")
    }).pipe(Effect.provide(VapiTest.layer)))

  it.effect("layerWith: fixtures with their ids and dates, an orgId, and reset back to them", () =>
    Effect.gen(function*() {
      const assistants = yield* Assistants.Assistants
      const store = yield* VapiTest.Store
      const listed = yield* assistants.list()
      assert.deepStrictEqual(listed.map((a) => [a.id, a.name, a.orgId]), [
        ["asst_new", "newer", "org_test"],
        ["asst_old", "older", "org_test"]
      ])
      assert.deepStrictEqual(listed[1]?.createdAt, new Date("2024-01-01T00:00:00.000Z"))
      const added = yield* assistants.create({ name: "added" })
      yield* assistants.delete("asst_old")
      yield* store.reset
      assert.deepStrictEqual((yield* assistants.list()).map((a) => a.id), ["asst_new", "asst_old"])
      assert.strictEqual((yield* assistants.create({ name: "added again" })).id, added.id, "the same ids to come")
    }).pipe(Effect.provide(VapiTest.layerWith({
      orgId: "org_test",
      fixtures: {
        assistants: [
          { id: "asst_old", name: "older", createdAt: "2024-01-01T00:00:00.000Z" },
          { id: "asst_new", name: "newer", createdAt: "2024-02-01T00:00:00.000Z" }
        ]
      }
    }))))

  it.effect("each build of the layer has its own store", () =>
    Effect.gen(function*() {
      const create = Effect.flatMap(Assistants.Assistants, (s) => s.create({ name: "a" }))
      const count = Effect.map(Effect.flatMap(VapiTest.Store, (s) => s.snapshot), (s) => s.assistants.length)
      const first = yield* Effect.zipRight(create, count).pipe(Effect.provide(VapiTest.layer))
      const second = yield* Effect.zipRight(Effect.zipRight(create, create), count).pipe(Effect.provide(VapiTest.layer))
      assert.deepStrictEqual([first, second], [1, 2])
    }))
})

describe("VapiTest.layer: clock and determinism", () => {
  it.effect("timestamps follow TestClock", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(start)
      const assistants = yield* Assistants.Assistants
      const created = yield* assistants.create({ name: "a" })
      yield* TestClock.adjust("90 seconds")
      const updated = yield* assistants.update(created.id, { name: "b" })
      assert.deepStrictEqual(created.createdAt, new Date(start))
      assert.deepStrictEqual(updated.updatedAt, new Date(start + 90_000))
      const { logs } = yield* (yield* VapiTest.Store).snapshot
      assert.deepStrictEqual(logs.map((log) => log.time), [start, start + 90_000])
    }).pipe(Effect.provide(VapiTest.layer)))

  const everything = Effect.gen(function*() {
    const assistants = yield* Assistants.Assistants
    const calls = yield* Calls.Calls
    const files = yield* Files.Files
    const assistant = yield* assistants.create({ name: "a" })
    yield* calls.create({ assistantId: assistant.id })
    yield* files.create({ content: new TextEncoder().encode("x"), filename: "x.txt" })
    return yield* (yield* VapiTest.Store).snapshot
  })

  it.effect("the same seed gives the same ids, org and logs (multipart boundaries included)", () =>
    Effect.gen(function*() {
      const a = yield* everything.pipe(Effect.provide(VapiTest.layerWith({ seed: 7 })))
      const b = yield* everything.pipe(Effect.provide(VapiTest.layerWith({ seed: 7 })))
      const c = yield* everything.pipe(Effect.provide(VapiTest.layerWith({ seed: 8 })))
      assert.deepStrictEqual(a, b)
      assert.notStrictEqual(a.calls[0]?.id, c.calls[0]?.id)
      assert.notStrictEqual(a.calls[0]?.orgId, c.calls[0]?.orgId)
      assert.match(String(field(a.logs[2]?.requestHeaders, "content-type")), /^multipart\/form-data; boundary=/)
    }))

  it.effect("VapiTest.layer is seeded with defaultSeed", () =>
    Effect.gen(function*() {
      const a = yield* everything.pipe(Effect.provide(VapiTest.layer))
      const b = yield* everything.pipe(Effect.provide(VapiTest.layerWith({ seed: VapiTest.defaultSeed })))
      assert.deepStrictEqual(a, b)
    }))
})

// -----------------------------------------------------------------------------
// a user's program, under VapiTest.layer and against MockServer
// -----------------------------------------------------------------------------

class NoAssistant extends Data.TaggedError("NoAssistant")<{ readonly name: string }> {}

interface CallReport {
  readonly call: Calls.Call
  readonly renamed: Calls.Call
  readonly callsOfAssistant: ReadonlyArray<string>
  readonly missing: string
  readonly activity: ReadonlyArray<string>
}

/** The user's service: calls customers back with a named assistant, and reports on what happened. */
class CallBacks extends Context.Tag("app/CallBacks")<CallBacks, {
  readonly callBack: (
    assistantName: string,
    number: string
  ) => Effect.Effect<CallReport, VapiError.VapiError | Pagination.PageLimitError | NoAssistant>
}>() {}

const CallBacksLive = Layer.effect(
  CallBacks,
  Effect.gen(function*() {
    const assistants = yield* Assistants.Assistants
    const calls = yield* Calls.Calls
    const logs = yield* Logs.Logs
    return {
      callBack: (assistantName, number) =>
        Effect.gen(function*() {
          const assistant = (yield* assistants.list()).find((a) => a.name === assistantName)
          if (assistant === undefined) return yield* new NoAssistant({ name: assistantName })
          const call = yield* calls.create({ assistantId: assistant.id, customer: { number } })
          const renamed = yield* calls.update(call.id, { name: `call-back ${number}` })
          const callsOfAssistant = (yield* calls.list({ assistantId: assistant.id })).map((c) => c.id)
          const missing = yield* calls.get("call_gone").pipe(
            Effect.map(() => "found"),
            Effect.catchTag("NotFound", (error) => Effect.succeed(error.messages.join("; ")))
          )
          const activity = yield* logs.stream({ type: "API" }).pipe(
            Stream.map((log) => `${log.requestHttpMethod} ${log.requestPath} ${log.responseHttpCode}`),
            Stream.runCollect
          )
          return { call, renamed, callsOfAssistant, missing, activity: Chunk.toReadonlyArray(activity) }
        })
    }
  })
)

const userProgram = Effect.gen(function*() {
  yield* TestClock.setTime(start)
  const assistants = yield* Assistants.Assistants
  yield* assistants.create({ name: "Riley" })
  yield* TestClock.adjust("1 minute")
  const callBacks = yield* CallBacks
  const report = yield* callBacks.callBack("Riley", "+15550100")
  const absent = yield* failureOf(callBacks.callBack("Nobody", "+15550199"))
  const { calls, assistants: stored } = yield* (yield* Store.Store).snapshot
  return { report, absent, calls, assistants: stored }
}).pipe(Effect.provide(CallBacksLive))

const overMockServer = (seed: string) =>
  Layer.unwrapEffect(Effect.map(MockServer.MockServer, (server) =>
    Layer.merge(
      Vapi.layer({ apiKey: server.apiKey, baseUrl: server.url, retry: Retry.none }),
      Layer.succeed(Store.Store, server.store)
    ))).pipe(Layer.provide(MockServer.layer({ seed })), Layer.provide(FetchHttpClient.layer))

describe("a user's program", () => {
  it.effect("gives identical results under VapiTest.layer and against MockServer", () =>
    Effect.gen(function*() {
      const inMemory = yield* userProgram.pipe(Effect.provide(VapiTest.layerWith({ seed: "same" })))
      const overHttp = yield* userProgram.pipe(Effect.provide(overMockServer("same")))
      assert.deepStrictEqual(inMemory, overHttp)
      assert.strictEqual(inMemory.absent, "NoAssistant")
      assert.deepStrictEqual(inMemory.report.callsOfAssistant, [inMemory.report.call.id])
      assert.strictEqual(inMemory.report.renamed.name, "call-back +15550100")
      assert.deepStrictEqual(inMemory.report.renamed.updatedAt, new Date(start + 60_000))
      assert.strictEqual(inMemory.report.missing, "Call with id call_gone not found")
      assert.deepStrictEqual(inMemory.report.activity, [
        "POST /assistant 201",
        "GET /assistant 200",
        "POST /call 201",
        `PATCH /call/${inMemory.report.call.id} 200`,
        "GET /call 200",
        "GET /call/call_gone 404"
      ])
    }))
})
