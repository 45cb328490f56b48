/**
 * NodeTransport (undici's `Dispatcher.request`) against a plain node:http server on 127.0.0.1, and the
 * choice `VapiClient` makes between a `Transport` in context and the platform `HttpClient`.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Undici from "@effect/platform-node/Undici"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Http from "node:http"
import * as Multipart from "../src/Multipart.js"
import * as NodeTransport from "../src/NodeTransport.js"
import * as Retry from "../src/Retry.js"
import * as Transport from "../src/Transport.js"
import * as VapiClient from "../src/VapiClient.js"
import * as Ops from "./utils/ops.js"
import { get, type Handler, json, nest, serve } from "./utils/local.js"
import { collectGarbage } from "./utils/gc.js"
import * as Server from "./utils/server.js"
import * as TestTracer from "./utils/tracer.js"

const KEY = "sk_node_transport_CANARY_0123456789"

/** A Vapi-like handler: calls by id, a list echoing its query, errors as NestJS bodies. */
const vapiLike: Handler = (seen, response, hits) => {
  const url = new URL(seen.url, "http://127.0.0.1")
  const raw = /^\/call\/([^/]+)$/.exec(url.pathname)?.[1]
  const id = raw === undefined ? undefined : decodeURIComponent(raw)
  if (seen.headers["authorization"] !== `Bearer ${KEY}`) return nest(response, 401, "Invalid Key.")
  if (seen.method === "POST" && url.pathname === "/call") {
    const body: unknown = JSON.parse(seen.body)
    const assistantId = typeof body === "object" && body !== null && "assistantId" in body ? body.assistantId : null
    return json(response, 201, Ops.callJson("call_new", { status: `for ${String(assistantId)}` }))
  }
  if (seen.method === "GET" && url.pathname === "/call") {
    return json(response, 200, [Ops.callJson(url.search)])
  }
  switch (id) {
    case undefined:
    case "missing":
      return nest(response, 404, "Call not found")
    case "limited":
      return nest(response, 429, "slow down", { "retry-after": "7" })
    case "flaky":
      return hits === 1 ? nest(response, 500, "oops") : json(response, 200, Ops.callJson("flaky"))
    case "hang":
      return
    case "reset":
      return response.socket?.destroy()
    case "truncated":
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" })
      response.write("{\"id\":\"call_tr", () => setTimeout(() => response.socket?.destroy(), 20))
      return
    default: {
      const status = seen.method === "PATCH" ? { status: JSON.parse(seen.body).name } : { status: seen.method }
      return json(response, 200, Ops.callJson(id, status), { "x-request-id": "req_1" })
    }
  }
}

const options = (baseUrl: string, extra: Partial<VapiClient.Options> = {}): VapiClient.Options => ({
  apiKey: Redacted.make(KEY),
  baseUrl,
  retry: Retry.none,
  ...extra
})

/** The client over `NodeTransport.layerUndici`, as `Node.layer` of the client package builds it. */
const connect = (baseUrl: string, extra: Partial<VapiClient.Options> = {}) =>
  Server.build(VapiClient.layer(options(baseUrl, extra)).pipe(Layer.provide(NodeTransport.layerUndici)))

/** An `HttpClient` that fails every request, naming itself. */
const failingHttpClient = Layer.succeed(
  HttpClient.HttpClient,
  HttpClient.make((request) =>
    Effect.fail(
      new HttpClientError.RequestError({ request, reason: "Transport", cause: new Error("the HttpClient was used") })
    )
  )
)

/** The transport over an undici `Agent` that lives as long as the test. */
const nodeTransport = Effect.map(Layer.build(NodeTransport.layer), Context.get(Transport.Transport))

const sortedNames = (headers: Http.IncomingHttpHeaders) => Object.keys(headers).sort()

describe("NodeTransport", () => {
  it.scopedLive("GET, POST, PATCH and DELETE round trips with exactly the SDK's headers", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* connect(local.baseUrl, { headers: { "X-Team": "voice" } })

      const got = yield* client.execute(Ops.CallsGet, { path: { id: "c 1" } })
      assert.deepStrictEqual(got, { id: "c 1", createdAt: new Date("2024-10-01T12:00:00.000Z"), status: "GET" })
      const created = yield* client.execute(Ops.CallsCreate, { body: { assistantId: "asst_1" } })
      assert.strictEqual(created.status, "for asst_1")
      const updated = yield* client.execute(Ops.CallsUpdate, { path: { id: "c1" }, body: { name: "renamed" } })
      assert.strictEqual(updated.status, "renamed")
      const deleted = yield* client.execute(Ops.CallsDelete, { path: { id: "c1" } })
      assert.strictEqual(deleted.status, "DELETE")

      const [get, post, patch, del] = local.seen
      assert.deepStrictEqual([get.method, get.url], ["GET", "/call/c%201"])
      assert.deepStrictEqual(sortedNames(get.headers), ["accept", "authorization", "connection", "host", "user-agent", "x-team"])
      assert.deepStrictEqual(
        [get.headers["authorization"], get.headers["user-agent"], get.headers["accept"], get.headers["x-team"]],
        [`Bearer ${KEY}`, VapiClient.userAgent, "application/json", "voice"]
      )
      assert.strictEqual(get.body, "")
      assert.deepStrictEqual([post.method, post.url, post.body], ["POST", "/call", "{\"assistantId\":\"asst_1\"}"])
      assert.deepStrictEqual(
        sortedNames(post.headers),
        ["accept", "authorization", "connection", "content-length", "content-type", "host", "user-agent", "x-team"]
      )
      assert.strictEqual(post.headers["content-type"], "application/json")
      assert.strictEqual(post.headers["content-length"], String(post.body.length))
      assert.deepStrictEqual([patch.method, patch.url, patch.body], ["PATCH", "/call/c1", "{\"name\":\"renamed\"}"])
      assert.strictEqual(patch.headers["content-type"], "application/json")
      assert.deepStrictEqual([del.method, del.url, del.body], ["DELETE", "/call/c1", ""])
      assert.isUndefined(del.headers["content-type"])
    }))

  it.scopedLive("sends the query string as encoded by the query schema", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* connect(local.baseUrl)
      const listed = yield* client.execute(Ops.CallsList, {
        query: { assistantId: "asst 1&x", ids: ["a", "b"], createdAtGt: new Date("2024-10-01T00:00:00Z"), limit: 5 }
      })
      const expected = "?assistantId=asst+1%26x&limit=5&createdAtGt=2024-10-01T00%3A00%3A00.000Z&ids=a&ids=b"
      assert.strictEqual(local.seen[0].url, `/call${expected}`)
      assert.deepStrictEqual(listed.map((call) => call.id), [expected])
    }))

  it.scopedLive("maps 404 and 429 (with Retry-After) and retries a 500", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* connect(local.baseUrl)
      const missing = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "missing" } }))
      assert.isTrue(missing._tag === "NotFound" && missing.messages[0] === "Call not found")
      assert.strictEqual(missing.url, `${local.baseUrl}/call/missing`)
      const limited = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "limited" } }))
      assert.strictEqual(limited._tag, "RateLimited")
      assert.deepStrictEqual(limited._tag === "RateLimited" && limited.retryAfter, Option.some(Duration.seconds(7)))
      const wrongKey = yield* connect(local.baseUrl, { apiKey: Redacted.make("sk_wrong") })
      const unauthorized = yield* Effect.flip(wrongKey.execute(Ops.CallsGet, { path: { id: "c1" } }))
      assert.strictEqual(unauthorized._tag, "Unauthorized")

      const retrying = yield* connect(local.baseUrl, { retry: Retry.make({ maxRetries: 2, baseDelay: "10 millis" }) })
      const flaky = yield* retrying.execute(Ops.CallsGet, { path: { id: "flaky" } })
      assert.strictEqual(flaky.id, "flaky")
      assert.deepStrictEqual(local.seen.filter((seen) => seen.url === "/call/flaky").length, 2)
    }))

  it.scopedLive("an attempt timeout is a Timeout of kind attempt, on time, and closes the connection", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* connect(local.baseUrl, { timeout: { attempt: "200 millis" } })
      const started = Date.now()
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "hang" } }))
      const elapsed = Date.now() - started
      assert.isTrue(error._tag === "Timeout" && error.kind === "attempt")
      assert.deepStrictEqual(error._tag === "Timeout" && error.duration, Duration.millis(200))
      assert.isTrue(elapsed >= 190 && elapsed < 1500, `took ${elapsed} ms`)
      yield* local.socketClosed.pipe(Effect.timeout("5 seconds"))
      assert.strictEqual(local.stats.closed, 1)
    }))

  it.scopedLive("the total timeout bounds the attempts and the waits between them", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* connect(local.baseUrl, {
        retry: Retry.make({ maxRetries: 10, baseDelay: "10 millis", jitter: 0, factor: 1 }),
        timeout: { attempt: "150 millis", total: "400 millis" }
      })
      const started = Date.now()
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "hang" } }))
      const elapsed = Date.now() - started
      assert.isTrue(error._tag === "Timeout" && error.kind === "total")
      assert.deepStrictEqual(error._tag === "Timeout" && error.duration, Duration.millis(400))
      assert.isTrue(elapsed >= 390 && elapsed < 2000, `took ${elapsed} ms`)
      assert.strictEqual(local.seen.length, 3)
    }))

  it.scopedLive("interrupting the calling fiber aborts the request in flight", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* connect(local.baseUrl)
      const fiber = yield* Effect.fork(client.execute(Ops.CallsGet, { path: { id: "hang" } }))
      yield* local.received.pipe(Effect.timeout("5 seconds"))
      assert.strictEqual(local.stats.closed, 0)
      yield* Fiber.interrupt(fiber)
      yield* local.socketClosed.pipe(Effect.timeout("5 seconds"))
      assert.strictEqual(local.stats.closed, 1)
    }))

  it.scopedLive("a refused connection is a retryable TransportError with reason ConnectionRefused", () => {
    const lines: Array<string> = []
    const logger = Logger.make((options) => lines.push(String(options.message)))
    return Effect.gen(function*() {
      const port = yield* Server.closedPort
      const client = yield* connect(`http://127.0.0.1:${port}`, {
        retry: Retry.make({ maxRetries: 2, baseDelay: "5 millis" })
      })
      const error = yield* Effect.flip(client.execute(Ops.CallsCreate, { body: { assistantId: "a" } }))
      assert.isTrue(error._tag === "TransportError" && error.reason === "ConnectionRefused")
      assert.strictEqual(error.url, `http://127.0.0.1:${port}/call`)
      assert.deepStrictEqual(lines.map((line) => line.replace(/ in .*$/, "")), [
        "calls.create: TransportError, retry 1",
        "calls.create: TransportError, retry 2"
      ])
    }).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, logger)), Logger.withMinimumLogLevel(LogLevel.Debug))
  })

  it.scopedLive("a reset connection is a TransportError (ConnectionReset), retried for GET", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* connect(local.baseUrl, { retry: Retry.make({ maxRetries: 1, baseDelay: "10 millis" }) })
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "reset" } }))
      assert.isTrue(error._tag === "TransportError" && error.reason === "ConnectionReset")
      assert.strictEqual(local.seen.length, 2)
    }))

  it.scopedLive("a body cut short fails the transport with the response's status: a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const transport = yield* nodeTransport
      const failure = yield* Effect.flip(transport.send(get(`${local.baseUrl}/call/truncated`, 5_000, { authorization: `Bearer ${KEY}` })))
      assert.strictEqual(failure._tag, "SendError")
      assert.strictEqual(failure._tag === "SendError" && failure.response?.status, 200)

      const client = yield* connect(local.baseUrl)
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "truncated" } }))
      assert.isTrue(error._tag === "ResponseDecodeError" && error.status === 200)
    }))

  it.scopedLive("send returns status, headers and text; a timeout is TimedOut; an invalid URL a SendError", () =>
    Effect.gen(function*() {
      const local = yield* serve((seen, response) =>
        seen.url === "/hang" ? undefined : json(response, 202, { echo: seen.body, type: seen.headers["content-type"] }, {
          "x-many": ["a", "b"]
        })
      )
      const transport = yield* nodeTransport
      const response = yield* transport.send({
        method: "PUT",
        url: `${local.baseUrl}/echo?x=1`,
        headers: { "content-type": "application/octet-stream" },
        body: new TextEncoder().encode("bytes"),
        timeoutMillis: Infinity
      })
      assert.strictEqual(response.status, 202)
      assert.strictEqual(response.headers["content-type"], "application/json")
      assert.deepStrictEqual(response.headers["x-many"], ["a", "b"])
      assert.deepStrictEqual(JSON.parse(response.text), { echo: "bytes", type: "application/octet-stream" })
      assert.deepStrictEqual([local.seen[0].method, local.seen[0].url], ["PUT", "/echo?x=1"])

      // Longer than setTimeout can wait: no timer, rather than one that fires at once.
      const patient = yield* transport.send(get(`${local.baseUrl}/echo`, Duration.toMillis(Duration.days(30))))
      assert.strictEqual(patient.status, 202)

      const timedOut = yield* Effect.flip(transport.send(get(`${local.baseUrl}/hang`, 50)))
      assert.strictEqual(timedOut._tag, "TimedOut")
      yield* local.socketClosed.pipe(Effect.timeout("5 seconds"))

      const invalid = yield* Effect.flip(
        transport.send(get("not a url", 50))
      )
      assert.strictEqual(invalid._tag, "SendError")
      const client = yield* connect("not a url")
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c1" } }))
      assert.isTrue(error._tag === "RequestValidationError" && error.path === "url")
    }))

  it.scopedLive("reads a body written in pieces as UTF-8, split characters joined, a leading BOM dropped", () =>
    Effect.gen(function*() {
      const bytes = Buffer.from("\uFEFF{\"name\":\"Zoë 👋 Ωmega\"}", "utf8")
      const local = yield* serve((_, response) => {
        response.writeHead(200, { "content-type": "application/json" })
        // One byte at a time, so the two- and four-byte characters arrive split across chunks.
        const write = (i: number): void => {
          if (i === bytes.length) return void response.end()
          response.write(bytes.subarray(i, i + 1), () => setImmediate(() => write(i + 1)))
        }
        write(0)
      })
      const transport = yield* nodeTransport
      const response = yield* transport.send(get(`${local.baseUrl}/utf8`, 5_000))
      assert.strictEqual(response.text, "{\"name\":\"Zoë 👋 Ωmega\"}")
    }))

  /** Answers with a body in two chunks, then ends it or fails it. */
  const deliver = (
    handler: Undici.Dispatcher.DispatchHandler,
    controller: Undici.Dispatcher.DispatchController,
    chunks: ReadonlyArray<Buffer>,
    ending: "end" | "error"
  ) => {
    handler.onRequestStart?.(controller, {})
    handler.onResponseStart?.(controller, 200, {}, "OK")
    for (const chunk of chunks) handler.onResponseData?.(controller, chunk)
    if (ending === "end") handler.onResponseEnd?.(controller, {})
    else handler.onResponseError?.(controller, new Error("the body was cut short"))
  }

  /**
   * A dispatcher that keeps every handler it is given, as a dead object in the old generation of the heap
   * may, and keeps only weak references to the chunks and the controller it passes to them.
   */
  class Retaining extends Undici.Dispatcher {
    readonly handlers: Array<Undici.Dispatcher.DispatchHandler> = []
    readonly passed: Array<WeakRef<object>> = []
    constructor(private readonly ending: "end" | "error") {
      super()
    }
    override dispatch(_options: Undici.Dispatcher.DispatchOptions, handler: Undici.Dispatcher.DispatchHandler) {
      this.handlers.push(handler)
      const controller: Undici.Dispatcher.DispatchController = {
        aborted: false,
        paused: false,
        reason: null,
        abort() {},
        pause() {},
        resume() {}
      }
      const chunks = [Buffer.from("{\"id\":"), Buffer.from("1}")]
      this.passed.push(new WeakRef(controller), ...chunks.map((chunk) => new WeakRef(chunk)))
      setImmediate(deliver, handler, controller, chunks, this.ending)
      return true
    }
  }

  it.scopedLive("an ended exchange keeps neither the body's chunks nor undici's controller reachable", () =>
    Effect.gen(function*() {
      for (const ending of ["end", "error"] as const) {
        const dispatcher = new Retaining(ending)
        // Only the outcome's text or tag is kept: an error kept here could keep what the dispatcher passed
        // alive through its stack trace.
        const outcome = yield* Effect.match(
          NodeTransport.fromDispatcher(dispatcher).send(get("http://127.0.0.1:1/x", 5_000)),
          { onFailure: (error) => error._tag, onSuccess: (response) => response.text }
        )
        assert.strictEqual(outcome, ending === "end" ? "{\"id\":1}" : "SendError")
        yield* collectGarbage
        // The handler is still held, yet what it was given is gone: a handler that outlives its request
        // must not keep the response's buffers alive with it.
        assert.strictEqual(dispatcher.handlers.length, 1)
        assert.deepStrictEqual(dispatcher.passed.map((ref) => ref.deref() === undefined), [true, true, true])
      }
    }))

  it.scopedLive("a request still waiting for a connection is never sent once interrupted or timed out", () =>
    Effect.gen(function*() {
      const local = yield* serve((seen, response) => seen.url === "/hang" ? undefined : json(response, 200, {}))
      // One connection: while /hang holds it, every other request waits in the pool's queue.
      const agent = yield* Effect.acquireRelease(
        Effect.sync(() => new Undici.Agent({ connections: 1 })),
        (agent) => Effect.promise(() => agent.destroy())
      )
      const transport = NodeTransport.fromDispatcher(agent)
      const send = (path: string, timeoutMillis: number) =>
        transport.send(get(`${local.baseUrl}${path}`, timeoutMillis))
      const hanging = yield* Effect.fork(send("/hang", 1_000))
      yield* local.received.pipe(Effect.timeout("5 seconds"))
      const queued = yield* Effect.fork(send("/interrupted", 5_000))
      yield* Effect.sleep("20 millis")
      yield* Fiber.interrupt(queued)
      const timedOut = yield* Effect.flip(send("/timed-out", 50))
      assert.strictEqual(timedOut._tag, "TimedOut")
      assert.strictEqual((yield* Effect.flip(Fiber.join(hanging)))._tag, "TimedOut")
      // The connection is free again: the next request is served, and neither queued one ever was.
      assert.strictEqual((yield* send("/after", 5_000)).status, 200)
      assert.deepStrictEqual(local.seen.map((seen) => seen.url), ["/hang", "/after"])
    }))

  it.scopedLive("multipart uploads still go through the platform HttpClient", () =>
    Effect.gen(function*() {
      const local = yield* serve((seen, response) =>
        json(response, 201, { id: "file_1", name: seen.headers["content-type"], bytes: seen.body.length })
      )
      const client = yield* connect(local.baseUrl)
      const file = yield* client.execute(Ops.FilesCreate, {
        body: Multipart.make([Multipart.file({ filename: "a.txt", content: new TextEncoder().encode("hello") })])
      })
      assert.match(file.name, /^multipart\/form-data; boundary=/)
      assert.strictEqual(local.seen[0].headers["authorization"], `Bearer ${KEY}`)
      assert.strictEqual(local.seen[0].headers["user-agent"], VapiClient.userAgent)
    }))
})

describe("VapiClient with a Transport in context", () => {
  const overFailingHttpClient = (baseUrl: string, extra: Partial<VapiClient.Options> = {}) =>
    Server.build(
      VapiClient.layer(options(baseUrl, extra)).pipe(
        Layer.provide(Layer.merge(NodeTransport.layer, failingHttpClient))
      )
    )

  it.scopedLive("sends plain requests through the Transport, not the HttpClient", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* overFailingHttpClient(local.baseUrl)
      const call = yield* client.execute(Ops.CallsGet, { path: { id: "c1" } })
      assert.strictEqual(call.id, "c1")
      const created = yield* client.execute(Ops.CallsCreate, { body: { assistantId: "asst_2" } })
      assert.strictEqual(created.status, "for asst_2")
      // A streamed body cannot go through a Transport: it takes the HttpClient.
      const upload = yield* Effect.flip(client.execute(Ops.FilesCreate, {
        body: Multipart.make([Multipart.field("a", "b")])
      }))
      assert.isTrue(upload._tag === "TransportError" && upload.detail === "the HttpClient was used")
      assert.strictEqual(local.seen.length, 2)
    }))

  it.scopedLive("with transformClient set, every request goes through the HttpClient", () =>
    Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const transformed: Array<string> = []
      const client = yield* overFailingHttpClient(local.baseUrl, {
        transformClient: HttpClient.tapRequest((request) => Effect.sync(() => transformed.push(request.url)))
      })
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c1" } }))
      assert.isTrue(error._tag === "TransportError" && error.detail === "the HttpClient was used")
      assert.deepStrictEqual(transformed, [`${local.baseUrl}/call/c1`])
      assert.strictEqual(local.seen.length, 0)
    }))

  it.scopedLive("the operation's span has the status and no header, and nothing records the key", () => {
    const recorder = TestTracer.make()
    return Effect.gen(function*() {
      const local = yield* serve(vapiLike)
      const client = yield* connect(local.baseUrl)
      yield* client.execute(Ops.CallsGet, { path: { id: "c1" } })
      yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "missing" } }))
      yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "truncated" } }))
      assert.deepStrictEqual(recorder.spans.map((span) => span.name), ["Vapi.calls.get", "Vapi.calls.get", "Vapi.calls.get"])
      assert.deepStrictEqual(
        recorder.spans.map((span) => span.attributes.get("http.response.status_code")),
        [200, 404, 200]
      )
      assert.deepStrictEqual(recorder.spans[0].attributes.get("vapi.path.id"), "c1")
      for (const span of recorder.spans) {
        assert.isFalse([...span.attributes.keys()].some((key) => key.includes("header")))
        for (const [key, value] of span.attributes) assert.notInclude(`${key}=${String(value)}`, KEY)
      }
    }).pipe(Effect.withTracer(recorder.tracer))
  })
})

describe("Transport.fromHttpClient", () => {
  it.scopedLive("sends a Request through a platform HttpClient", () =>
    Effect.gen(function*() {
      const local = yield* serve((seen, response) => json(response, 200, { body: seen.body, url: seen.url }))
      const client = yield* Effect.map(Layer.build(NodeHttpClient.layerUndici), Context.get(HttpClient.HttpClient))
      const transport = Transport.fromHttpClient(client)
      const response = yield* transport.send({
        method: "POST",
        url: `${local.baseUrl}/x?a=1&b=two%20words`,
        headers: { "content-type": "application/json", authorization: "Bearer k" },
        body: "{\"a\":1}",
        timeoutMillis: 5_000
      })
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(JSON.parse(response.text), { body: "{\"a\":1}", url: "/x?a=1&b=two+words" })
      assert.strictEqual(local.seen[0].headers["content-type"], "application/json")
      assert.strictEqual(local.seen[0].headers["authorization"], "Bearer k")
      const hang = yield* serve(() => undefined)
      const timedOut = yield* Effect.flip(transport.send(get(`${hang.baseUrl}/`, 50)))
      assert.strictEqual(timedOut._tag, "TimedOut")
    }))
})
