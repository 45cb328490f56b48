/**
 * VapiError: every way a Vapi request can fail, as `Schema.TaggedError`s, and the one function that maps
 * HTTP statuses and `@effect/platform` errors onto them. Each error names the operation (`"calls.create"`),
 * the method and the URL, has a readable `message`, and never contains the API key.
 *
 * @since 0.1.0
 */
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import type * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import { describeCause, excerpt, firstIssue } from "./internal/format.js"
import { findPartError } from "./internal/partError.js"
import { reasonOf } from "./internal/transport.js"
import type * as Transport from "./Transport.js"

const context = {
  operation: Schema.String,
  method: Schema.String,
  url: Schema.String
}

const statusFields = {
  ...context,
  status: Schema.Number,
  messages: Schema.Array(Schema.String),
  body: Schema.String
}

const retryAfter = Schema.OptionFromSelf(Schema.DurationFromSelf)

const where = (self: { readonly operation: string; readonly method: string; readonly url: string }): string =>
  `[${self.operation}] ${self.method} ${self.url}`

const statusMessage = (
  self: Schema.Struct.Type<typeof statusFields>,
  label: string
): string => {
  const detail = self.messages.length > 0 ? self.messages.join("; ") : self.body
  return `${where(self)} -> ${self.status} ${label}${detail === "" ? "" : `: ${detail}`}`
}

/**
 * 400: the server rejected the request; `messages` are the NestJS validation messages.
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequest extends Schema.TaggedError<BadRequest>()("BadRequest", statusFields) {
  override get message(): string {
    return statusMessage(this, "Bad Request")
  }
}

/**
 * 401: the API key is missing or invalid.
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", statusFields) {
  override get message(): string {
    return statusMessage(this, "Unauthorized")
  }
}

/**
 * 402: the organisation's balance or plan does not allow the request.
 *
 * @since 0.1.0
 * @category errors
 */
export class PaymentRequired extends Schema.TaggedError<PaymentRequired>()("PaymentRequired", statusFields) {
  override get message(): string {
    return statusMessage(this, "Payment Required")
  }
}

/**
 * 403: the key is valid but not allowed to do this.
 *
 * @since 0.1.0
 * @category errors
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", statusFields) {
  override get message(): string {
    return statusMessage(this, "Forbidden")
  }
}

/**
 * 404: the resource does not exist.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", statusFields) {
  override get message(): string {
    return statusMessage(this, "Not Found")
  }
}

/**
 * 409: the request conflicts with the resource's current state.
 *
 * @since 0.1.0
 * @category errors
 */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", statusFields) {
  override get message(): string {
    return statusMessage(this, "Conflict")
  }
}

/**
 * 422: the request was well-formed but semantically invalid; `messages` as for {@link BadRequest}.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnprocessableEntity
  extends Schema.TaggedError<UnprocessableEntity>()("UnprocessableEntity", statusFields)
{
  override get message(): string {
    return statusMessage(this, "Unprocessable Entity")
  }
}

/**
 * 429: too many requests; `retryAfter` is the server's `Retry-After`, when it sent one.
 *
 * @since 0.1.0
 * @category errors
 */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", { ...statusFields, retryAfter }) {
  override get message(): string {
    const after = Option.match(this.retryAfter, {
      onNone: () => "",
      onSome: (delay) => ` (retry after ${Duration.format(delay)})`
    })
    return `${statusMessage(this, "Too Many Requests")}${after}`
  }
}

/**
 * 5xx: the server failed; `retryAfter` is the server's `Retry-After` (often sent with 503).
 *
 * @since 0.1.0
 * @category errors
 */
export class ServerError extends Schema.TaggedError<ServerError>()("ServerError", { ...statusFields, retryAfter }) {
  override get message(): string {
    return statusMessage(this, "Server Error")
  }
}

/**
 * Any other non-2xx status (408, 3xx, 418, ...).
 *
 * @since 0.1.0
 * @category errors
 */
export class UnexpectedStatus extends Schema.TaggedError<UnexpectedStatus>()("UnexpectedStatus", statusFields) {
  override get message(): string {
    return statusMessage(this, "Unexpected Status")
  }
}

/**
 * The connection failed before a response arrived. `reason` tells a refused connection (the request was
 * provably not processed) from a reset one (it may have been).
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  ...context,
  reason: Schema.Literal("ConnectionRefused", "ConnectionReset", "Other"),
  detail: Schema.String
}) {
  override get message(): string {
    return `${where(this)} -> transport error (${this.reason}): ${this.detail}`
  }
}

/**
 * The request took longer than the per-attempt or the total timeout (`kind`), which was `duration`.
 *
 * @since 0.1.0
 * @category errors
 */
export class Timeout extends Schema.TaggedError<Timeout>()("Timeout", {
  ...context,
  kind: Schema.Literal("attempt", "total"),
  duration: Schema.DurationFromSelf
}) {
  override get message(): string {
    return `${where(this)} -> timed out after ${Duration.format(this.duration)} (${this.kind} timeout)`
  }
}

/**
 * The input could not be encoded (`path` names the place in the input, e.g. `body.customer.number`);
 * nothing was sent.
 *
 * @since 0.1.0
 * @category errors
 */
export class RequestValidationError extends Schema.TaggedError<RequestValidationError>()("RequestValidationError", {
  ...context,
  path: Schema.String,
  issue: Schema.String
}) {
  override get message(): string {
    return `${where(this)} -> invalid input at ${this.path}: ${this.issue}`
  }
}

/**
 * A 2xx response whose body could not be read, parsed as JSON or decoded with the operation's success
 * schema; `path` is the place inside the body (e.g. `messages[3].role`), `body` a short excerpt.
 *
 * @since 0.1.0
 * @category errors
 */
export class ResponseDecodeError extends Schema.TaggedError<ResponseDecodeError>()("ResponseDecodeError", {
  ...context,
  status: Schema.Number,
  path: Schema.String,
  issue: Schema.String,
  body: Schema.String
}) {
  override get message(): string {
    const at = this.path === "" ? "" : ` at ${this.path}`
    return `${where(this)} -> ${this.status} with an undecodable body${at}: ${this.issue}`
  }
}

/**
 * The errors that carry an HTTP status from the server.
 *
 * @since 0.1.0
 * @category errors
 */
export type StatusError =
  | BadRequest
  | Unauthorized
  | PaymentRequired
  | Forbidden
  | NotFound
  | Conflict
  | UnprocessableEntity
  | RateLimited
  | ServerError
  | UnexpectedStatus

/**
 * Every failure of `VapiClient.execute`.
 *
 * @since 0.1.0
 * @category errors
 */
export type VapiError =
  | StatusError
  | TransportError
  | Timeout
  | RequestValidationError
  | ResponseDecodeError

const statusTags: ReadonlySet<string> = new Set([
  "BadRequest",
  "Unauthorized",
  "PaymentRequired",
  "Forbidden",
  "NotFound",
  "Conflict",
  "UnprocessableEntity",
  "RateLimited",
  "ServerError",
  "UnexpectedStatus"
])

const allTags: ReadonlySet<string> = new Set([
  ...statusTags,
  "TransportError",
  "Timeout",
  "RequestValidationError",
  "ResponseDecodeError"
])

const hasTagIn = (tags: ReadonlySet<string>) => (u: unknown): boolean =>
  Predicate.hasProperty(u, "_tag") && typeof u._tag === "string" && tags.has(u._tag)

/**
 * Whether a value is one of the {@link VapiError}s.
 *
 * @since 0.1.0
 * @category guards
 */
export const isVapiError: (u: unknown) => u is VapiError = (u): u is VapiError =>
  hasTagIn(allTags)(u) && u instanceof Error

/**
 * Whether an error carries an HTTP status from the server.
 *
 * @since 0.1.0
 * @category guards
 */
export const isStatusError = (error: VapiError): error is StatusError => hasTagIn(statusTags)(error)

/**
 * Where a request was going: the operation's name, the method and the full URL.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestContext {
  readonly operation: string
  readonly method: string
  readonly url: string
  /** Applied to every text taken from the server or the platform; the client removes its API key here. */
  readonly scrub?: ((text: string) => string) | undefined
}

/**
 * What went wrong, before it becomes a {@link VapiError}:
 *
 * - `Status`: a non-2xx response with its headers and body text (`now` is the clock, for `Retry-After` dates);
 * - `Transport`: a `Transport`'s `SendError`, whose cause may be a failure of `@effect/platform`'s `HttpClient`
 *   (`now` as for `Status`, for a response cut short);
 * - `Timeout`: an attempt or the whole request ran out of time;
 * - `Invalid`: input that could not be encoded (`at` is `"path"`, `"query"`, `"body"`, ...);
 * - `Decode`: a 2xx body that is not JSON or does not match the success schema.
 *
 * @since 0.1.0
 * @category models
 */
export type Failure =
  | {
    readonly _tag: "Status"
    readonly status: number
    readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
    readonly body: string
    readonly now: number
  }
  | { readonly _tag: "Transport"; readonly error: Transport.SendError; readonly now: number }
  | { readonly _tag: "Timeout"; readonly kind: "attempt" | "total"; readonly duration: Duration.Duration }
  | { readonly _tag: "Invalid"; readonly at: string; readonly cause: ParseResult.ParseError | string }
  | {
    readonly _tag: "Decode"
    readonly status: number
    readonly body: string
    readonly cause: ParseResult.ParseError | string
  }

/**
 * Reads the messages out of a NestJS error body `{ message: string | string[], error, statusCode }`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseMessages = (body: string): ReadonlyArray<string> => {
  const parsed = safeParse(body)
  if (!Predicate.hasProperty(parsed, "message")) return []
  const message: unknown = parsed.message
  if (typeof message === "string") return [message]
  if (Array.isArray(message)) return message.filter(Predicate.isString)
  return []
}

const safeParse = (body: string): unknown =>
  Option.getOrUndefined(Option.liftThrowable((text: string): unknown => JSON.parse(text))(body))

/**
 * Parses a `Retry-After` header: delay-seconds or an HTTP date (relative to `now`, in milliseconds).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseRetryAfter = (value: string | undefined, now: number): Option.Option<Duration.Duration> => {
  if (value === undefined) return Option.none()
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Option.some(Duration.seconds(Number(trimmed)))
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? Option.none() : Option.some(Duration.millis(Math.max(0, date - now)))
}

const firstValue = (value: string | ReadonlyArray<string> | undefined): string | undefined =>
  typeof value === "string" || value === undefined ? value : value[0]

const fromStatus = (
  base: { readonly operation: string; readonly method: string; readonly url: string },
  failure: Extract<Failure, { readonly _tag: "Status" }>,
  scrub: (text: string) => string
): StatusError => {
  const fields = {
    ...base,
    status: failure.status,
    messages: parseMessages(failure.body).map((message) => excerpt(scrub(message))),
    body: excerpt(scrub(failure.body))
  }
  const after = () => parseRetryAfter(firstValue(failure.headers["retry-after"]), failure.now)
  switch (failure.status) {
    case 400:
      return new BadRequest(fields)
    case 401:
      return new Unauthorized(fields)
    case 402:
      return new PaymentRequired(fields)
    case 403:
      return new Forbidden(fields)
    case 404:
      return new NotFound(fields)
    case 409:
      return new Conflict(fields)
    case 422:
      return new UnprocessableEntity(fields)
    case 429:
      return new RateLimited({ ...fields, retryAfter: after() })
    default:
      return failure.status >= 500 && failure.status <= 599
        ? new ServerError({ ...fields, retryAfter: after() })
        : new UnexpectedStatus(fields)
  }
}

const fromClientError = (
  base: { readonly operation: string; readonly method: string; readonly url: string },
  error: HttpClientError.HttpClientError,
  scrub: (text: string) => string
): VapiError => {
  if (error._tag === "ResponseError") {
    return new ResponseDecodeError({
      ...base,
      status: error.response.status,
      path: "",
      issue: `the body could not be read: ${describeCause(error.cause ?? error.reason, scrub)}`,
      body: ""
    })
  }
  const part = findPartError(error.cause)
  if (part !== undefined) {
    return new RequestValidationError({ ...base, path: `body.${part.part}`, issue: excerpt(scrub(part.detail)) })
  }
  switch (error.reason) {
    case "Transport":
      return new TransportError({ ...base, reason: reasonOf(error.cause), detail: describeCause(error.cause, scrub) })
    case "InvalidUrl":
      return new RequestValidationError({ ...base, path: "url", issue: describeCause(error.cause, scrub) })
    case "Encode":
      return new RequestValidationError({ ...base, path: "body", issue: describeCause(error.cause, scrub) })
  }
}

const isInvalidUrl = (cause: unknown): boolean =>
  Predicate.hasProperty(cause, "code") && cause.code === "ERR_INVALID_URL"

const fromSendError = (
  base: { readonly operation: string; readonly method: string; readonly url: string },
  error: Transport.SendError,
  now: number,
  scrub: (text: string) => string
): VapiError => {
  const response = error.response
  // A response cut short: its status decides, as when the body arrived whole (a non-2xx with an empty body).
  if (response !== undefined && (response.status < 200 || response.status > 299)) {
    return fromStatus(base, { _tag: "Status", status: response.status, headers: response.headers, body: "", now }, scrub)
  }
  if (HttpClientError.isHttpClientError(error.cause)) return fromClientError(base, error.cause, scrub)
  if (response !== undefined) {
    return new ResponseDecodeError({
      ...base,
      status: response.status,
      path: "",
      issue: `the body could not be read: ${describeCause(error.cause, scrub)}`,
      body: ""
    })
  }
  if (isInvalidUrl(error.cause)) {
    return new RequestValidationError({ ...base, path: "url", issue: describeCause(error.cause, scrub) })
  }
  return new TransportError({ ...base, reason: reasonOf(error.cause), detail: describeCause(error.cause, scrub) })
}

/**
 * The one mapping from a {@link Failure} to a {@link VapiError}. Excerpts are cut to about 200 characters
 * and passed through the context's `scrub`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromFailure = (ctx: RequestContext, failure: Failure): VapiError => {
  const scrub = ctx.scrub ?? ((text: string) => text)
  const base = { operation: ctx.operation, method: ctx.method, url: scrub(ctx.url) }
  switch (failure._tag) {
    case "Status":
      return fromStatus(base, failure, scrub)
    case "Transport":
      return fromSendError(base, failure.error, failure.now, scrub)
    case "Timeout":
      return new Timeout({ ...base, kind: failure.kind, duration: failure.duration })
    case "Invalid": {
      const issue = typeof failure.cause === "string"
        ? { path: failure.at, message: failure.cause }
        : firstIssue(failure.at, failure.cause)
      return new RequestValidationError({ ...base, path: issue.path, issue: excerpt(scrub(issue.message)) })
    }
    case "Decode": {
      const issue = typeof failure.cause === "string"
        ? { path: "", message: failure.cause }
        : firstIssue("", failure.cause)
      return new ResponseDecodeError({
        ...base,
        status: failure.status,
        path: issue.path,
        issue: excerpt(scrub(issue.message)),
        body: excerpt(scrub(failure.body))
      })
    }
  }
}
