/**
 * Logs: the org's API, webhook, call and provider logs (`GET /logs`), one page at a time or as lazy streams
 * of pages and of log entries.
 *
 * @since 0.1.0
 */
import * as Pagination from "@vapi-effect/http/Pagination"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/Logs"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Stream from "effect/Stream"

/**
 * One page: `results` and `metadata` (`itemsPerPage`, `totalItems`, `currentPage`).
 *
 * @since 0.1.0
 * @category models
 */
export type LogsPage = Schema.LogsPaginatedResponse

/**
 * One log entry.
 *
 * @since 0.1.0
 * @category models
 */
export type Log = LogsPage["results"][number]

/**
 * The filters, by their wire names: `orgId`, `type`, `assistantId`, `phoneNumberId`, `customerId`,
 * `squadId`, `callId`, `page`, `sortOrder`, `limit` and the `createdAt`/`updatedAt` range (`Date`s).
 *
 * @since 0.1.0
 * @category models
 */
export type Params = Schema.LogsGetParams

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * One page of logs (`GET /logs`), page `params.page` (default 1) of `params.limit` entries.
   *
   * @example
   * ```ts
   * const { results, metadata } = yield* logs.get({ callId: call.id, limit: 50 })
   * ```
   */
  readonly get: (params?: Params) => Effect.Effect<LogsPage, VapiError.VapiError>
  /**
   * Every page from `params.page` (default 1) on, fetched when the consumer pulls and never more than one
   * page ahead; the stream ends after the last page that `metadata` announces (or an empty page) without
   * asking for another. It requests at most 10,000 pages (a million entries at the default `limit` of 100):
   * when the listing goes on past them, it emits those pages and then fails with a `PageLimitError`; narrow
   * the filters (`createdAtGe`/`createdAtLt`, `type`, `callId`), raise `limit`, or go on with another stream
   * from `page: (params.page ?? 1) + 10_000`.
   *
   * @example
   * ```ts
   * const total = yield* logs.pages({ type: "API" }).pipe(
   *   Stream.runFold(0, (n, page) => n + page.results.length)
   * )
   * ```
   */
  readonly pages: (params?: Params) => Stream.Stream<LogsPage, VapiError.VapiError | Pagination.PageLimitError>
  /**
   * The log entries of {@link Service.pages}, one by one; past 10,000 pages the stream fails with a
   * `PageLimitError` after the entries of those pages.
   *
   * @example
   * ```ts
   * yield* logs.stream({ callId: call.id }).pipe(Stream.runForEach((log) => Effect.log(log.type)))
   * ```
   */
  readonly stream: (params?: Params) => Stream.Stream<Log, VapiError.VapiError | Pagination.PageLimitError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Logs extends Context.Tag("@vapi-effect/client/Logs")<Logs, Service>() {}

/**
 * The most pages `pages` and `stream` request: 1 million entries at the default page size of 100, 10 million
 * at the largest. A listing longer than that fails the stream with a `PageLimitError`, never ends it early.
 */
const maxPages = 10_000

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) => {
    const get = (params: Params = {}) => client.execute(Schema.LogsGet, { query: params })
    const walk = (params: Params = {}) => ({
      firstPage: params.page,
      maxPages,
      fetchPage: (page: number) => Effect.map(get({ ...params, page }), Pagination.fromResults)
    })
    return Logs.of({
      get,
      pages: (params) => Pagination.pages(walk(params)),
      stream: (params) => Pagination.items(walk(params))
    })
  }
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Logs, never, VapiClient.VapiClient> = Layer.effect(Logs, make)
