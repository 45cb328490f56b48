/**
 * HTTP pieces shared by the API and admin routes: answers as responses, bearer auth, reading bodies, and
 * the raw connection tricks behind the faults.
 *
 * @internal
 */
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Multipart from "@effect/platform/Multipart"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type * as Store from "../Store.js"
import * as Errors from "./errors.js"
import type { Json, JsonObject } from "./json.js"

/** Decides whether a bearer token is accepted. @internal */
export type Authorize = (token: string) => boolean

/** An answer as a JSON response. @internal */
export const respond = (answer: Errors.Answer, headers: Record<string, string> = {}) =>
  HttpServerResponse.unsafeJson(answer.body, { status: answer.status, headers })

/** The bearer token of a request, if any. @internal */
export const bearer = (request: HttpServerRequest.HttpServerRequest): string | undefined => {
  const header = request.headers.authorization
  const match = header === undefined ? null : /^Bearer\s+(\S.*)$/i.exec(header)
  const token = match?.[1]?.trim()
  return token === undefined || token === "" ? undefined : token
}

/** The request headers for a log entry, without credentials. @internal */
export const loggedHeaders = (request: HttpServerRequest.HttpServerRequest): JsonObject =>
  Object.fromEntries(
    Object.entries(request.headers).filter(([key]) => key !== "authorization" && key !== "cookie")
  )

const parseJson = (text: string): Effect.Effect<Json | undefined, Errors.BadRequest> =>
  text.trim() === ""
    ? Effect.succeed(undefined)
    : Effect.try({
      try: (): Json => JSON.parse(text),
      catch: (error) =>
        new Errors.BadRequest({ messages: error instanceof Error ? error.message : "Invalid JSON body" })
    })

/** The JSON body of a request (`{}` when empty, as body-parser gives it). @internal */
export const jsonBody = (request: HttpServerRequest.HttpServerRequest): Effect.Effect<Json, Errors.BadRequest> =>
  request.text.pipe(
    Effect.mapError(() => new Errors.BadRequest({ messages: "Could not read the request body" })),
    Effect.flatMap(parseJson),
    Effect.map((body) => body ?? {})
  )

interface Read {
  readonly part: Multipart.Part
  readonly bytes: Uint8Array | undefined
}

/** The `file` part of a multipart upload, read into memory. @internal */
export const upload = (
  request: HttpServerRequest.HttpServerRequest
): Effect.Effect<Store.Upload | undefined, Errors.BadRequest> => {
  const contentType = request.headers["content-type"] ?? ""
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return Effect.succeed(undefined)
  return request.multipartStream.pipe(
    Stream.mapEffect((part): Effect.Effect<Read, Multipart.MultipartError> =>
      Multipart.isFile(part)
        ? Effect.map(part.contentEffect, (bytes) => ({ part, bytes }))
        : Effect.succeed({ part, bytes: undefined })
    ),
    Stream.runCollect,
    Effect.map((parts) => {
      let file: Store.Upload | undefined = undefined
      let purpose: string | undefined = undefined
      for (const { bytes, part } of Chunk.toReadonlyArray(parts)) {
        if (Multipart.isField(part) && part.key === "purpose") purpose = part.value
        if (Multipart.isFile(part) && part.key === "file" && bytes !== undefined && file === undefined) {
          file = { filename: part.name, bytes, mimetype: part.contentType }
        }
      }
      return file === undefined ? undefined : { ...file, purpose }
    }),
    Effect.mapError((error) => new Errors.BadRequest({ messages: `Multipart: ${error.reason}` })),
    // A part is a file when it has a filename, whatever its type: `application/json` files are files too.
    Multipart.withFieldMimeTypes([])
  )
}

/** The client's address, if known. @internal */
export const remoteAddress = (request: HttpServerRequest.HttpServerRequest): string | undefined =>
  Option.getOrUndefined(request.remoteAddress)

/**
 * Resets the connection (TCP RST) with nothing written. The response is then marked ended so that the
 * platform writes nothing more; the returned response is never sent.
 *
 * @internal
 */
export const resetNow = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.sync(() => {
    const response = NodeHttpServerRequest.toServerResponse(request)
    const socket = response.socket
    if (socket === null) response.destroy()
    else socket.resetAndDestroy()
    response.end()
    return HttpServerResponse.empty()
  })

/**
 * Writes the status, headers (with the full `Content-Length`) and the first half of the body, then closes
 * the connection: the client sees a response whose body ends early.
 *
 * @internal
 */
export const resetDuringBody = (request: HttpServerRequest.HttpServerRequest, answer: Errors.Answer) =>
  Effect.async<HttpServerResponse.HttpServerResponse>((resume) => {
    const response = NodeHttpServerRequest.toServerResponse(request)
    const body = Buffer.from(JSON.stringify(answer.body))
    response.writeHead(answer.status, {
      "content-type": "application/json",
      "content-length": String(body.byteLength)
    })
    response.write(body.subarray(0, Math.floor(body.byteLength / 2)), () => {
      response.destroy()
      response.end()
      resume(Effect.succeed(HttpServerResponse.empty()))
    })
  })

/** An answer whose JSON body is cut short (well framed, not parseable). @internal */
export const truncated = (answer: Errors.Answer, bytes: number | undefined) => {
  const body = Buffer.from(JSON.stringify(answer.body))
  const cut = Math.min(bytes ?? Math.floor(body.byteLength / 2), Math.max(0, body.byteLength - 1))
  return HttpServerResponse.uint8Array(body.subarray(0, cut), { status: answer.status, contentType: "application/json" })
}
