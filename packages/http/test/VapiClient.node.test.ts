/**
 * VapiClient over the real Node HTTP stack against a small Vapi-like server on 127.0.0.1.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Retry from "../src/Retry.js"
import * as VapiClient from "../src/VapiClient.js"
import * as Ops from "./utils/ops.js"
import * as Server from "./utils/server.js"

const KEY = "sk_node_test_key"

const nest = (status: number, message: string | ReadonlyArray<string>) =>
  HttpServerResponse.unsafeJson({ message, error: "Error", statusCode: status }, { status })

const destroy = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.sync(() => NodeHttpServerRequest.toServerResponse(request).socket?.destroy()).pipe(
    Effect.zipRight(Effect.interruptible(Effect.never)),
    Effect.as(HttpServerResponse.empty())
  )

const vapiLike = Effect.gen(function*() {
  const hits = new Map<string, number>()
  const seen: Array<Readonly<Record<string, string | undefined>>> = []
  const server = yield* Server.start((request) =>
    Effect.gen(function*() {
      const url = new URL(request.url, "http://127.0.0.1")
      const route = `${request.method} ${url.pathname}`
      hits.set(route, (hits.get(route) ?? 0) + 1)
      seen.push({ authorization: request.headers["authorization"], "user-agent": request.headers["user-agent"] })
      if (request.headers["authorization"] !== `Bearer ${KEY}`) return nest(401, "Invalid Key.")
      switch (route) {
        case "POST /call": {
          const body = yield* Effect.orDie(request.json)
          const assistantId = typeof body === "object" && body !== null && "assistantId" in body ? body.assistantId : undefined
          if (typeof assistantId !== "string") return nest(400, ["assistantId must be a string"])
          return HttpServerResponse.unsafeJson(Ops.callJson("call_new", { status: "queued" }), { status: 201 })
        }
        case "GET /call/call_new":
          return HttpServerResponse.unsafeJson(Ops.callJson("call_new", { status: "ended" }))
        case "GET /call":
          return HttpServerResponse.unsafeJson([Ops.callJson(url.searchParams.getAll("ids").join("+"))])
        case "GET /call/reset":
          return yield* destroy(request)
        case "GET /call/truncated": {
          const response = NodeHttpServerRequest.toServerResponse(request)
          response.writeHead(200, { "content-type": "application/json", "content-length": "100" })
          // Destroy the socket only once the headers and the first bytes are on the wire.
          yield* Effect.async<void>((resume) => {
            response.write("{\"id\":\"call_tr", () => resume(Effect.void))
          })
          yield* Effect.sleep("20 millis")
          return yield* destroy(request)
        }
        case "GET /call/flaky":
          return hits.get(route) === 1
            ? HttpServerResponse.unsafeJson({ message: "busy" }, { status: 503, headers: { "retry-after": "0" } })
            : HttpServerResponse.unsafeJson(Ops.callJson("flaky"))
        default:
          return nest(404, `Call not found`)
      }
    })
  )
  return { server, hits, seen }
})

const clients: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["node:http", NodeHttpClient.layer],
  ["undici", NodeHttpClient.layerUndici]
]

for (const [name, httpLayer] of clients) {
  const connect = (baseUrl: string, options: Partial<VapiClient.Options> = {}) =>
    Server.build(
      VapiClient.layer({ apiKey: Redacted.make(KEY), baseUrl, retry: Retry.none, ...options }).pipe(Layer.provide(httpLayer))
    )

  describe(`VapiClient over ${name}`, () => {
    it.scopedLive("creates and reads a call, with auth and user agent on the wire", () =>
      Effect.gen(function*() {
        const { seen, server } = yield* vapiLike
        const client = yield* connect(server.baseUrl)
        const created = yield* client.execute(Ops.CallsCreate, { body: { assistantId: "asst_1" } })
        assert.strictEqual(created.id, "call_new")
        assert.strictEqual(created.status, "queued")
        const fetched = yield* client.execute(Ops.CallsGet, { path: { id: created.id } })
        assert.strictEqual(fetched.status, "ended")
        assert.deepStrictEqual(fetched.createdAt, new Date("2024-10-01T12:00:00.000Z"))
        const listed = yield* client.execute(Ops.CallsList, { query: { ids: ["a", "b"] } })
        assert.deepStrictEqual(listed.map((c) => c.id), ["a+b"])
        assert.deepStrictEqual(seen[0], { authorization: `Bearer ${KEY}`, "user-agent": VapiClient.userAgent })
      }))

    it.scopedLive("maps NestJS errors, 401 and 404 from the server", () =>
      Effect.gen(function*() {
        const { server } = yield* vapiLike
        const client = yield* connect(server.baseUrl)
        const bad = yield* Effect.flip(client.execute({ ...Ops.CallsCreate, body: undefined, bodyEncoding: "none" }, {}))
        assert.isTrue(bad._tag === "BadRequest" && bad.messages[0] === "assistantId must be a string")
        const missing = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "nope" } }))
        assert.isTrue(missing._tag === "NotFound" && missing.messages[0] === "Call not found")
        assert.strictEqual(missing.url, `${server.baseUrl}/call/nope`)
        const wrongKey = yield* connect(server.baseUrl, { apiKey: Redacted.make("sk_wrong") })
        const unauthorized = yield* Effect.flip(wrongKey.execute(Ops.CallsGet, { path: { id: "call_new" } }))
        assert.isTrue(unauthorized._tag === "Unauthorized" && unauthorized.status === 401)
      }))

    it.scopedLive("a refused connection is a TransportError with reason ConnectionRefused", () =>
      Effect.gen(function*() {
        const port = yield* Server.closedPort
        const client = yield* connect(`http://127.0.0.1:${port}`)
        const error = yield* Effect.flip(client.execute(Ops.CallsCreate, { body: { assistantId: "a" } }))
        assert.strictEqual(error._tag, "TransportError")
        assert.isTrue(error._tag === "TransportError" && error.reason === "ConnectionRefused")
      }))

    it.scopedLive("a reset connection is a TransportError with reason ConnectionReset, retried for GET", () =>
      Effect.gen(function*() {
        const { hits, server } = yield* vapiLike
        const client = yield* connect(server.baseUrl, { retry: Retry.make({ maxRetries: 1, baseDelay: "10 millis" }) })
        const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "reset" } }))
        assert.isTrue(error._tag === "TransportError" && error.reason === "ConnectionReset")
        assert.strictEqual(hits.get("GET /call/reset"), 2)
      }))

    it.scopedLive("a truncated body is a ResponseDecodeError", () =>
      Effect.gen(function*() {
        const { server } = yield* vapiLike
        const client = yield* connect(server.baseUrl)
        const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "truncated" } }))
        assert.strictEqual(error._tag, "ResponseDecodeError")
        assert.isTrue(error._tag === "ResponseDecodeError" && error.status === 200)
      }))

    it.scopedLive("a 503 with Retry-After: 0 is retried and then succeeds", () =>
      Effect.gen(function*() {
        const { hits, server } = yield* vapiLike
        const client = yield* connect(server.baseUrl, { retry: Retry.defaultPolicy })
        const call = yield* client.execute(Ops.CallsGet, { path: { id: "flaky" } })
        assert.strictEqual(call.id, "flaky")
        assert.strictEqual(hits.get("GET /call/flaky"), 2)
      }))
  })
}
