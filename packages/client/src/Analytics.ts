/**
 * Analytics: aggregate the org's calls (`POST /analytics`): sums, averages, minimums, maximums and counts
 * of call columns, grouped and bucketed in time.
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/Analytics"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/**
 * One query as the API takes it: `table` (always `"call"`), `name`, `operations`, `groupBy?`, `timeRange?`.
 *
 * @since 0.1.0
 * @category models
 */
export type AnalyticsQuery = Schema.AnalyticsQueryDTO["queries"][number]

/**
 * One query as `get` takes it: `table` may be left out, since `"call"` is the only table.
 *
 * @since 0.1.0
 * @category models
 */
export type Query = Omit<AnalyticsQuery, "table"> & { readonly table?: AnalyticsQuery["table"] | undefined }

/**
 * The result of one query: its `name`, the `timeRange` used and one row per group.
 *
 * @since 0.1.0
 * @category models
 */
export type AnalyticsQueryResult = Schema.AnalyticsQueryResult

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Runs analytics queries (`POST /analytics`), one result per query in the same order.
   *
   * Fails with a `RequestValidationError` (nothing sent) for an unknown operation or column, or a `name`
   * over 40 characters, and with the other `VapiError`s.
   *
   * @example
   * ```ts
   * const [byAssistant] = yield* analytics.get({
   *   queries: [{
   *     name: "calls-by-assistant",
   *     groupBy: ["assistantId"],
   *     operations: [{ operation: "count", column: "id" }, { operation: "sum", column: "cost" }]
   *   }]
   * })
   * ```
   */
  readonly get: (body: {
    readonly queries: ReadonlyArray<Query>
  }) => Effect.Effect<ReadonlyArray<AnalyticsQueryResult>, VapiError.VapiError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Analytics extends Context.Tag("@vapi-effect/client/Analytics")<Analytics, Service>() {}

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) =>
    Analytics.of({
      get: ({ queries }) =>
        client.execute(Schema.AnalyticsGet, {
          body: { queries: queries.map((query): AnalyticsQuery => ({ ...query, table: query.table ?? "call" })) }
        })
    })
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Analytics, never, VapiClient.VapiClient> = Layer.effect(Analytics, make)
