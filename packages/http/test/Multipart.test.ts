import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as FileSystem from "@effect/platform/FileSystem"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as Multipart from "../src/Multipart.js"
import * as Retry from "../src/Retry.js"
import * as VapiClient from "../src/VapiClient.js"
import * as Fake from "./utils/fake.js"
import * as Ops from "./utils/ops.js"
import * as Server from "./utils/server.js"

const encoder = new TextEncoder()
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

const collect = (body: ReturnType<typeof Multipart.toHttpBodyWith>) =>
  Effect.gen(function*() {
    assert.strictEqual(body._tag, "Stream")
    if (body._tag !== "Stream") return { bytes: new Uint8Array(), body }
    const chunks = yield* Stream.runCollect(body.stream)
    return { bytes: Buffer.concat(Chunk.toReadonlyArray(chunks)), body }
  })

describe("Multipart", () => {
  it.effect("encodes fields and files byte for byte, with the exact content length", () =>
    Effect.gen(function*() {
      const body = Multipart.make([
        Multipart.field("purpose", "knowledge base"),
        Multipart.file({ filename: "notes.txt", contentType: "text/plain", content: encoder.encode("héllo\nworld") })
      ])
      const { body: httpBody, bytes } = yield* collect(Multipart.toHttpBodyWith(body, "XyZ"))
      assert.strictEqual(
        utf8(bytes),
        "--XyZ\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nknowledge base\r\n" +
          "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n" +
          "Content-Type: text/plain\r\n\r\nhéllo\nworld\r\n--XyZ--\r\n"
      )
      assert.strictEqual(httpBody.contentType, "multipart/form-data; boundary=XyZ")
      assert.strictEqual(httpBody.contentLength, bytes.byteLength)
      assert.strictEqual(Multipart.contentLength(body, "XyZ"), bytes.byteLength)
    }))

  it.effect("reads Blobs lazily and takes their type and size", () =>
    Effect.gen(function*() {
      const part = Multipart.file({ filename: "a.json", content: new Blob(["{\"a\":1}"], { type: "application/json" }) })
      assert.strictEqual(part.contentType, "application/json")
      assert.strictEqual(part.size, 7)
      const { body, bytes } = yield* collect(Multipart.toHttpBodyWith(Multipart.make([part]), "b"))
      assert.include(utf8(bytes), "Content-Type: application/json\r\n\r\n{\"a\":1}\r\n--b--\r\n")
      assert.strictEqual(body.contentLength, bytes.byteLength)
    }))

  it.effect("streams content: a length only when the size is given, and that size is checked", () =>
    Effect.gen(function*() {
      const chunks = Stream.make(encoder.encode("ab"), encoder.encode("cd"))
      const sized = yield* collect(Multipart.toHttpBodyWith(Multipart.make([Multipart.file({ filename: "f", content: chunks, size: 4 })]), "b"))
      assert.strictEqual(sized.body.contentLength, sized.bytes.byteLength)
      assert.include(utf8(sized.bytes), "application/octet-stream\r\n\r\nabcd\r\n")
      const unsized = yield* collect(Multipart.toHttpBodyWith(Multipart.make([Multipart.file({ filename: "f", content: chunks })]), "b"))
      assert.isUndefined(unsized.body.contentLength)
      assert.isUndefined(Multipart.contentLength(Multipart.make([Multipart.file({ filename: "f", content: chunks })]), "b"))
      const short = Multipart.toHttpBodyWith(Multipart.make([Multipart.file({ filename: "f", content: chunks, size: 5 })]), "b")
      const long = Multipart.toHttpBodyWith(Multipart.make([Multipart.file({ filename: "f", content: chunks, size: 3 })]), "b")
      for (const body of [short, long]) {
        assert.strictEqual(body._tag, "Stream")
        if (body._tag !== "Stream") continue
        const failure = yield* Effect.flip(Stream.runDrain(body.stream))
        assert.isTrue(Predicate.hasProperty(failure, "detail") && String(failure.detail).includes("declared"))
      }
    }))

  it.effect("escapes quotes and line breaks in names and filenames", () =>
    Effect.gen(function*() {
      const body = Multipart.make([Multipart.file({ name: "a\"b", filename: "evil\"\r\nX-Injected: 1.txt", content: new Uint8Array() })])
      const { bytes } = yield* collect(Multipart.toHttpBodyWith(body, "b"))
      const text = utf8(bytes)
      assert.include(text, "name=\"a%22b\"; filename=\"evil%22%0D%0AX-Injected: 1.txt\"")
      assert.notInclude(text, "\r\nX-Injected")
    }))

  it.effect("draws a fresh random boundary", () =>
    Effect.gen(function*() {
      const a = yield* Multipart.boundary
      const b = yield* Multipart.boundary
      assert.match(a, /^----vapi-effect-[0-9a-f]{24}$/)
      assert.notStrictEqual(a, b)
      assert.isTrue(Multipart.isBody(Multipart.make([])))
      assert.isFalse(Multipart.isBody({ parts: [] }))
      assert.isFalse(Multipart.isBody({ [Multipart.TypeId]: Multipart.TypeId, parts: [] }))
    }))
})

describe("Multipart against a real server on 127.0.0.1", () => {
  interface Received {
    readonly contentLength: string | undefined
    readonly parts: ReadonlyArray<{ key: string; name?: string; contentType: string; text: string }>
  }

  const uploadServer = Server.start((request) =>
    request.multipartStream.pipe(
      Stream.mapEffect((part) =>
        part._tag === "Field"
          ? Effect.succeed({ key: part.key, contentType: part.contentType, text: part.value })
          : Effect.map(part.contentEffect, (bytes) => ({
            key: part.key,
            name: part.name,
            contentType: part.contentType,
            text: utf8(bytes)
          }))
      ),
      Stream.runCollect,
      Effect.flatMap((parts) => {
        const received: Received = {
          contentLength: request.headers["content-length"],
          parts: Chunk.toReadonlyArray(parts)
        }
        return HttpServerResponse.json({ id: "file_1", name: JSON.stringify(received), bytes: 0 })
      }),
      Effect.orDie
    )
  )

  const clientFor = (baseUrl: string) =>
    Server.build(
      VapiClient.layer({ apiKey: Redacted.make("sk_mp"), baseUrl, retry: Retry.none }).pipe(Layer.provide(NodeHttpClient.layer))
    )

  it.scopedLive("uploads a file streamed from disk, parsed by a real multipart parser", () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const dir = yield* fs.makeTempDirectoryScoped()
      const path = `${dir}/recording.txt`
      const content = "line of text\n".repeat(5000)
      yield* fs.writeFileString(path, content)
      const size = Number((yield* fs.stat(path)).size)
      const server = yield* uploadServer
      const client = yield* clientFor(server.baseUrl)
      const body = Multipart.make([
        Multipart.field("purpose", "assistants"),
        Multipart.file({ filename: "recording.txt", contentType: "text/plain", content: fs.stream(path, { chunkSize: 4096 }), size })
      ])
      const result = yield* client.execute(Ops.FilesCreate, { body })
      const received: Received = JSON.parse(result.name)
      assert.deepStrictEqual(received.parts, [
        { key: "purpose", contentType: "text/plain", text: "assistants" },
        { key: "file", name: "recording.txt", contentType: "text/plain", text: content }
      ])
      assert.strictEqual(received.contentLength, String(Multipart.contentLength(body, "----vapi-effect-000000000000000000000000")))
    }).pipe(Effect.provide(NodeContext.layer)))

  const clients: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
    ["node:http", NodeHttpClient.layer],
    ["undici", NodeHttpClient.layerUndici],
    ["fetch", FetchHttpClient.layer]
  ]

  for (const [name, httpLayer] of clients) {
    it.scopedLive(`a failing content stream fails with RequestValidationError at body.<part> over ${name}`, () =>
      Effect.gen(function*() {
        const server = yield* uploadServer
        const client = yield* Server.build(
          VapiClient.layer({ apiKey: Redacted.make("sk_mp"), baseUrl: server.baseUrl, retry: Retry.none }).pipe(
            Layer.provide(httpLayer)
          )
        )
        const broken = Stream.concat(Stream.make(encoder.encode("partial")), Stream.fail(new Error("disk read failed")))
        const error = yield* Effect.flip(
          client.execute(Ops.FilesCreate, {
            body: Multipart.make([Multipart.file({ name: "file", filename: "a", content: broken })])
          })
        )
        assert.strictEqual(error._tag, "RequestValidationError")
        if (error._tag !== "RequestValidationError") return
        assert.strictEqual(error.path, "body.file")
        assert.strictEqual(error.issue, "disk read failed")
        assert.strictEqual(error.operation, "files.create")
      }))
  }
})

describe("Multipart.unreadable", () => {
  it.effect("fails the request with RequestValidationError at body.<part> before anything is sent", () => {
    const fake = Fake.layer(() => Fake.json(200, { id: "file_1" }))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const error = yield* Effect.flip(client.execute(Ops.FilesCreate, {
        body: Multipart.make([
          Multipart.field("purpose", "kb"),
          Multipart.file({ name: "doc", filename: "a", content: Multipart.unreadable("cannot read ./a: not found") })
        ])
      }))
      assert.isTrue(error._tag === "RequestValidationError" && error.path === "body.doc", error._tag)
      assert.strictEqual(error._tag === "RequestValidationError" && error.issue, "cannot read ./a: not found")
      assert.strictEqual(error.operation, "files.create")
      assert.strictEqual(fake.requests.length, 0)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("has no size, and its part's stream fails with the reason when encoded directly", () =>
    Effect.gen(function*() {
      const part = Multipart.file({ filename: "a", content: Multipart.unreadable("gone"), size: 10 })
      assert.strictEqual(part.size, undefined)
      assert.isTrue(Multipart.isUnreadable(part.content))
      const body = Multipart.toHttpBodyWith(Multipart.make([part]), "b")
      assert.strictEqual(body._tag, "Stream")
      if (body._tag !== "Stream") return
      const failure = yield* Effect.flip(Stream.runDrain(body.stream))
      assert.strictEqual(String(failure), "PartError: gone")
    }))
})
