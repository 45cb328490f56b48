/**
 * Transport: the seam between `VapiClient` and the wire. A transport sends one fully prepared request (method,
 * URL, headers, a text or byte body), enforces the attempt's timeout itself, aborts the request when the fiber
 * is interrupted, and returns the status, the headers and the whole body as text. `VapiClient` uses the
 * `Transport` in context for plain requests (no body or a JSON body) when there is one, and the platform
 * `HttpClient` (through {@link fromHttpClient}) otherwise; retries, the total timeout, spans, decoding and the
 * mapping of failures onto `VapiError`s stay in `VapiClient`. `NodeTransport` is one over undici.
 *
 * @since 0.2.0
 */
import * as HttpBody from "@effect/platform/HttpBody"
import * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpMethod from "@effect/platform/HttpMethod"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { timeoutFail } from "./internal/timer.js"

/**
 * One request, ready to go: nothing is added to it on the way.
 *
 * - `url`: absolute, with the query string;
 * - `headers`: lower-case names, auth, `accept`, `user-agent` and `content-type` included;
 * - `body`: the body's text or bytes, `undefined` for none;
 * - `timeoutMillis`: how long the attempt may take, from sending to the end of the body (`Infinity` for no
 *   limit); past it the transport aborts the request and fails with {@link TimedOut}.
 *
 * @since 0.2.0
 * @category models
 */
export interface Request {
  readonly method: HttpMethod.HttpMethod
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | Uint8Array | undefined
  readonly timeoutMillis: number
}

/**
 * Response headers, by lower-case name (as Node and undici give them).
 *
 * @since 0.2.0
 * @category models
 */
export type ResponseHeaders = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

/**
 * A response with its whole body read, whatever the status.
 *
 * @since 0.2.0
 * @category models
 */
export interface Response {
  readonly status: number
  readonly headers: ResponseHeaders
  readonly text: string
}

/**
 * The request could not be sent or its response not read. `cause` is what the underlying client failed with
 * (a Node or undici error, or an `HttpClientError` for {@link fromHttpClient}); `response` is the status and
 * headers when they arrived before the failure (the body was cut short).
 *
 * @since 0.2.0
 * @category errors
 */
export class SendError extends Schema.TaggedError<SendError>()("SendError", {
  cause: Schema.Defect,
  response: Schema.optional(Schema.Struct({
    status: Schema.Number,
    headers: Schema.Record({
      key: Schema.String,
      value: Schema.Union(Schema.String, Schema.Array(Schema.String), Schema.Undefined)
    })
  }))
}) {
  override get message(): string {
    const cause: unknown = this.cause
    const detail = cause instanceof Error ? cause.message : String(cause)
    return this.response === undefined
      ? `the request failed: ${detail}`
      : `the body of a ${this.response.status} response could not be read: ${detail}`
  }
}

/**
 * The attempt took longer than the request's `timeoutMillis`; the request was aborted.
 *
 * @since 0.2.0
 * @category errors
 */
export class TimedOut extends Schema.TaggedError<TimedOut>()("TimedOut", {}) {
  override get message(): string {
    return "the attempt timed out"
  }
}

/**
 * Every failure of a transport.
 *
 * @since 0.2.0
 * @category errors
 */
export type TransportError = SendError | TimedOut

/**
 * @since 0.2.0
 * @category models
 */
export interface Service {
  /**
   * Sends one request and reads its whole response. Interrupting the effect aborts the request.
   */
  readonly send: (request: Request) => Effect.Effect<Response, TransportError>
}

/**
 * The transport `VapiClient` sends plain requests through, when one is in context and `transformClient` is
 * not set.
 *
 * @since 0.2.0
 * @category tags
 */
export class Transport extends Context.Tag("@vapi-effect/http/Transport")<Transport, Service>() {}

/**
 * Header names whose values the platform's client span may record; every other request or response header
 * (the API key, the caller's extra headers, whatever a proxy echoes back) shows as `<redacted>`.
 */
const visibleHeaders = /^(?!(?:accept|content-type|content-length|user-agent|date|retry-after|x-request-id)$)/i

const redactHeaders = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.locallyWith(effect, Headers.currentRedactedNames, (names) => [...names, visibleHeaders])

const timedOut = () => new TimedOut()

/**
 * Sends a platform request through `client` as a transport does: the whole body read as text, the attempt
 * bounded by `timeoutMillis`, every header but a few well-known ones redacted in the platform's client span,
 * and failures as {@link SendError}s carrying the `HttpClientError`. `VapiClient` sends the requests a
 * {@link Request} cannot describe (streamed multipart bodies) this way.
 *
 * @since 0.2.0
 * @category constructors
 */
export const sendHttpClientRequest = (
  client: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  timeoutMillis: number
): Effect.Effect<Response, TransportError> => {
  const attempt = redactHeaders(client.execute(request)).pipe(
    Effect.mapError((cause) => new SendError({ cause })),
    Effect.flatMap((response) =>
      Effect.mapBoth(response.text, {
        onFailure: (cause) => new SendError({ cause, response: { status: response.status, headers: response.headers } }),
        onSuccess: (text): Response => ({ status: response.status, headers: response.headers, text })
      })
    )
  )
  return timeoutFail(attempt, timeoutMillis, timedOut)
}

/**
 * A `URL` when the text is one, so that the query string becomes the request's `urlParams` as in a request
 * built with `HttpClientRequest`; the text otherwise, for the platform to fail with its `InvalidUrl` error.
 */
const parseUrl = (url: string): URL | string => {
  try {
    return new URL(url)
  } catch {
    return url
  }
}

const toHttpClientRequest = (request: Request): HttpClientRequest.HttpClientRequest => {
  const base = HttpClientRequest.make(request.method)(parseUrl(request.url), { headers: request.headers })
  const contentType = request.headers["content-type"]
  return typeof request.body === "string"
    ? HttpClientRequest.setBody(base, HttpBody.text(request.body, contentType))
    : request.body === undefined
    ? base
    : HttpClientRequest.setBody(base, HttpBody.uint8Array(request.body, contentType))
}

/**
 * A transport over a platform `HttpClient` (`FetchHttpClient`, `NodeHttpClient`, a test fake, ...): what
 * `VapiClient` uses when no `Transport` is in context.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromHttpClient = (client: HttpClient.HttpClient): Service =>
  Transport.of({
    send: (request) =>
      Effect.suspend(() => sendHttpClientRequest(client, toHttpClientRequest(request), request.timeoutMillis))
  })
