/**
 * MockServer: a Vapi-compatible HTTP server on 127.0.0.1 serving all 37 operations over an in-memory
 * `Store`, with bearer auth, NestJS-style 400/404 answers, multipart upload, and fault injection steered from
 * the test (`faults`) or over HTTP (`/__admin/faults`). Start it as a scoped layer in a test, or as a command
 * (`pnpm --filter @vapi-effect/testing serve`) for programs in other processes.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type * as Faults from "./Faults.js"
import * as Backend from "./internal/backend.js"
import type * as Store from "./Store.js"

/**
 * Options of `layer` and `make`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number | undefined
  /** Accept only this bearer token; any non-empty token is accepted otherwise. */
  readonly apiKey?: string | undefined
  /** Seeds ids, the org id, the suggested key and the fault probabilities. */
  readonly seed?: string | number | undefined
  /** Records present from the start (and again after a reset). */
  readonly fixtures?: Store.Fixtures | undefined
  /** The org every record belongs to. */
  readonly orgId?: string | undefined
  /** Validate request bodies against the request schemas (true by default). */
  readonly validateRequests?: boolean | undefined
}

/**
 * One request as the server saw it: what it answered (`status`) or which fault it applied.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestRecord {
  readonly method: string
  readonly path: string
  readonly operation?: string
  readonly status?: number
  readonly fault?: string
}

/**
 * A running server.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The base URL, `http://127.0.0.1:<port>`. */
  readonly url: string
  readonly port: number
  /** The key to use: the configured one, or a generated one (any non-empty token works then). */
  readonly apiKey: Redacted.Redacted<string>
  /** The store behind the server: seed it and inspect it from the test. */
  readonly store: Store.Service
  /** The fault rules. */
  readonly faults: Faults.Service
  /** Every request received (the last 10 000), oldest first. */
  readonly requests: Effect.Effect<ReadonlyArray<RequestRecord>>
  readonly clearRequests: Effect.Effect<void>
}

/**
 * The running server.
 *
 * @since 0.1.0
 * @category tags
 */
export class MockServer extends Context.Tag("@vapi-effect/testing/MockServer")<MockServer, Service>() {}

/**
 * Starts a server for the lifetime of the scope; closing the scope also drops every open connection
 * (hung requests included).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service, HttpServerError.ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const node = Http.createServer()
    const server = yield* NodeHttpServer.make(() => node, { port: options.port ?? 0, host: "127.0.0.1" })
    yield* Effect.addFinalizer(() => Effect.sync(() => node.closeAllConnections()))
    const port = server.address._tag === "TcpAddress" ? server.address.port : 0
    const url = `http://127.0.0.1:${port}`
    const { apiKey, app, faults, journal, store } = yield* Backend.make({ ...options, url })
    yield* server.serve(app)
    return {
      url,
      port,
      apiKey: Redacted.make(apiKey),
      store,
      faults,
      requests: journal.entries,
      clearRequests: journal.clear
    }
  })

/**
 * A server as a scoped layer.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Faults, MockServer } from "@vapi-effect/testing"
 *
 * const program = Effect.gen(function*() {
 *   const server = yield* MockServer.MockServer
 *   yield* server.faults.add({ method: "GET", path: "/call/{id}", fault: Faults.status(503), times: 2 })
 *   // ... run the code under test against server.url with server.apiKey
 * })
 *
 * program.pipe(Effect.provide(MockServer.layer({ seed: 1 })))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<MockServer, HttpServerError.ServeError> =>
  Layer.scoped(MockServer, make(options))
