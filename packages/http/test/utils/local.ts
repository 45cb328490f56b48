/**
 * A node:http server on 127.0.0.1 for the transport tests: records every request, counts its sockets, and
 * answers through a handler.
 */
import * as Effect from "effect/Effect"
import * as Queue from "effect/Queue"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type * as Transport from "../../src/Transport.js"

export interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: Http.IncomingHttpHeaders
  readonly body: string
}

/** Answers one request; `hits` counts the requests to the same method and path, this one included. */
export type Handler = (seen: Seen, response: Http.ServerResponse, hits: number) => void

export interface Local {
  readonly baseUrl: string
  readonly seen: Array<Seen>
  /** Takes the next request the server received (before it answers). */
  readonly received: Effect.Effect<Seen>
  /** Completes when the next client socket closes. */
  readonly socketClosed: Effect.Effect<void>
  readonly stats: { opened: number; closed: number }
}

/** A bodiless `GET` of `url` as a transport request, headers `headers`, within `timeoutMillis`. */
export const get = (
  url: string,
  timeoutMillis: number,
  headers: Readonly<Record<string, string>> = {}
): Transport.Request => ({ method: "GET", url, headers, body: undefined, timeoutMillis })

export const json = (response: Http.ServerResponse, status: number, body: unknown, headers: Http.OutgoingHttpHeaders = {}) => {
  response.writeHead(status, { "content-type": "application/json", ...headers })
  response.end(JSON.stringify(body))
}

export const nest = (response: Http.ServerResponse, status: number, message: string, headers: Http.OutgoingHttpHeaders = {}) =>
  json(response, status, { message, error: "Error", statusCode: status }, headers)

/** A node:http server on 127.0.0.1 that records every request and counts its sockets. */
export const serve = (handler: Handler): Effect.Effect<Local, never, Scope.Scope> =>
  Effect.gen(function*() {
    const received = yield* Queue.unbounded<Seen>()
    const closes = yield* Queue.unbounded<void>()
    const seen: Array<Seen> = []
    const hits = new Map<string, number>()
    const stats = { opened: 0, closed: 0 }
    const node = yield* Effect.acquireRelease(
      Effect.async<Http.Server>((resume) => {
        const server = Http.createServer((request, response) => {
          const chunks: Array<Buffer> = []
          request.on("data", (chunk: Buffer) => chunks.push(chunk))
          request.on("end", () => {
            const one: Seen = {
              method: request.method ?? "",
              url: request.url ?? "",
              headers: request.headers,
              body: Buffer.concat(chunks).toString("utf8")
            }
            seen.push(one)
            Queue.unsafeOffer(received, one)
            const route = `${one.method} ${one.url.split("?")[0]}`
            const count = (hits.get(route) ?? 0) + 1
            hits.set(route, count)
            handler(one, response, count)
          })
        })
        server.on("connection", (socket) => {
          stats.opened += 1
          socket.on("close", () => {
            stats.closed += 1
            Queue.unsafeOffer(closes, undefined)
          })
        })
        server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
      }),
      (server) =>
        Effect.async<void>((resume) => {
          server.closeAllConnections()
          server.close(() => resume(Effect.void))
        })
    )
    const address = node.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      seen,
      received: Queue.take(received),
      socketClosed: Queue.take(closes),
      stats
    }
  })

