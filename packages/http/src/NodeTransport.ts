/**
 * NodeTransport: a `Transport` over undici's `Dispatcher.dispatch`, the dispatcher being the one
 * `@effect/platform-node`'s `NodeHttpClient` uses (so no `undici` dependency of its own). Each attempt is one
 * dispatch handler resuming the fiber once: the body's chunks are collected and read as text, one timer aborts
 * the request at the attempt's timeout, and interrupting the fiber aborts it too. No abort signal, body stream
 * or promise is made per request, and the platform client's per-request work (request and response objects,
 * its span, header merging), which is most of the CPU a request costs, is skipped. Node only: this module imports `@effect/platform-node`.
 *
 * @since 0.2.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as Undici from "@effect/platform-node/Undici"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Attempt } from "./internal/attempt.js"
import * as Transport from "./Transport.js"

const parseUrl = (url: string): URL | Transport.SendError => {
  try {
    return new URL(url)
  } catch (cause) {
    return new Transport.SendError({ cause })
  }
}

/** Why an exchange was aborted before it ended: its fiber was interrupted, or its attempt timed out. */
class Aborted extends Error {}

/** The body's bytes as UTF-8 text without a leading byte-order mark, as undici's `body.text()` reads it. */
const decodeText = (chunks: ReadonlyArray<Buffer>, length: number): string => {
  if (length === 0) return ""
  const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0
  return buffer.toString("utf8", start)
}

/**
 * One request and its response, as an undici dispatch handler: it collects the body's chunks and ends its
 * {@link Attempt} with the text. The attempt's timer and an interruption abort it through undici's
 * controller, or, while the request still waits for a connection, as soon as it gets one.
 */
class Exchange implements Undici.Dispatcher.DispatchHandler {
  readonly attempt: Attempt
  private controller: Undici.Dispatcher.DispatchController | undefined
  private status = 0
  private headers: Transport.ResponseHeaders = {}
  private chunks: Array<Buffer> = []
  private length = 0

  constructor(
    resume: (effect: Effect.Effect<Transport.Response, Transport.TransportError>) => void,
    timeoutMillis: number
  ) {
    this.attempt = new Attempt(resume, timeoutMillis, () => this.controller?.abort(new Aborted("aborted")))
  }

  fail(cause: unknown): void {
    this.release()
    this.attempt.fail(cause, this.status === 0 ? undefined : { status: this.status, headers: this.headers })
  }

  /**
   * Drops the body's chunks and undici's controller once the exchange is over. The exchange itself may
   * outlive its request in the old generation of the heap (dead, but referenced from objects there until the
   * next full collection); holding the chunks, it kept every response's socket buffers with it: a walk over
   * 100,000 logs grew the process by ~65 MB of external memory before a full collection freed it.
   */
  private release(): void {
    this.chunks = []
    this.controller = undefined
  }

  onRequestStart(controller: Undici.Dispatcher.DispatchController): void {
    if (this.attempt.settled) controller.abort(new Aborted("aborted"))
    else this.controller = controller
  }

  onResponseStart(
    _controller: Undici.Dispatcher.DispatchController,
    statusCode: number,
    headers: Transport.ResponseHeaders
  ): void {
    this.status = statusCode
    this.headers = headers
  }

  onResponseData(_controller: Undici.Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk)
    this.length += chunk.length
  }

  onResponseEnd(): void {
    let text: string
    try {
      text = decodeText(this.chunks, this.length)
    } catch (cause) {
      return this.fail(cause)
    }
    this.release()
    this.attempt.succeed({ status: this.status, headers: this.headers, text })
  }

  onResponseError(_controller: Undici.Dispatcher.DispatchController, error: Error): void {
    this.fail(error)
  }
}

/**
 * A transport over an undici dispatcher (an `Agent`, a `Pool`, a `MockAgent`, ...). A timeout beyond what
 * `setTimeout` takes (about 24.8 days) counts as none.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromDispatcher = (dispatcher: Undici.Dispatcher): Transport.Service =>
  Transport.Transport.of({
    send: (request) =>
      Effect.async<Transport.Response, Transport.TransportError>((resume) => {
        const url = parseUrl(request.url)
        if (url instanceof Transport.SendError) return resume(Effect.fail(url))
        const exchange = new Exchange(resume, request.timeoutMillis)
        try {
          dispatcher.dispatch({
            origin: url.origin,
            path: `${url.pathname}${url.search}`,
            method: request.method,
            headers: request.headers,
            body: request.body ?? null,
            // The attempt's timeout is the exchange's timer; undici's own (300 s by default) would cut it short.
            headersTimeout: 0,
            bodyTimeout: 0
          }, exchange)
        } catch (cause) {
          exchange.fail(cause)
        }
        return Effect.sync(() => exchange.attempt.interrupt())
      })
  })

/**
 * The transport over the `Dispatcher` in context.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make: Effect.Effect<Transport.Service, never, NodeHttpClient.Dispatcher> = Effect.map(
  NodeHttpClient.Dispatcher,
  fromDispatcher
)

/**
 * The transport over the `Dispatcher` in context (e.g. `NodeHttpClient.dispatcherLayer`).
 *
 * @since 0.2.0
 * @category layers
 */
export const layerWithoutDispatcher: Layer.Layer<Transport.Transport, never, NodeHttpClient.Dispatcher> = Layer
  .effect(Transport.Transport, make)

/**
 * The transport over an undici `Agent` of its own, closed with the layer.
 *
 * @since 0.2.0
 * @category layers
 */
export const layer: Layer.Layer<Transport.Transport> = Layer.provide(
  layerWithoutDispatcher,
  NodeHttpClient.dispatcherLayer
)

/**
 * The transport and the platform's undici `HttpClient` (for the requests a transport cannot send: streamed
 * multipart uploads) over one undici `Agent`: all `VapiClient.layer` needs on Node.
 *
 * @since 0.2.0
 * @category layers
 * @example
 * import { Layer, Redacted } from "effect"
 * import { VapiClient } from "@vapi-effect/http"
 * import * as NodeTransport from "@vapi-effect/http/NodeTransport"
 *
 * const live = VapiClient.layer({ apiKey: Redacted.make("sk_...") }).pipe(Layer.provide(NodeTransport.layerUndici))
 */
export const layerUndici: Layer.Layer<Transport.Transport | HttpClient.HttpClient> = Layer.merge(
  layerWithoutDispatcher,
  NodeHttpClient.layerUndiciWithoutDispatcher
).pipe(Layer.provide(NodeHttpClient.dispatcherLayer))
