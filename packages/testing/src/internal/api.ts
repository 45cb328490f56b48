/**
 * The API's behaviour, independent of HTTP: one operation's input (path id, wire query, body) run against
 * the store, answered as status and JSON body, and logged as the real API logs requests. The HTTP server and
 * the in-memory layers both go through here, so they cannot disagree.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import type * as Store from "../Store.js"
import * as Analytics from "./analytics.js"
import * as Errors from "./errors.js"
import * as Json from "./json.js"
import type { Route } from "./operations.js"
import * as Query from "./query.js"
import * as Validation from "./validation.js"

/** Checks a request body for a route; succeeds with the body to use. @internal */
export type Validator = (route: Route, body: unknown) => Effect.Effect<unknown, Errors.BadRequest>

/** Validates against the descriptor's body schema when it has one, else only asks for a JSON object. @internal */
export const schemaValidator: Validator = (route, body) => {
  const schema = route.descriptor.body
  if (schema !== undefined && route.descriptor.bodyEncoding !== "multipart") return Validation.validate(schema, body)
  return Json.isJsonObject(body)
    ? Effect.succeed(body)
    : Effect.fail(new Errors.BadRequest({ messages: ["body must be an object"] }))
}

/** One request to an operation. @internal */
export interface Input {
  readonly route: Route
  readonly id?: string | undefined
  readonly query: Query.WireQuery
  readonly body?: unknown
  readonly upload?: Store.Upload | undefined
}

/** What the log entry records about the request beyond the input. @internal */
export interface Meta {
  readonly url: string
  readonly path: string
  readonly queryString: string
  readonly headers: Json.JsonObject
  readonly ip?: string | undefined
  readonly origin?: string | undefined
}

/** What an API run needs. @internal */
export interface Env {
  readonly store: Store.Service
  readonly validate: Validator
}

const asObject = (body: unknown): Effect.Effect<Json.JsonObject, Errors.BadRequest> =>
  Json.isJsonObject(body)
    ? Effect.succeed(body)
    : Effect.fail(new Errors.BadRequest({ messages: ["body must be an object"] }))

const ok = (status: number, body: Errors.Answer["body"]): Errors.Answer => ({ status, body })

const readAnalytics = (body: unknown) =>
  ParseResult.decodeUnknown(Analytics.Body)(body).pipe(
    Effect.mapError((error) =>
      new Errors.BadRequest({ messages: Validation.messages(error) })
    )
  )

const resultToJson = (result: Store.AnalyticsResult): Json.JsonObject => ({
  name: result.name,
  timeRange: { ...result.timeRange },
  result: result.result
})

/** Runs the operation, without logging. @internal */
export const execute = (env: Env, input: Input): Effect.Effect<Errors.Answer, Errors.ApiError> => {
  const { route, store } = { route: input.route, store: env.store }
  const id = input.id ?? ""
  switch (route.kind) {
    case "logs":
      return Effect.map(
        Effect.flatMap(Query.logsParams(input.query), store.logs),
        (page) => ok(200, { results: page.results, metadata: { ...page.metadata } })
      )
    case "analytics":
      return env.validate(route, input.body).pipe(
        Effect.flatMap(readAnalytics),
        Effect.flatMap((body) => store.analytics(body.queries)),
        Effect.map((results) => ok(200, results.map(resultToJson)))
      )
    default: {
      const resource = route.kind
      switch (route.action) {
        case "list":
          return Effect.map(
            Effect.flatMap(Query.listParams(input.query, resource === "calls"), (params) => store.list(resource, params)),
            (records) => ok(200, records)
          )
        case "get":
          return Effect.map(store.get(resource, id), (record) => ok(200, record))
        case "delete":
          return Effect.map(store.remove(resource, id), (record) => ok(200, record))
        case "update":
          return env.validate(route, input.body).pipe(
            Effect.flatMap(asObject),
            Effect.flatMap((fields) => store.update(resource, id, fields)),
            Effect.map((record) => ok(200, record))
          )
        case "create":
        case "query": {
          if (resource === "files") {
            return input.upload === undefined
              ? Effect.fail(new Errors.BadRequest({ messages: ["file should not be empty"] }))
              : Effect.map(store.upload(input.upload), (record) => ok(201, record))
          }
          return env.validate(route, input.body).pipe(
            Effect.flatMap(asObject),
            Effect.flatMap((fields) => store.create(resource, fields)),
            Effect.map((record) => ok(201, record))
          )
        }
      }
    }
  }
}

const logResource: Partial<Record<Route["kind"], string>> = {
  calls: "call",
  assistants: "assistant",
  phoneNumbers: "phone-number",
  squads: "squad",
  tools: "tool",
  files: "file",
  analytics: "metric",
  logs: "log"
}

const ownId: Partial<Record<Route["kind"], string>> = {
  calls: "callId",
  assistants: "assistantId",
  phoneNumbers: "phoneNumberId",
  squads: "squadId"
}

const relatedIds = (input: Input, answer: Errors.Answer): Json.JsonObject => {
  const ids: Record<string, string> = {}
  const record = Json.asObject(answer.body)
  const fromRecord = answer.status < 300 && record !== undefined && typeof record.id === "string"
  for (const key of ["assistantId", "phoneNumberId", "customerId", "squadId"]) {
    const value = fromRecord ? Json.getString(record, key) : undefined
    if (value !== undefined) ids[key] = value
  }
  const queried = input.query.assistantId
  if (typeof queried === "string") ids.assistantId = queried
  const own = ownId[input.route.kind]
  const id = fromRecord ? Json.getString(record, "id") : input.id
  if (own !== undefined && id !== undefined) ids[own] = id
  return ids
}

const requestBody = (input: Input): Json.JsonObject => {
  if (input.upload !== undefined) {
    return { file: { originalname: input.upload.filename, mimetype: input.upload.mimetype ?? "", size: input.upload.bytes.byteLength } }
  }
  return Json.isJsonObject(input.body) ? input.body : {}
}

const errorMessage = (body: Errors.Answer["body"]): string => {
  const object = Json.asObject(body)
  const message = object?.message
  if (typeof message === "string") return message
  if (Json.isJsonArray(message)) return message.map(String).join(", ")
  return "Error"
}

/** The `Log` entry (`type: "API"`) of a request. @internal */
export const logEntry = (
  orgId: string,
  input: Input,
  meta: Meta,
  answer: Errors.Answer,
  startedAt: number,
  finishedAt: number
): Json.JsonObject => {
  const resource = logResource[input.route.kind]
  const response = Json.asObject(answer.body)
  return {
    time: startedAt,
    orgId,
    type: "API",
    ...(resource === undefined ? {} : { resource }),
    requestDurationSeconds: Math.max(0, finishedAt - startedAt) / 1000,
    requestStartedAt: new Date(startedAt).toISOString(),
    requestFinishedAt: new Date(finishedAt).toISOString(),
    requestBody: requestBody(input),
    requestHttpMethod: input.route.method,
    requestUrl: meta.url,
    requestPath: meta.path,
    ...(meta.queryString === "" ? {} : { requestQuery: meta.queryString }),
    responseHttpCode: answer.status,
    ...(meta.ip === undefined ? {} : { requestIpAddress: meta.ip }),
    ...(meta.origin === undefined ? {} : { requestOrigin: meta.origin }),
    ...(response === undefined ? {} : { responseBody: response }),
    requestHeaders: meta.headers,
    ...(answer.status >= 400 ? { error: { message: errorMessage(answer.body) } } : {}),
    ...relatedIds(input, answer)
  }
}

/**
 * Runs the operation and logs it (requests to `/logs` itself are not logged, so that reading logs page by
 * page does not change the pages).
 *
 * @internal
 */
export const run = (env: Env, input: Input, meta: Meta): Effect.Effect<Errors.Answer> =>
  Effect.gen(function*() {
    const startedAt = yield* Clock.currentTimeMillis
    const answer = yield* execute(env, input).pipe(Effect.catchAll((error) => Effect.succeed(Errors.answer(error))))
    if (input.route.kind !== "logs") {
      const finishedAt = yield* Clock.currentTimeMillis
      yield* env.store.appendLog(logEntry(env.store.orgId, input, meta, answer, startedAt, finishedAt))
    }
    return answer
  })
