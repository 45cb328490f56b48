/**
 * Turns an operation and its input into a request: path parameters URL-encoded, query and JSON body encoded
 * through their schemas (a JSON body as its text, for any `Transport`), multipart bodies as a streamed
 * `HttpClientRequest` for the platform client. Fails before anything is sent.
 *
 * @internal
 */
import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as UrlParams from "@effect/platform/UrlParams"
import type * as Operation from "@vapi-effect/schema/Operation"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type * as VapiError from "../VapiError.js"
import { causeMessage } from "./format.js"
import { encoderKey, isEncodable } from "./multipartEncoder.js"
import { isPartError, PartError } from "./partError.js"

/** @internal */
export interface LooseInput {
  readonly path?: Readonly<Record<string, unknown>> | undefined
  readonly query?: unknown
  readonly body?: unknown
}

/**
 * A request without a body or with a JSON body (`Plain`, its `url` with the query string), or one with a
 * streamed body that only the platform client sends (`Http`).
 *
 * @internal
 */
export type Prepared =
  | { readonly _tag: "Plain"; readonly url: string; readonly json: string | undefined }
  | { readonly _tag: "Http"; readonly url: string; readonly request: HttpClientRequest.HttpClientRequest }

type Body =
  | { readonly _tag: "Json"; readonly text: string }
  | { readonly _tag: "Http"; readonly body: HttpBody.HttpBody }

type Invalid = Extract<VapiError.Failure, { readonly _tag: "Invalid" }>

const invalid = (at: string, cause: Invalid["cause"]): Invalid => ({ _tag: "Invalid", at, cause })

/**
 * A path parameter as one URL path segment, or why it cannot be one: `.` and `..` would be resolved away by
 * the URL (`calls.delete("..")` would send `DELETE /`), and a lone surrogate has no UTF-8 encoding.
 */
const pathSegment = (value: unknown): string | Error => {
  if (typeof value !== "string" || value === "") return new Error("is required and must be a non-empty string")
  if (value === "." || value === "..") return new Error(`must not be "${value}"`)
  try {
    return encodeURIComponent(value)
  } catch {
    return new Error("is not well-formed Unicode (a lone surrogate)")
  }
}

const renderPath = (operation: Operation.Operation, input: LooseInput): Effect.Effect<string, Invalid> =>
  Effect.suspend(() => {
    let rendered = operation.path
    for (const name of operation.pathParams) {
      const segment = pathSegment(input.path?.[name])
      if (segment instanceof Error) return Effect.fail(invalid(`path.${name}`, segment.message))
      rendered = rendered.split(`{${name}}`).join(segment)
    }
    return Effect.succeed(rendered)
  })

const scalar = (value: unknown): string | undefined | Error => {
  if (value === undefined || value === null) return undefined
  if (typeof value === "string") return value
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value)
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? new Error("is an invalid Date") : value.toISOString()
  }
  return new Error("cannot be sent in a query string")
}

const toUrlParams = (encoded: unknown): Effect.Effect<UrlParams.UrlParams, Invalid> =>
  Effect.suspend(() => {
    if (!Predicate.isRecord(encoded)) return Effect.fail(invalid("query", "must be an object"))
    const params: Array<[string, string]> = []
    for (const [key, value] of Object.entries(encoded)) {
      const values: ReadonlyArray<unknown> = Array.isArray(value) ? value : [value]
      for (const item of values) {
        const text = scalar(item)
        if (text instanceof Error) return Effect.fail(invalid(`query.${key}`, text.message))
        if (text !== undefined) params.push([key, text])
      }
    }
    return Effect.succeed(params)
  })

const encodeQuery = (operation: Operation.Operation, input: LooseInput): Effect.Effect<UrlParams.UrlParams, Invalid> =>
  operation.query === undefined || input.query === undefined
    ? Effect.succeed(UrlParams.empty)
    : Either.match(Schema.encodeUnknownEither(operation.query)(input.query), {
      onLeft: (error) => Effect.fail(invalid("query", error)),
      onRight: toUrlParams
    })

/** Passes a streamed body's `PartError`s through `scrub`: the platform may log them as they are. */
const scrubStream = (body: HttpBody.HttpBody, scrub: (text: string) => string): HttpBody.HttpBody =>
  body._tag !== "Stream" ? body : HttpBody.stream(
    Stream.mapError(body.stream, (error) => isPartError(error) ? new PartError(error.part, scrub(error.detail)) : error),
    body.contentType,
    body.contentLength
  )

const encodeBody = (
  operation: Operation.Operation,
  input: LooseInput,
  scrub: (text: string) => string
): Effect.Effect<Body | undefined, Invalid> => {
  const body = input.body
  switch (operation.bodyEncoding) {
    case "none":
      return Effect.succeed(undefined)
    case "multipart":
      return isEncodable(body)
        ? Effect.mapBoth(body[encoderKey](), {
          onFailure: (error) => invalid(`body.${error.part}`, error.detail),
          onSuccess: (httpBody): Body => ({ _tag: "Http", body: scrubStream(httpBody, scrub) })
        })
        : Effect.fail(invalid("body", "must be a multipart body (Multipart.make)"))
    case "json":
      return operation.body === undefined ? Effect.succeed(undefined) : Either.match(
        Schema.encodeUnknownEither(operation.body)(body),
        {
          onLeft: (error) => Effect.fail(invalid("body", error)),
          onRight: (encoded) =>
            Effect.try({
              // `JSON.stringify` gives `undefined` for `undefined`: an empty body, as `HttpBody.json` sends it.
              try: (): Body => ({ _tag: "Json", text: JSON.stringify(encoded) ?? "" }),
              catch: (error) => invalid("body", `cannot be serialised as JSON: ${causeMessage(error)}`)
            })
        }
      )
  }
}

/**
 * The URL of an operation with its path template unfilled, for errors raised before the path is known.
 *
 * @internal
 */
export const templateUrl = (baseUrl: string, operation: Operation.Operation): string => `${baseUrl}${operation.path}`

/** @internal */
export const prepare = (
  baseUrl: string,
  operation: Operation.Operation,
  input: LooseInput,
  scrub: (text: string) => string
): Effect.Effect<Prepared, Invalid> =>
  Effect.flatMap(renderPath(operation, input), (path) =>
    Effect.flatMap(encodeQuery(operation, input), (urlParams) =>
      Effect.map(encodeBody(operation, input, scrub), (body): Prepared => {
        const query = UrlParams.toString(urlParams)
        const url = `${baseUrl}${path}${query === "" ? "" : `?${query}`}`
        if (body === undefined || body._tag === "Json") {
          return { _tag: "Plain", url, json: body?.text }
        }
        const request = HttpClientRequest.make(operation.method)(`${baseUrl}${path}`, { urlParams })
        return { _tag: "Http", url, request: HttpClientRequest.setBody(request, body.body) }
      })))
