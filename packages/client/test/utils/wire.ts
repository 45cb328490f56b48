/**
 * A recording proxy on 127.0.0.1 in front of `MockServer`: it keeps every request exactly as it arrived
 * (method, path, raw query string, headers, body bytes) and forwards it unchanged, so tests can assert the
 * request on the wire and the decoded answer of the real server.
 */
import { assert } from "@effect/vitest"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import * as Retry from "@vapi-effect/http/Retry"
import type * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type * as Vapi from "../../src/Vapi.js"
import type * as Clients from "./clients.js"
import { MockServer } from "./mock.js"

/** The one key the server accepts in these tests. */
export const API_KEY = "sk_wire_test_0123456789"

/** One request as it arrived at the proxy. */
export interface WireRequest {
  readonly method: string
  /** The path, without the query string. */
  readonly path: string
  /** The raw query string, without `?` (`""` when there is none). */
  readonly query: string
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array<ArrayBuffer>
  /** Whether the whole body arrived (false when the client aborted the request). */
  readonly complete: boolean
}

export interface Service {
  /** The proxy's base URL, `http://127.0.0.1:<port>`. */
  readonly url: string
  /** The server behind the proxy. */
  readonly server: MockServer.Service
  /** Every request received, oldest first. */
  readonly requests: Effect.Effect<ReadonlyArray<WireRequest>>
  readonly clear: Effect.Effect<void>
}

export class Wire extends Context.Tag("test/Wire")<Wire, Service>() {}

const headerRecord = (headers: Http.IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]]
    )
  )

const listen = (
  target: URL,
  recorded: Array<WireRequest>
): Effect.Effect<{ readonly port: number }, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<{ readonly node: Http.Server; readonly agent: Http.Agent; readonly port: number }>((resume) => {
      const agent = new Http.Agent({ keepAlive: false })
      const node = Http.createServer((req, res) => {
        const chunks: Array<Buffer> = []
        const url = new URL(req.url ?? "/", "http://127.0.0.1")
        const record = (complete: boolean) =>
          recorded.push({
            method: req.method ?? "",
            path: url.pathname,
            query: url.search.replace(/^\?/, ""),
            headers: headerRecord(req.headers),
            body: new Uint8Array(Buffer.concat(chunks)),
            complete
          })
        req.on("data", (chunk: Buffer) => chunks.push(chunk))
        req.on("error", () => undefined)
        req.on("close", () => {
          if (!req.complete) record(false)
        })
        req.on("end", () => {
          record(true)
          const upstream = Http.request(
            {
              host: target.hostname,
              port: target.port,
              method: req.method,
              path: req.url,
              headers: req.headers,
              agent
            },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, answer.headers)
              answer.pipe(res)
            }
          )
          upstream.on("error", () => res.destroy())
          upstream.end(Buffer.concat(chunks))
        })
      })
      node.listen(0, "127.0.0.1", () => {
        const address = node.address()
        resume(Effect.succeed({ node, agent, port: typeof address === "object" && address !== null ? address.port : 0 }))
      })
    }),
    ({ agent, node }) =>
      Effect.async<void>((resume) => {
        agent.destroy()
        node.closeAllConnections()
        node.close(() => resume(Effect.void))
      })
  )

/** A `MockServer` (accepting only {@link API_KEY}) behind a recording proxy. */
export const layer = (
  options: Omit<MockServer.Options, "apiKey"> = {}
): Layer.Layer<Wire | MockServer.MockServer, HttpServerError.ServeError> =>
  Layer.scopedContext(Effect.gen(function*() {
    const server = yield* MockServer.make({ seed: "wire", ...options, apiKey: API_KEY })
    const recorded: Array<WireRequest> = []
    const { port } = yield* listen(new URL(server.url), recorded)
    const wire: Service = {
      url: `http://127.0.0.1:${port}`,
      server,
      requests: Effect.sync(() => [...recorded]),
      clear: Effect.sync(() => {
        recorded.length = 0
      })
    }
    return Context.make(Wire, wire).pipe(Context.add(MockServer.MockServer, server))
  }))

/**
 * The nine services (and their `VapiClient`, no retries) built by `stack`, talking to the proxy, with the
 * proxy and its server.
 */
export const services = (
  stack: Clients.Stack,
  options: Omit<MockServer.Options, "apiKey"> = {}
): Layer.Layer<Vapi.Services | VapiClient.VapiClient | Wire | MockServer.MockServer, HttpServerError.ServeError> =>
  Layer.unwrapEffect(
    Effect.map(Wire, (wire) => stack({ apiKey: Redacted.make(API_KEY), baseUrl: wire.url, retry: Retry.none }))
  ).pipe(Layer.provideMerge(layer(options)))

/** The parsed JSON body (`undefined` when the body is empty). */
export const json = (request: WireRequest): unknown => {
  const text = new TextDecoder().decode(request.body)
  return text === "" ? undefined : JSON.parse(text)
}

/** What the tests assert about a request: everything but the body's bytes and the incidental headers. */
export interface Summary {
  readonly method: string
  readonly path: string
  readonly query: string
  readonly contentType: string | undefined
  readonly authorization: string | undefined
  readonly accept: string | undefined
  readonly body: unknown
}

/** The request in the form tests compare against a literal. */
export const summary = (request: WireRequest): Summary => ({
  method: request.method,
  path: request.path,
  query: request.query,
  contentType: request.headers["content-type"],
  authorization: request.headers["authorization"],
  accept: request.headers["accept"],
  body: json(request)
})

/** The expected summary of a request from this SDK: JSON content type when there is a body. */
export const expected = (
  method: string,
  path: string,
  options: { readonly query?: string; readonly body?: unknown } = {}
): Summary => ({
  method,
  path,
  query: options.query ?? "",
  contentType: options.body === undefined ? undefined : "application/json",
  authorization: `Bearer ${API_KEY}`,
  accept: "application/json",
  body: options.body
})

/** The requests recorded so far, left in place. */
export const peek: Effect.Effect<ReadonlyArray<WireRequest>, never, Wire> = Effect.flatMap(Wire, (wire) => wire.requests)

/** The requests received since the last `clear`, which must be exactly one; clears the journal. */
export const single: Effect.Effect<WireRequest, never, Wire> = Effect.gen(function*() {
  const wire = yield* Wire
  const requests = yield* wire.requests
  yield* wire.clear
  assert.strictEqual(requests.length, 1, `expected one request, got ${requests.map((r) => `${r.method} ${r.path}`).join(", ")}`)
  return requests[0]!
})
