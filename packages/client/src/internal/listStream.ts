/**
 * The `stream` method of every CRUD resource: its list endpoint walked page by page with the keyset helper of
 * `@vapi-effect/http` (`createdAtLe` as the cursor, newest first).
 *
 * @internal
 */
import * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Fallback from "@vapi-effect/schema/Fallback"
import * as Effect from "effect/Effect"
import * as Predicate from "effect/Predicate"
import * as Stream from "effect/Stream"

/** The list parameters the cursor needs. */
export interface Bounds {
  readonly limit?: number | undefined
  readonly createdAtLe?: Date | undefined
}

interface Keyed<A> {
  readonly id: string
  readonly createdAt: Date
  readonly item: A
}

/** The id and `createdAt` of a listed record, a union member the document does not know included. */
const keyed = <A>(item: A): Keyed<A> => {
  const record: unknown = Fallback.isUnknownMember(item) ? item.raw : item
  const id = Predicate.hasProperty(record, "id") && typeof record.id === "string" ? record.id : ""
  const createdAt = Predicate.hasProperty(record, "createdAt")
    ? record.createdAt instanceof Date ? record.createdAt : new Date(String(record.createdAt))
    : new Date(0)
  return { id, createdAt, item }
}

/**
 * Every record that `list(params)` would return without its `limit`, newest first, in pages of
 * `params.limit` (default 100). A `createdAtLe` given by the caller bounds the first page. Past the keyset
 * helper's page cap (10,000 pages) the stream fails with a `PageLimitError`.
 *
 * @internal
 */
export const listStream = <A, P extends Bounds>(
  list: (params?: P) => Effect.Effect<ReadonlyArray<A>, VapiError.VapiError>,
  params: P | undefined
): Stream.Stream<A, VapiError.VapiError | Pagination.PaginationError | Pagination.PageLimitError> =>
  Pagination.keyset({
    limit: params?.limit,
    fetchPage: (cursor) => {
      // Every field of a list endpoint's parameters is optional, so these are `P`s.
      const page = { ...params, limit: cursor.limit, createdAtLe: cursor.createdAtLe ?? params?.createdAtLe } as P
      return Effect.map(list(page), (items) => items.map(keyed))
    }
  }).pipe(Stream.map((entry) => entry.item))
