/**
 * Calls: place, list, inspect, rename and delete phone and web calls (`/call`).
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/Calls"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Stream from "effect/Stream"
import { listStream } from "./internal/listStream.js"

/**
 * A call, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Call = Schema.Call

/**
 * The body of `create`: every field optional; `assistantId` or `assistant`, and `customer` or
 * `customerId`, say who talks to whom.
 *
 * @since 0.1.0
 * @category models
 */
export type CreateCall = Schema.CreateCallDTO

/**
 * The body of `update`.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateCall = Schema.UpdateCallDTO

/**
 * The filters of `list` and `stream`, by their wire names; dates are `Date`s.
 *
 * @since 0.1.0
 * @category models
 */
export type ListParams = Schema.CallsListParams

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Lists calls, newest first (`GET /call`), at most `limit` (default 100, at most 1000).
   *
   * Fails with a `RequestValidationError` before sending when a parameter is out of range, and with the
   * status, transport, timeout and decode errors of `VapiError`.
   *
   * @example
   * ```ts
   * const recent = yield* calls.list({ assistantId: "asst_1", limit: 10, createdAtGt: new Date("2024-10-01") })
   * ```
   */
  readonly list: (params?: ListParams) => Effect.Effect<ReadonlyArray<Call>, VapiError.VapiError>
  /**
   * Places a call (`POST /call`). Against the real API this dials a phone: it is not retried unless the
   * request provably was not processed (429, 503, connection refused).
   *
   * Fails with a `RequestValidationError` (nothing sent) when the body does not match `CreateCallDTO`, with
   * `BadRequest` carrying the server's messages, and with the other `VapiError`s.
   *
   * @example
   * ```ts
   * const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
   * ```
   */
  readonly create: (body: CreateCall) => Effect.Effect<Call, VapiError.VapiError>
  /**
   * Gets one call (`GET /call/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const call = yield* calls.get("call_1").pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
   * ```
   */
  readonly get: (id: string) => Effect.Effect<Call, VapiError.VapiError>
  /**
   * Updates the given fields of a call (`PATCH /call/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * yield* calls.update(call.id, { name: "follow-up" })
   * ```
   */
  readonly update: (id: string, body: UpdateCall) => Effect.Effect<Call, VapiError.VapiError>
  /**
   * Deletes a call's data and returns the deleted call (`DELETE /call/{id}`); fails with `NotFound` for an
   * unknown id.
   *
   * @example
   * ```ts
   * const deleted = yield* calls.delete(call.id)
   * ```
   */
  readonly delete: (id: string) => Effect.Effect<Call, VapiError.VapiError>
  /**
   * Every call matching `params`, newest first, fetched lazily in pages of `limit` (default 100) through
   * `GET /call` with `createdAtLe` as the cursor: no call is skipped or repeated when several share a
   * `createdAt` at a page boundary.
   *
   * @example
   * ```ts
   * const ended = yield* calls.stream({ assistantId: "asst_1" }).pipe(
   *   Stream.filter((call) => call.status === "ended"),
   *   Stream.runCollect
   * )
   * ```
   */
  readonly stream: (params?: ListParams) => Stream.Stream<Call, VapiError.VapiError | Pagination.PaginationError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Calls extends Context.Tag("@vapi-effect/client/Calls")<Calls, Service>() {}

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) => {
    const list = (params: ListParams = {}) => client.execute(Schema.CallsList, { query: params })
    return Calls.of({
      list,
      create: (body) => client.execute(Schema.CallsCreate, { body }),
      get: (id) => client.execute(Schema.CallsGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.CallsUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.CallsDelete, { path: { id } }),
      stream: (params = {}) => listStream(list, params)
    })
  }
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Calls, never, VapiClient.VapiClient> = Layer.effect(Calls, make)
