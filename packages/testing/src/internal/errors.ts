/**
 * The API's error answers, as values, and their NestJS-style wire bodies.
 *
 * @internal
 */
import * as Data from "effect/Data"
import type * as Store from "../Store.js"
import type { JsonObject } from "./json.js"

/** A 400: a list of validation messages, or one message for an unreadable body. @internal */
export class BadRequest extends Data.TaggedError("BadRequest")<{
  readonly messages: ReadonlyArray<string> | string
}> {}

/** Any error an API operation answers with. @internal */
export type ApiError = BadRequest | Store.NotFound

/** An HTTP status and its JSON body. @internal */
export interface Answer {
  readonly status: number
  readonly body: JsonObject | ReadonlyArray<JsonObject>
}

const reasons: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
}

/** The reason phrase of a status. @internal */
export const reason = (status: number): string => reasons[status] ?? "Error"

/** `{ message, error, statusCode }` as NestJS writes it. @internal */
export const body = (status: number, message: string | ReadonlyArray<string>): JsonObject => ({
  message,
  error: reason(status),
  statusCode: status
})

/** The answer to an API error. @internal */
export const answer = (error: ApiError): Answer =>
  error._tag === "BadRequest"
    ? { status: 400, body: body(400, error.messages) }
    : { status: 404, body: body(404, error.message) }

/** The 401 answer, without the `error` field as the API sends it. @internal */
export const unauthorized: Answer = { status: 401, body: { message: "Unauthorized", statusCode: 401 } }
