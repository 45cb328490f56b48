/**
 * An `HttpClient` that hands each request to an `HttpApp` in the calling fiber: no socket, no port, and the
 * caller's `Clock`, `Random` and interruption apply to the app as they do to the client.
 *
 * @internal
 */
import type * as HttpApp from "@effect/platform/HttpApp"
import type * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"

/** The address the app sees requests coming from. @internal */
export const remoteAddress = "127.0.0.1"

const concat = (chunks: Chunk.Chunk<Uint8Array>): Uint8Array<ArrayBuffer> => {
  const all = Chunk.toReadonlyArray(chunks)
  const out = new Uint8Array(all.reduce((n, chunk) => n + chunk.byteLength, 0))
  let offset = 0
  for (const chunk of all) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

const isBodyInit = (u: unknown): u is BodyInit =>
  typeof u === "string" || u instanceof Uint8Array || u instanceof ArrayBuffer || u instanceof Blob ||
  u instanceof FormData || u instanceof URLSearchParams || u instanceof ReadableStream

/**
 * The request body as the app will read it. A streamed body is read whole first, and a failure of its
 * stream is an `Encode` error, as the platform's clients report it (a multipart part that cannot be read
 * then fails as a `RequestValidationError` at `body.<part>`, before the app sees anything).
 */
const webBody = (
  request: HttpClientRequest.HttpClientRequest,
  body: HttpBody.HttpBody
): Effect.Effect<BodyInit | null, HttpClientError.RequestError> => {
  switch (body._tag) {
    case "Empty":
      return Effect.succeed(null)
    case "Uint8Array":
      return Effect.succeed(body.body.slice())
    case "FormData":
      return Effect.succeed(body.formData)
    case "Raw":
      return isBodyInit(body.body)
        ? Effect.succeed(body.body)
        : Effect.fail(
          new HttpClientError.RequestError({ request, reason: "Encode", description: "unsupported raw body" })
        )
    case "Stream":
      return Stream.runCollect(body.stream).pipe(
        Effect.map(concat),
        Effect.mapError((cause) => new HttpClientError.RequestError({ request, reason: "Encode", cause }))
      )
  }
}

const toServerRequest = (request: HttpClientRequest.HttpClientRequest, url: URL) =>
  Effect.flatMap(webBody(request, request.body), (body) =>
    Effect.try({
      try: () =>
        HttpServerRequest.fromWeb(new Request(url, { method: request.method, headers: request.headers, body }))
          .modify({ remoteAddress }),
      catch: (cause) => new HttpClientError.RequestError({ request, reason: "Transport", cause })
    }))

/**
 * Runs the app on one request; a defect or an unhandled failure becomes the response the platform's servers
 * send. The request's scope closes when the app has answered: the mock's answers are all in memory.
 */
const respond = <E>(app: HttpApp.Default<E, Scope.Scope>, request: HttpServerRequest.HttpServerRequest) =>
  app.pipe(
    Effect.provideService(HttpServerRequest.HttpServerRequest, request),
    Effect.scoped,
    Effect.catchAllCause((cause) =>
      Cause.isInterruptedOnly(cause)
        ? Effect.interrupt
        : Effect.map(HttpServerError.causeResponse(cause), ([response]) => response)
    )
  )

/**
 * The client. Trace context is not propagated: there is no other process to continue the trace, and the
 * headers would put random span ids into the requests the app records.
 *
 * @internal
 */
export const client = <E>(app: HttpApp.Default<E, Scope.Scope>): HttpClient.HttpClient =>
  HttpClient.make((request, url) =>
    Effect.gen(function*() {
      const serverRequest = yield* toServerRequest(request, url)
      const response = yield* respond(app, serverRequest)
      const runtime = yield* Effect.runtime<never>()
      return HttpClientResponse.fromWeb(request, HttpServerResponse.toWeb(response, { runtime }))
    })
  ).pipe(HttpClient.withTracerPropagation(false))
