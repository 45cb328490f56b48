/**
 * The HTTP application of `MockServer`: one route per operation (paths from the descriptors), bearer
 * auth, faults, and the admin routes.
 *
 * @internal
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as ServerRequest from "@effect/platform/HttpServerRequest"
import * as Effect from "effect/Effect"
import type * as Faults from "../Faults.js"
import * as Admin from "./admin.js"
import * as Api from "./api.js"
import * as Errors from "./errors.js"
import * as Http from "./http.js"
import type * as Journal from "./journal.js"
import type { Route } from "./operations.js"
import * as Operations from "./operations.js"

/** What the application needs. @internal */
export interface Env extends Api.Env {
  readonly routes: ReadonlyArray<Route>
  readonly faults: Faults.Service
  readonly journal: Journal.Journal
  readonly authorize: Http.Authorize
  readonly url: string
}

const readInput = (route: Route, request: ServerRequest.HttpServerRequest, id: string | undefined, query: Api.Input["query"]) =>
  Effect.gen(function*() {
    if (route.action === "create" && route.kind === "files") {
      return { route, id, query, upload: yield* Http.upload(request) } satisfies Api.Input
    }
    const needsBody = route.action === "create" || route.action === "update" || route.kind === "analytics"
    return { route, id, query, body: needsBody ? yield* Http.jsonBody(request) : undefined } satisfies Api.Input
  })

type Decided = Faults.Decision["fault"]

const isBeforeProcessing = (fault: NonNullable<Decided>): boolean =>
  (fault._tag === "Status" || fault._tag === "Hang" || (fault._tag === "Reset" && fault.phase === "before-body")) &&
  fault.processed !== true

const statusAnswer = (fault: Extract<NonNullable<Decided>, { readonly _tag: "Status" }>) =>
  Http.respond(
    { status: fault.status, body: Errors.body(fault.status, Errors.reason(fault.status)) },
    fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) }
  )

const applyFault = (
  fault: NonNullable<Decided>,
  request: ServerRequest.HttpServerRequest,
  answer: Errors.Answer | undefined
) => {
  switch (fault._tag) {
    case "Status":
      return Effect.succeed(statusAnswer(fault))
    case "Hang":
      return Effect.never
    case "Reset":
      return fault.phase === "before-body" || answer === undefined
        ? Http.resetNow(request)
        : Http.resetDuringBody(request, answer)
    case "Truncated":
      return Effect.succeed(answer === undefined ? HttpServerResponse.empty() : Http.truncated(answer, fault.bytes))
    case "InvalidBody":
      return Effect.succeed(HttpServerResponse.unsafeJson(fault.body ?? { id: 42, createdAt: "not a date" }, {
        status: answer?.status ?? 200
      }))
  }
}

const handler = (env: Env, route: Route) =>
  Effect.gen(function*() {
    const request = yield* ServerRequest.HttpServerRequest
    const params = yield* HttpRouter.params
    const url = new URL(request.url, env.url)
    const query = ServerRequest.searchParamsFromURL(url)
    const journal = (entry: { readonly status?: number; readonly fault?: string }) =>
      env.journal.record({ method: route.method, path: url.pathname, operation: route.name, ...entry })
    const token = Http.bearer(request)
    if (token === undefined || !env.authorize(token)) {
      yield* journal({ status: 401 })
      return Http.respond(Errors.unauthorized)
    }
    const decision = yield* env.faults.decide({ method: route.method, template: route.path, path: url.pathname })
    if (decision.latencyMillis > 0) yield* Effect.sleep(decision.latencyMillis)
    const fault = decision.fault
    if (fault !== undefined && isBeforeProcessing(fault)) {
      yield* journal({ fault: fault._tag, ...(fault._tag === "Status" ? { status: fault.status } : {}) })
      return yield* applyFault(fault, request, undefined)
    }
    const answer = yield* readInput(route, request, params.id, query).pipe(
      Effect.flatMap((input) =>
        Api.run(env, input, {
          url: url.href,
          path: url.pathname,
          queryString: url.search.replace(/^\?/, ""),
          headers: Http.loggedHeaders(request),
          ip: Http.remoteAddress(request),
          origin: request.headers.origin
        })
      ),
      Effect.catchAll((error) => Effect.succeed(Errors.answer(error)))
    )
    if (fault === undefined) {
      yield* journal({ status: answer.status })
      return Http.respond(answer)
    }
    yield* journal({ fault: fault._tag, ...(fault._tag === "Status" ? { status: fault.status } : { status: answer.status }) })
    return yield* applyFault(fault, request, answer)
  })

const notFound = Effect.map(
  ServerRequest.HttpServerRequest,
  (request) =>
    Http.respond({
      status: 404,
      body: Errors.body(404, `Cannot ${request.method} ${new URL(request.url, "http://localhost").pathname}`)
    })
)

/** The application. @internal */
export const app = (env: Env) => {
  const api = env.routes.reduce(
    (router, route) => HttpRouter.route(route.method)(router, Operations.routerPath(route.path), handler(env, route)),
    Admin.router(env)
  )
  return Effect.catchTag(api, "RouteNotFound", () => notFound)
}
