/**
 * The admin routes (`/__admin/...`), which steer a server from outside its process, and the download route
 * of stored files (`/__files/{id}`).
 *
 * @internal
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as ServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Faults from "../Faults.js"
import type * as Store from "../Store.js"
import * as Errors from "./errors.js"
import * as Fixtures from "./fixtures.js"
import * as Http from "./http.js"
import type * as Journal from "./journal.js"
import * as Validation from "./validation.js"

/** What the admin routes need. @internal */
export interface Env {
  readonly store: Store.Service
  readonly faults: Faults.Service
  readonly journal: Journal.Journal
  readonly authorize: Http.Authorize
}

const json = (status: number, body: unknown) => HttpServerResponse.unsafeJson(body, { status })

const guarded = <E, R>(env: Env, effect: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>) =>
  Effect.flatMap(ServerRequest.HttpServerRequest, (request) => {
    const token = Http.bearer(request)
    return token === undefined || !env.authorize(token) ? Effect.succeed(Http.respond(Errors.unauthorized)) : effect
  })

const badRequest = (error: Errors.BadRequest) => Effect.succeed(Http.respond(Errors.answer(error)))

const addFault = (env: Env) =>
  Effect.gen(function*() {
    const request = yield* ServerRequest.HttpServerRequest
    const body = yield* Http.jsonBody(request)
    const spec = yield* ParseResult.decodeUnknown(Faults.Spec, { errors: "all", onExcessProperty: "error" })(body).pipe(
      Effect.mapError((issue) => new Errors.BadRequest({ messages: Validation.messages(issue) }))
    )
    const rule = yield* env.faults.add(spec)
    return json(201, rule)
  }).pipe(Effect.catchTag("BadRequest", badRequest))

const seed = (env: Env) =>
  Effect.gen(function*() {
    const request = yield* ServerRequest.HttpServerRequest
    const body = yield* Http.jsonBody(request)
    const problems = Fixtures.problems(body)
    if (problems.length > 0) return yield* new Errors.BadRequest({ messages: problems })
    yield* env.store.seed(Fixtures.fromJson(body))
    return json(201, yield* env.store.snapshot)
  }).pipe(Effect.catchTag("BadRequest", badRequest))

const download = (env: Env) =>
  Effect.gen(function*() {
    const { id } = yield* HttpRouter.params
    const file = yield* env.store.get("files", id ?? "")
    const bytes = yield* env.store.content(file.id)
    return HttpServerResponse.uint8Array(bytes, {
      contentType: typeof file.mimetype === "string" ? file.mimetype : "application/octet-stream"
    })
  }).pipe(Effect.catchTag("NotFound", (error) => Effect.succeed(Http.respond(Errors.answer(error)))))

/** The admin and download routes. @internal */
export const router = (env: Env) =>
  HttpRouter.empty.pipe(
    HttpRouter.get("/__admin/faults", guarded(env, Effect.map(env.faults.list, (rules) => json(200, rules)))),
    HttpRouter.post("/__admin/faults", guarded(env, addFault(env))),
    HttpRouter.del(
      "/__admin/faults",
      guarded(env, Effect.as(env.faults.clear, HttpServerResponse.empty({ status: 204 })))
    ),
    HttpRouter.del(
      "/__admin/faults/:id",
      guarded(
        env,
        Effect.flatMap(HttpRouter.params, ({ id }) =>
          Effect.map(env.faults.remove(id ?? ""), (removed) =>
            removed
              ? HttpServerResponse.empty({ status: 204 })
              : Http.respond({ status: 404, body: Errors.body(404, `No fault rule with id ${id}`) })))
      )
    ),
    HttpRouter.get("/__admin/store", guarded(env, Effect.map(env.store.snapshot, (snapshot) => json(200, snapshot)))),
    HttpRouter.post("/__admin/store", guarded(env, seed(env))),
    HttpRouter.post(
      "/__admin/reset",
      guarded(
        env,
        Effect.as(Effect.all([env.store.reset, env.faults.clear, env.journal.clear]), HttpServerResponse.empty({ status: 204 }))
      )
    ),
    HttpRouter.get("/__admin/requests", guarded(env, Effect.map(env.journal.entries, (entries) => json(200, entries)))),
    HttpRouter.del(
      "/__admin/requests",
      guarded(env, Effect.as(env.journal.clear, HttpServerResponse.empty({ status: 204 })))
    ),
    HttpRouter.get("/__files/:id", download(env))
  )
