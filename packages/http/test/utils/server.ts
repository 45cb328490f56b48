/**
 * A real HTTP server on 127.0.0.1 (port 0), built with `@effect/platform-node`, that counts its sockets.
 */
import type * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Queue from "effect/Queue"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"
import * as Net from "node:net"
import * as VapiClient from "../../src/VapiClient.js"

export interface TestServer {
  readonly baseUrl: string
  /** Completes when the next client socket closes. */
  readonly socketClosed: Effect.Effect<void>
  readonly stats: { opened: number; closed: number }
}

export const start = <E, R>(
  handler: (request: HttpServerRequest.HttpServerRequest) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Effect.Effect<TestServer, HttpServerError.ServeError, Scope.Scope | Exclude<R, HttpServerRequest.HttpServerRequest>> =>
  Effect.gen(function*() {
    const closes = yield* Queue.unbounded<void>()
    const stats = { opened: 0, closed: 0 }
    const nodeServer = createServer()
    nodeServer.on("connection", (socket) => {
      stats.opened += 1
      socket.on("close", () => {
        stats.closed += 1
        Queue.unsafeOffer(closes, undefined)
      })
    })
    const server = yield* NodeHttpServer.make(() => nodeServer, { port: 0, host: "127.0.0.1" })
    yield* server.serve(Effect.flatMap(HttpServerRequest.HttpServerRequest, handler))
    const port = server.address._tag === "TcpAddress" ? server.address.port : 0
    return { baseUrl: `http://127.0.0.1:${port}`, socketClosed: Queue.take(closes), stats }
  })

/** Builds a `VapiClient` layer in the current scope (its HTTP agent lives as long as the test). */
export const build = <E>(
  layer: Layer.Layer<VapiClient.VapiClient, E>
): Effect.Effect<VapiClient.Service, E, Scope.Scope> =>
  Effect.map(Layer.build(layer), (context) => Context.get(context, VapiClient.VapiClient))

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export const closedPort: Effect.Effect<number> = Effect.async<number>((resume) => {
  const probe = Net.createServer()
  probe.listen(0, "127.0.0.1", () => {
    const address = probe.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    probe.close(() => resume(Effect.succeed(port)))
  })
})
