/**
 * NodeTransport: a `Transport` over undici's `Dispatcher.request`, the dispatcher being the one
 * `@effect/platform-node`'s `NodeHttpClient` uses (so no `undici` dependency of its own). Each attempt is one
 * callback into Effect: the request goes out with an abort signal, one timer aborts it at the attempt's
 * timeout, the body is read as text, and interrupting the fiber aborts the request. It skips the platform
 * client's per-request work (request and response objects, its span, header merging), which is most of the CPU
 * a request costs. Node only: this module imports `@effect/platform-node`.
 *
 * @since 0.2.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as Undici from "@effect/platform-node/Undici"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Transport from "./Transport.js"

/** The longest delay `setTimeout` takes (about 24.8 days); a longer one would fire at once. */
const maxTimerMillis = 2_147_483_647

const parseUrl = (url: string): URL | Transport.SendError => {
  try {
    return new URL(url)
  } catch (cause) {
    return new Transport.SendError({ cause })
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
        const controller = new AbortController()
        let settled = false
        let timedOut = false
        const timer = request.timeoutMillis <= maxTimerMillis
          ? setTimeout(() => {
            timedOut = true
            controller.abort()
          }, Math.max(0, request.timeoutMillis))
          : undefined
        const settle = (effect: Effect.Effect<Transport.Response, Transport.TransportError>): void => {
          if (settled) return
          settled = true
          if (timer !== undefined) clearTimeout(timer)
          resume(effect)
        }
        const fail = (cause: unknown, response?: Transport.SendError["response"]): void =>
          settle(Effect.fail(
            timedOut
              ? new Transport.TimedOut()
              : new Transport.SendError(response === undefined ? { cause } : { cause, response })
          ))
        dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          signal: controller.signal,
          // The attempt's timeout is the timer above; undici's own (300 s by default) would cut it short.
          headersTimeout: 0,
          bodyTimeout: 0
        }, (error, data) => {
          if (error !== null) return fail(error)
          const status = data.statusCode
          const headers = data.headers
          data.body.text().then(
            (text) => settle(Effect.succeed({ status, headers, text })),
            (cause: unknown) => fail(cause, { status, headers })
          )
        })
        return Effect.sync(() => {
          settled = true
          if (timer !== undefined) clearTimeout(timer)
          controller.abort()
        })
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
