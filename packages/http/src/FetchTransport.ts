/**
 * FetchTransport: a `Transport` over the runtime's `fetch` (Node, Bun, Deno, Cloudflare Workers, browsers).
 * Each attempt is one `fetch` with an abort signal, resuming the fiber once: one timer aborts the request at
 * the attempt's timeout, interrupting the fiber aborts it too, and the body is read as text. It skips the
 * platform `FetchHttpClient`'s per-request work (request and response objects, its span, a forked fiber for
 * the timeout), which costs more than the `fetch` itself. Wherever there is no undici, this is the fast path.
 *
 * @since 0.2.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Attempt } from "./internal/attempt.js"
import * as Transport from "./Transport.js"

/** Response headers by lower-case name; repeated `set-cookie` headers as an array, as Node gives them. */
const headersOf = (headers: Headers): Transport.ResponseHeaders => {
  const out: Record<string, string | ReadonlyArray<string>> = {}
  headers.forEach((value, name) => {
    out[name] = value
  })
  // `getSetCookie` is missing from older runtimes' and polyfills' `Headers` (Safari before 17, node-fetch).
  const cookies = typeof headers.getSetCookie === "function" ? headers.getSetCookie() : []
  if (cookies.length > 1) out["set-cookie"] = cookies
  return out
}

/**
 * A transport over a `fetch` function (the global one by default). A timeout beyond what `setTimeout` takes
 * (about 24.8 days) counts as none.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromFetch = (fetch: typeof globalThis.fetch = globalThis.fetch): Transport.Service =>
  Transport.Transport.of({
    send: (request) =>
      Effect.async<Transport.Response, Transport.TransportError>((resume) => {
        const controller = new AbortController()
        const attempt = new Attempt(resume, request.timeoutMillis, () => controller.abort())
        const receive = (response: globalThis.Response): Promise<void> => {
          const status = response.status
          const headers = headersOf(response.headers)
          return response.text().then(
            (text) => attempt.succeed({ status, headers, text }),
            (cause: unknown) => attempt.fail(cause, { status, headers })
          )
        }
        // `fetch` rejects rather than throws, but a replacement may throw: either is a SendError. So is whatever
        // reading a response throws (a `Response` or `Headers` of a polyfill may lack what we read): the
        // final `catch` settles the attempt instead of leaving an unhandled rejection and a waiting fiber.
        try {
          void fetch(request.url, {
            method: request.method,
            headers: request.headers,
            // Copied into a plain `ArrayBuffer` view, which is what `fetch` takes (a view may be on shared memory).
            body: typeof request.body === "string" || request.body === undefined
              ? request.body ?? null
              : new Uint8Array(request.body),
            signal: controller.signal
          }).then(receive).catch((cause: unknown) => attempt.fail(cause))
        } catch (cause) {
          attempt.fail(cause)
        }
        return Effect.sync(() => attempt.interrupt())
      })
  })

/**
 * The transport over the global `fetch`.
 *
 * @since 0.2.0
 * @category layers
 */
export const layer: Layer.Layer<Transport.Transport> = Layer.sync(Transport.Transport, () => fromFetch(globalThis.fetch))

/**
 * The transport and the platform's `FetchHttpClient` (for the requests a transport cannot send: streamed
 * multipart uploads), both over the global `fetch`: all `VapiClient.layer` needs wherever `fetch` is.
 *
 * @since 0.2.0
 * @category layers
 * @example
 * import { Layer, Redacted } from "effect"
 * import { FetchTransport, VapiClient } from "@vapi-effect/http"
 *
 * const live = VapiClient.layer({ apiKey: Redacted.make("sk_...") }).pipe(Layer.provide(FetchTransport.layerFetchHttpClient))
 */
export const layerFetchHttpClient: Layer.Layer<Transport.Transport | HttpClient.HttpClient> = Layer.merge(
  layer,
  FetchHttpClient.layer
)
