/**
 * Pagination: list endpoints as lazy `Stream`s. `pages`/`items` walk page-numbered endpoints (Vapi's `/logs`
 * with its `{ results, metadata }`); `keyset` walks the `createdAt`-descending list endpoints with
 * `createdAtLe` as the cursor, without skipping or repeating items that share a timestamp.
 * Nothing is requested before the consumer pulls, and never more than one page ahead. A stream requests at
 * most `maxPages` pages: when the listing goes on past them it fails with a `PageLimitError` instead of ending
 * as if it were complete.
 *
 * @since 0.1.0
 */
import * as Array from "effect/Array"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

/**
 * One page of a page-numbered listing: its `items` and whether it is the last one. A page may carry more
 * fields (the whole response, for example); the stream passes it on as is.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly done: boolean
}

/**
 * Vapi's page metadata, as `/logs` returns it.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageMetadata {
  readonly itemsPerPage: number
  readonly totalItems: number
  readonly currentPage: number
}

/**
 * Whether the page described by `metadata` is the last one.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isLastPage = (metadata: PageMetadata): boolean =>
  metadata.itemsPerPage <= 0 || metadata.currentPage * metadata.itemsPerPage >= metadata.totalItems

/**
 * A {@link Page} out of a `{ results, metadata }` response, keeping the response's fields.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromResults = <R extends { readonly results: ReadonlyArray<unknown>; readonly metadata: PageMetadata }>(
  response: R
): R & Page<R["results"][number]> => ({ ...response, items: response.results, done: isLastPage(response.metadata) })

/**
 * Options of {@link pages} and {@link items}.
 *
 * @since 0.1.0
 * @category models
 */
export interface PagesOptions<P, E, R> {
  /** Fetches one page by its number. */
  readonly fetchPage: (page: number) => Effect.Effect<P, E, R>
  /** The number of the first page (default 1). */
  readonly firstPage?: number | undefined
  /**
   * The most pages to request (default 1000). When the last page allowed is neither marked `done` nor
   * empty, the stream fails with a {@link PageLimitError} instead of requesting another.
   */
  readonly maxPages?: number | undefined
}

/**
 * A listing has more pages than the stream may request: it requested `maxPages` pages and the last of them
 * was not the listing's last. The items of those pages have been emitted; the rest have not. Narrow the
 * query (filters, a date range) so that it fits, or, with the `Pagination` helpers, raise `maxPages`.
 *
 * @since 0.2.0
 * @category errors
 */
export class PageLimitError extends Schema.TaggedError<PageLimitError>()("PageLimitError", {
  maxPages: Schema.Number
}) {
  override get message(): string {
    return `the listing has more than the ${this.maxPages} pages a stream may request, and the items after ` +
      `them were not read: narrow the query (filters, a date range) to read them all`
  }
}

/**
 * The pages of a page-numbered listing, in order. The stream ends after a page marked `done` or after an
 * empty page, without requesting another. After `maxPages` pages with more to come it fails with a
 * {@link PageLimitError} (once those pages are emitted) rather than end as if the listing were complete.
 *
 * @since 0.1.0
 * @category streams
 * @example
 * import { Effect } from "effect"
 * import { Pagination } from "@vapi-effect/http"
 *
 * const getLogs = (page: number) =>
 *   Effect.succeed({ results: [{ type: "call" }], metadata: { itemsPerPage: 100, totalItems: 1, currentPage: page } })
 * const pages = Pagination.pages({ fetchPage: (page) => Effect.map(getLogs(page), Pagination.fromResults) })
 */
export const pages = <P extends Page<unknown>, E, R>(
  options: PagesOptions<P, E, R>
): Stream.Stream<P, E | PageLimitError, R> => walk(options, Chunk.of)

/**
 * The items of a page-numbered listing, page after page (see {@link pages}). Each page's items are
 * emitted as one chunk.
 *
 * @since 0.1.0
 * @category streams
 */
export const items = <A, E, R>(options: PagesOptions<Page<A>, E, R>): Stream.Stream<A, E | PageLimitError, R> =>
  walk(options, (page) => Chunk.unsafeFromArray(page.items))

const walk = <P extends Page<unknown>, A, E, R>(
  options: PagesOptions<P, E, R>,
  emit: (page: P) => Chunk.Chunk<A>
): Stream.Stream<A, E | PageLimitError, R> => {
  const first = options.firstPage ?? 1
  const maxPages = Math.max(0, Math.floor(options.maxPages ?? 1000))
  return Stream.paginateChunkEffect<number, A, E | PageLimitError, R>(first, (page) =>
    // The page after the last one allowed is never requested: the listing has more than `maxPages` pages.
    page - first >= maxPages
      ? Effect.fail(new PageLimitError({ maxPages }))
      : Effect.map(options.fetchPage(page), (result) => {
        const last = result.done || result.items.length === 0
        return [emit(result), last ? Option.none() : Option.some(page + 1)] as const
      }))
}

/**
 * Keyset pagination cannot advance: more than `limit` (the largest page size allowed) items share the
 * timestamp `createdAt`, or the server ignored the cursor.
 *
 * @since 0.1.0
 * @category errors
 */
export class PaginationError extends Schema.TaggedError<PaginationError>()("PaginationError", {
  createdAt: Schema.DateFromSelf,
  limit: Schema.Number
}) {
  override get message(): string {
    return `keyset pagination cannot advance past createdAt ${this.createdAt.toISOString()} ` +
      `with pages of at most ${this.limit} items`
  }
}

/**
 * The cursor of the next keyset page: items created at or before `createdAtLe` (all items when
 * `undefined`), at most `limit` of them, newest first.
 *
 * @since 0.1.0
 * @category models
 */
export interface Cursor {
  readonly createdAtLe: Date | undefined
  readonly limit: number
}

/**
 * Options of {@link keyset}.
 *
 * @since 0.1.0
 * @category models
 */
export interface KeysetOptions<A, E, R> {
  /** Fetches items at or before `createdAtLe`, newest first, at most `limit`. */
  readonly fetchPage: (cursor: Cursor) => Effect.Effect<ReadonlyArray<A>, E, R>
  /** The page size (default 100). */
  readonly limit?: number | undefined
  /** The largest page size to ask for, the API's maximum (default 1000). */
  readonly maxLimit?: number | undefined
  /**
   * The most pages to request (default 10000). When the last page allowed is full, one request for a single
   * item more tells whether the listing goes on: then the stream fails with a {@link PageLimitError}.
   */
  readonly maxPages?: number | undefined
}

interface KeysetState {
  readonly cursor: Date | undefined
  /** Ids already emitted whose `createdAt` equals `cursor`. */
  readonly seen: ReadonlySet<string>
  readonly page: number
}

/**
 * All items of a `createdAt`-descending list endpoint, newest first. The next page asks for
 * `createdAtLe` = the oldest `createdAt` emitted so far and drops the items already emitted at exactly that
 * timestamp, so nothing is skipped or repeated when several items share a timestamp across a page boundary.
 * To make progress each request asks for `limit` plus the number of items already seen at the boundary
 * (at most `maxLimit`); when that cannot bring anything new the stream fails with a
 * {@link PaginationError} instead of looping. The stream ends after a page shorter than what was asked,
 * without requesting another. After `maxPages` full pages it asks for one item more: when there is one, it
 * fails with a {@link PageLimitError} (once the pages' items are emitted) rather than end as if the listing
 * were complete.
 *
 * @since 0.1.0
 * @category streams
 */
export const keyset = <A extends { readonly id: string; readonly createdAt: Date }, E, R>(
  options: KeysetOptions<A, E, R>
): Stream.Stream<A, E | PaginationError | PageLimitError, R> => {
  const maxLimit = Math.max(1, Math.floor(options.maxLimit ?? 1000))
  const baseLimit = Math.min(maxLimit, Math.max(1, Math.floor(options.limit ?? 100)))
  const maxPages = Math.max(0, Math.floor(options.maxPages ?? 10_000))
  const stalled = (state: KeysetState, limit: number) =>
    new PaginationError({ createdAt: state.cursor ?? new Date(0), limit })

  const step = (
    state: KeysetState
  ): Effect.Effect<readonly [Chunk.Chunk<A>, Option.Option<KeysetState>], E | PaginationError | PageLimitError, R> => {
    if (state.seen.size >= maxLimit) return Effect.fail(stalled(state, maxLimit))
    const bound = state.cursor?.getTime()
    const isFresh = (item: A) => {
      const time = item.createdAt.getTime()
      return bound === undefined || time < bound || (time === bound && !state.seen.has(item.id))
    }
    // Past the last page allowed, whose page was full: one item more tells whether the listing goes on.
    if (state.page > maxPages) {
      return Effect.flatMap(
        options.fetchPage({ createdAtLe: state.cursor, limit: state.seen.size + 1 }),
        (batch) =>
          batch.some(isFresh)
            ? Effect.fail(new PageLimitError({ maxPages }))
            : Effect.succeed([Chunk.empty<A>(), Option.none<KeysetState>()] as const)
      )
    }
    const limit = Math.min(maxLimit, state.seen.size + baseLimit)
    return Effect.flatMap(options.fetchPage({ createdAtLe: state.cursor, limit }), (batch) => {
      const fresh = batch.filter(isFresh)
      if (batch.length < limit) {
        return Effect.succeed([Chunk.fromIterable(fresh), Option.none()] as const)
      }
      if (!Array.isNonEmptyReadonlyArray(fresh)) return Effect.fail(stalled(state, limit))
      const oldest = fresh.reduce((min, item) => (item.createdAt < min ? item.createdAt : min), fresh[0].createdAt)
      const atOldest = fresh.filter((item) => item.createdAt.getTime() === oldest.getTime()).map((item) => item.id)
      const seen = oldest.getTime() === bound ? new Set([...state.seen, ...atOldest]) : new Set(atOldest)
      const next: KeysetState = { cursor: oldest, seen, page: state.page + 1 }
      return Effect.succeed([Chunk.fromIterable(fresh), Option.some(next)] as const)
    })
  }

  return Stream.paginateChunkEffect<KeysetState, A, E | PaginationError | PageLimitError, R>(
    { cursor: undefined, seen: new Set(), page: 1 },
    step
  )
}
