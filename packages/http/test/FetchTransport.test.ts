/**
 * FetchTransport (the runtime's `fetch`) against a plain node:http server on 127.0.0.1, alone and under
 * `VapiClient`.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as FetchTransport from "../src/FetchTransport.js"
import * as Retry from "../src/Retry.js"
import * as Transport from "../src/Transport.js"
import * as VapiClient from "../src/VapiClient.js"
import { get, json, nest, serve } from "./utils/local.js"
import * as Ops from "./utils/ops.js"
import * as Server from "./utils/server.js"

const KEY = "sk_fetch_transport_CANARY_0123456789"

const transport = Effect.map(Layer.build(FetchTransport.layer), Context.get(Transport.Transport))

/** An `HttpClient` that fails every request, naming itself: what `VapiClient` must not use for plain requests. */
const failingHttpClient = Layer.succeed(
  HttpClient.HttpClient,
  HttpClient.make((request) =>
    Effect.fail(
      new HttpClientError.RequestError({ request, reason: "Transport", cause: new Error("the HttpClient was used") })
    )
  )
)

describe("FetchTransport", () => {
  it.scopedLive("send returns status, headers and text, and sends the method, headers and body", () =>
    Effect.gen(function*() {
      const local = yield* serve((seen, response) =>
        json(response, 202, { echo: seen.body, type: seen.headers["content-type"] }, {
          "x-many": ["a", "b"],
          "set-cookie": ["a=1", "b=2"]
        })
      )
      const fetchTransport = yield* transport
      const response = yield* fetchTransport.send({
        method: "PUT",
        url: `${local.baseUrl}/echo?x=1`,
        headers: { "content-type": "application/octet-stream", authorization: `Bearer ${KEY}` },
        body: new TextEncoder().encode("bytes"),
        timeoutMillis: Infinity
      })
      assert.strictEqual(response.status, 202)
      assert.strictEqual(response.headers["content-type"], "application/json")
      assert.strictEqual(response.headers["x-many"], "a, b")
      assert.deepStrictEqual(response.headers["set-cookie"], ["a=1", "b=2"])
      assert.deepStrictEqual(JSON.parse(response.text), { echo: "bytes", type: "application/octet-stream" })
      assert.deepStrictEqual([local.seen[0].method, local.seen[0].url], ["PUT", "/echo?x=1"])
      assert.strictEqual(local.seen[0].headers["authorization"], `Bearer ${KEY}`)
    }))

  it.scopedLive("a timeout is TimedOut and closes the connection; so does interrupting the fiber", () =>
    Effect.gen(function*() {
      const local = yield* serve(() => undefined)
      const fetchTransport = yield* transport
      const send = (timeoutMillis: number) =>
        fetchTransport.send(get(`${local.baseUrl}/hang`, timeoutMillis))
      const started = Date.now()
      const timedOut = yield* Effect.flip(send(50))
      assert.strictEqual(timedOut._tag, "TimedOut")
      assert.isBelow(Date.now() - started, 2_000)
      yield* local.socketClosed.pipe(Effect.timeout("5 seconds"))

      const fiber = yield* Effect.fork(send(Duration.toMillis(Duration.days(30))))
      yield* local.received.pipe(Effect.timeout("5 seconds"))
      yield* Fiber.interrupt(fiber)
      yield* local.socketClosed.pipe(Effect.timeout("5 seconds"))
      assert.strictEqual(local.stats.closed, 2)
    }))

  it.scopedLive("a refused connection, an invalid URL and a throwing fetch are SendErrors", () =>
    Effect.gen(function*() {
      const port = yield* Server.closedPort
      const fetchTransport = yield* transport
      const send = (url: string) => fetchTransport.send(get(url, 5_000))
      assert.strictEqual((yield* Effect.flip(send(`http://127.0.0.1:${port}/call`)))._tag, "SendError")
      assert.strictEqual((yield* Effect.flip(send("not a url")))._tag, "SendError")
      const broken = FetchTransport.fromFetch(() => {
        // A `fetch` replacement that throws instead of rejecting, which is not ours to prevent.
        // eslint-disable-next-line no-restricted-syntax
        throw new TypeError("no fetch here")
      })
      const failure = yield* Effect.flip(
        broken.send(get("http://127.0.0.1:1/", 5_000))
      )
      assert.isTrue(failure._tag === "SendError" && String(failure.cause).includes("no fetch here"))
    }))

  it.scopedLive("a response that cannot be read (a polyfill's) is a SendError, not a hang or an unhandled rejection", () =>
    Effect.gen(function*() {
      const rejections: Array<unknown> = []
      const onRejection = (reason: unknown) => rejections.push(reason)
      process.on("unhandledRejection", onRejection)
      yield* Effect.addFinalizer(() => Effect.sync(() => process.off("unhandledRejection", onRejection)))
      // A real `Response` with its `headers` replaced, as a polyfill's would be.
      const withHeaders = (headers: PropertyDescriptor) =>
        Object.defineProperty(new Response("ok", { status: 200 }), "headers", headers)
      // Headers without `getSetCookie` (Safari before 17, node-fetch): read as they are.
      const polyfillHeaders = { forEach: (f: (value: string, name: string) => void) => f("1", "x-one") }
      const old = FetchTransport.fromFetch(() => Promise.resolve(withHeaders({ value: polyfillHeaders })))
      const read = yield* old.send(get("http://127.0.0.1:1/", Infinity)).pipe(Effect.timeout("5 seconds"))
      assert.deepStrictEqual([read.status, read.headers, read.text], [200, { "x-one": "1" }, "ok"])
      // A response whose reading throws: a SendError at once, even with no timeout to end the wait.
      const broken = FetchTransport.fromFetch(() =>
        Promise.resolve(withHeaders({
          get(): never {
            // eslint-disable-next-line no-restricted-syntax
            throw new TypeError("no headers here")
          }
        }))
      )
      const failure = yield* Effect.flip(broken.send(get("http://127.0.0.1:1/", Infinity))).pipe(Effect.timeout("5 seconds"))
      assert.isTrue(failure._tag === "SendError" && String(failure.cause).includes("no headers here"))
      yield* Effect.sleep("20 millis")
      assert.deepStrictEqual(rejections, [])
    }))

  it.scopedLive("under VapiClient: plain requests take the transport; statuses, retries and timeouts map as usual", () =>
    Effect.gen(function*() {
      const local = yield* serve((seen, response, hits) => {
        if (seen.url === "/call/missing") return nest(response, 404, "Call not found")
        if (seen.url === "/call/flaky" && hits === 1) return nest(response, 500, "oops")
        if (seen.url === "/call/hang") return
        return json(response, 200, Ops.callJson(seen.url.split("/").pop() ?? ""))
      })
      const client = yield* Server.build(
        VapiClient.layer({
          apiKey: Redacted.make(KEY),
          baseUrl: local.baseUrl,
          retry: Retry.make({ maxRetries: 1, baseDelay: "5 millis" })
        }).pipe(Layer.provide(Layer.merge(FetchTransport.layer, failingHttpClient)))
      )
      const call = yield* client.execute(Ops.CallsGet, { path: { id: "c1" } })
      assert.strictEqual(call.id, "c1")
      const missing = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "missing" } }))
      assert.isTrue(missing._tag === "NotFound" && missing.status === 404)
      assert.strictEqual((yield* client.execute(Ops.CallsGet, { path: { id: "flaky" } })).id, "flaky")
      const slow = yield* Effect.flip(
        client.execute(Ops.CallsGet, { path: { id: "hang" } }).pipe(VapiClient.withTimeout({ attempt: "50 millis", total: "1 second" }))
      )
      assert.isTrue(slow._tag === "Timeout", slow._tag)
      assert.deepStrictEqual(local.seen.map((seen) => seen.headers["authorization"]).every((h) => h === `Bearer ${KEY}`), true)
    }))
})
