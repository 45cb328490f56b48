import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { assert, describe, it } from "@effect/vitest"
import * as FileSchemas from "@vapi-effect/schema/Files"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as Files from "../src/Files.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const decodeFile = Schema.decodeUnknownSync(FileSchemas.File)

const encoder = new TextEncoder()

interface ReceivedPart {
  readonly field: string
  readonly filename: string
  readonly contentType: string
  readonly text: string
}

/** The parts of a `multipart/form-data` request, parsed by the platform's own `FormData` parser. */
const multipartParts = (request: Wire.WireRequest) =>
  Effect.gen(function*() {
    const contentType = request.headers["content-type"] ?? ""
    const form = yield* Effect.promise(() => new Response(request.body, { headers: { "content-type": contentType } }).formData())
    const parts: Array<ReceivedPart> = []
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") continue
      parts.push({ field, filename: value.name, contentType: value.type, text: yield* Effect.promise(() => value.text()) })
    }
    return parts
  })

/** Asserts the one upload request on the wire and returns its parts. */
const uploadRequest = Effect.gen(function*() {
  const request = yield* Wire.single
  const summary = Wire.summary({ ...request, body: new Uint8Array() })
  assert.deepStrictEqual({ ...summary, contentType: summary.contentType?.replace(/boundary=.*$/, "boundary=…") }, {
    ...Wire.expected("POST", "/file"),
    contentType: "multipart/form-data; boundary=…"
  })
  assert.match(request.headers["content-type"] ?? "", /^multipart\/form-data; boundary=----vapi-effect-[0-9a-f]{24}$/)
  return yield* multipartParts(request)
})

/** The stored file's record and bytes. */
const stored = (id: string) =>
  Effect.gen(function*() {
    const { server } = yield* Wire.Wire
    const record = yield* server.store.get("files", id)
    const bytes = yield* server.store.content(id)
    return { record, text: new TextDecoder().decode(bytes) }
  })

for (const [name, http] of Clients.all) {
  describe(`Files over ${name}`, () => {
    it.live("create uploads a File: its name and type go into the part", () =>
      Effect.gen(function*() {
        const files = yield* Files.Files
        const created = yield* files.create(new File(["# FAQ\n"], "faq.md", { type: "text/markdown" }))
        assert.deepStrictEqual(yield* uploadRequest, [
          { field: "file", filename: "faq.md", contentType: "text/markdown", text: "# FAQ\n" }
        ])
        const { record, text } = yield* stored(created.id)
        assert.deepStrictEqual(created, decodeFile(record))
        assert.deepStrictEqual([created.originalName, created.mimetype, created.bytes, text], ["faq.md", "text/markdown", 6, "# FAQ\n"])
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create uploads a nameless Blob as `file`, typed from the Blob", () =>
      Effect.gen(function*() {
        const files = yield* Files.Files
        const created = yield* files.create(new Blob(["a,b\n1,2\n"], { type: "text/csv" }))
        assert.deepStrictEqual(yield* uploadRequest, [
          { field: "file", filename: "file", contentType: "text/csv", text: "a,b\n1,2\n" }
        ])
        assert.deepStrictEqual([created.originalName, created.mimetype, created.bytes], ["file", "text/csv", 8])
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create uploads bytes with a filename, typed from the extension unless told", () =>
      Effect.gen(function*() {
        const files = yield* Files.Files
        const guessed = yield* files.create({ content: encoder.encode("plain text"), filename: "notes.txt" })
        assert.deepStrictEqual(yield* uploadRequest, [
          { field: "file", filename: "notes.txt", contentType: "text/plain", text: "plain text" }
        ])
        assert.deepStrictEqual((yield* stored(guessed.id)).text, "plain text")
        assert.deepStrictEqual([guessed.originalName, guessed.mimetype, guessed.bytes], ["notes.txt", "text/plain", 10])

        const told = yield* files.create({ content: encoder.encode("a,b"), filename: "data.bin", contentType: "text/csv" })
        assert.deepStrictEqual(yield* uploadRequest, [
          { field: "file", filename: "data.bin", contentType: "text/csv", text: "a,b" }
        ])
        assert.strictEqual(told.mimetype, "text/csv")
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create streams a file from a path through the FileSystem in context", () =>
      Effect.gen(function*() {
        const fs = yield* FileSystem.FileSystem
        const dir = yield* fs.makeTempDirectoryScoped()
        const content = "line of a knowledge base\n".repeat(4000)
        yield* fs.writeFileString(`${dir}/kb.txt`, content)
        const files = yield* Files.Files

        const created = yield* files.create({ path: `${dir}/kb.txt` })
        // The file is stat'ed first, so the streamed body has an exact Content-Length (fetch never sends one
        // for a stream: it is a forbidden header there, and the body goes chunked; FetchTransport uploads
        // through the fetch HttpClient).
        const [request] = yield* Wire.peek
        assert.strictEqual(
          request?.headers["content-length"],
          name === "fetch" || name === "FetchTransport" ? undefined : String(request?.body.byteLength)
        )
        assert.deepStrictEqual(yield* uploadRequest, [
          { field: "file", filename: "kb.txt", contentType: "text/plain", text: content }
        ])
        assert.deepStrictEqual((yield* stored(created.id)).text, content)
        assert.deepStrictEqual([created.originalName, created.bytes], ["kb.txt", content.length])

        const renamed = yield* files.create({ path: `${dir}/kb.txt`, filename: "faq.md", contentType: "text/x-markdown" })
        assert.deepStrictEqual((yield* uploadRequest).map((part) => [part.filename, part.contentType]), [["faq.md", "text/x-markdown"]])
        assert.strictEqual(renamed.originalName, "faq.md")
      }).pipe(Effect.scoped, Effect.provide(Wire.services(http)), Effect.provide(NodeFileSystem.layer)))

    it.live("create from a missing path or a directory fails with RequestValidationError at body.file, sending nothing", () =>
      Effect.gen(function*() {
        const fs = yield* FileSystem.FileSystem
        const dir = yield* fs.makeTempDirectoryScoped()
        const files = yield* Files.Files
        const error = yield* Effect.flip(files.create({ path: `${dir}/missing.txt` }))
        assert.strictEqual(error._tag, "RequestValidationError")
        if (error._tag !== "RequestValidationError") return
        assert.deepStrictEqual([error.operation, error.method, error.path], ["files.create", "POST", "body.file"])
        assert.include(error.issue, "missing.txt")
        const directory = yield* Effect.flip(files.create({ path: dir }))
        assert.isTrue(directory._tag === "RequestValidationError" && directory.path === "body.file", directory._tag)
        assert.include(directory._tag === "RequestValidationError" ? directory.issue : "", "it is a Directory, not a file")
        const wire = yield* Wire.Wire
        yield* Effect.sleep("200 millis") // for any bytes on their way to the proxy to land
        assert.deepStrictEqual(yield* wire.requests, [], "nothing was sent")
        assert.deepStrictEqual((yield* wire.server.store.snapshot).files, [])
      }).pipe(Effect.scoped, Effect.provide(Wire.services(http)), Effect.provide(NodeFileSystem.layer)))

    // Node.layer brings its own FileSystem, so there a path is always read (the tests below): this case only
    // exists for the stacks without one.
    if (name !== "Node.layer") {
      it.live("create from a path without a FileSystem in context fails with a typed error", () =>
        Effect.gen(function*() {
          const files = yield* Files.Files
          const error = yield* Effect.flip(files.create({ path: "/tmp/anything.txt" }))
          assert.strictEqual(error._tag, "RequestValidationError")
          if (error._tag !== "RequestValidationError") return
          assert.strictEqual(error.path, "body.file")
          assert.include(error.issue, "no FileSystem in context")
          const wire = yield* Wire.Wire
          yield* Effect.sleep("200 millis") // for any bytes on their way to the proxy to land
          assert.deepStrictEqual(yield* wire.requests, [], "nothing was sent")
          assert.deepStrictEqual((yield* wire.server.store.snapshot).files, [])
        }).pipe(Effect.provide(Wire.services(http))))
    }

    it.live("list, get, update, delete and stream", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const first = yield* server.store.upload({ filename: "a.txt", bytes: encoder.encode("a"), mimetype: "text/plain" })
        const second = yield* server.store.upload({ filename: "b.txt", bytes: encoder.encode("bb"), mimetype: "text/plain" })
        const files = yield* Files.Files

        const listed = yield* files.list()
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", "/file"))
        assert.sameDeepMembers([...listed], [decodeFile(first), decodeFile(second)])

        const streamed = Chunk.toReadonlyArray(yield* Stream.runCollect(files.stream()))
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", "/file"))
        assert.deepStrictEqual(streamed, listed)

        assert.deepStrictEqual(yield* files.get(first.id), decodeFile(first))
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", `/file/${first.id}`))

        const updated = yield* files.update(first.id, { name: "renamed.txt" })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("PATCH", `/file/${first.id}`, { body: { name: "renamed.txt" } })
        )
        assert.deepStrictEqual([updated.id, updated.name, updated.originalName], [first.id, "renamed.txt", "a.txt"])

        const deleted = yield* files.delete(first.id)
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("DELETE", `/file/${first.id}`))
        assert.deepStrictEqual(deleted, updated)
        assert.deepStrictEqual((yield* server.store.snapshot).files.map((file) => file.id), [second.id])
      }).pipe(Effect.provide(Wire.services(http))))
  })
}
