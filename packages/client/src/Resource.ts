/**
 * Resource: the shape that the seven CRUD resources share (`Calls`, `Assistants`, `PhoneNumbers`,
 * `Squads`, `Blocks`, `Tools`, `Files`): `list`, `create`, `get`, `update`, `delete` mapped onto
 * `GET /{resource}`, `POST /{resource}`, `GET`, `PATCH` and `DELETE /{resource}/{id}`, and `stream`, the whole
 * list walked lazily page by page.
 *
 * @since 0.1.0
 */
import type * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import type * as Effect from "effect/Effect"
import type * as Stream from "effect/Stream"
import { type Bounds, listStream } from "./internal/listStream.js"

/**
 * A CRUD resource whose records are `A`, created from `Create`, updated from `Update` and listed with the
 * filters `ListParams` (wire names, dates as `Date`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Service<A, Create, Update, ListParams> {
  /**
   * Lists records, newest first (`GET /{resource}`), at most `limit` (default 100, at most 1000).
   *
   * Fails with a `RequestValidationError`, before anything is sent, when a parameter is out of range
   * (`limit: 5000`), and otherwise with the status, transport, timeout and decode errors of `VapiError`.
   *
   * @example
   * ```ts
   * const recent = yield* calls.list({ assistantId: "asst_1", limit: 10, createdAtGt: new Date("2024-10-01") })
   * ```
   */
  readonly list: (params?: ListParams) => Effect.Effect<ReadonlyArray<A>, VapiError.VapiError>
  /**
   * Creates a record (`POST /{resource}`) and returns it as the server stored it.
   *
   * Fails with a `RequestValidationError` (nothing sent) when the body does not match the create schema,
   * with `BadRequest` carrying the server's messages, and with the other `VapiError`s. Not retried unless
   * the request provably was not processed (429, 503, connection refused) or the retry policy says so.
   *
   * @example
   * ```ts
   * const assistant = yield* assistants.create({ name: "Support", firstMessage: "Hello!" })
   * ```
   */
  readonly create: (body: Create) => Effect.Effect<A, VapiError.VapiError>
  /**
   * Gets one record (`GET /{resource}/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const call = yield* calls.get(id).pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
   * ```
   */
  readonly get: (id: string) => Effect.Effect<A, VapiError.VapiError>
  /**
   * Updates the given fields of a record (`PATCH /{resource}/{id}`) and returns the updated record; fails
   * with `NotFound` for an unknown id and `RequestValidationError` (nothing sent) for an invalid body.
   *
   * @example
   * ```ts
   * yield* calls.update(call.id, { name: "follow-up" })
   * ```
   */
  readonly update: (id: string, body: Update) => Effect.Effect<A, VapiError.VapiError>
  /**
   * Deletes a record and returns it (`DELETE /{resource}/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const deleted = yield* squads.delete(squad.id)
   * ```
   */
  readonly delete: (id: string) => Effect.Effect<A, VapiError.VapiError>
  /**
   * Every record matching `params`, newest first, fetched when the consumer pulls in pages of `limit`
   * (default 100) through `GET /{resource}` with `createdAtLe` as the cursor: nothing is skipped or
   * repeated when several records share a `createdAt` at a page boundary.
   *
   * Fails with the `VapiError`s of `list`, with a `PaginationError` when more records than the largest page
   * (1000) share one `createdAt`, and with a `PageLimitError` after 10,000 full pages (a million records at
   * the default `limit`), once their records are emitted: a longer listing never ends the stream early.
   * Narrow the filters (a `createdAt` range) to read the rest.
   *
   * @example
   * ```ts
   * const ended = yield* calls.stream({ assistantId: "asst_1" }).pipe(
   *   Stream.filter((call) => call.status === "ended"),
   *   Stream.runCollect
   * )
   * ```
   */
  readonly stream: (
    params?: ListParams
  ) => Stream.Stream<A, VapiError.VapiError | Pagination.PaginationError | Pagination.PageLimitError>
}

/**
 * A resource from its five operations; `stream` is built on `list`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <A, Create, Update, ListParams extends Bounds>(
  operations: Omit<Service<A, Create, Update, ListParams>, "stream">
): Service<A, Create, Update, ListParams> => ({
  ...operations,
  stream: (params) => listStream(operations.list, params)
})
