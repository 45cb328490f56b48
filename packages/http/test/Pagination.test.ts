import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as Pagination from "../src/Pagination.js"

interface Log {
  readonly n: number
}

/** `/logs`-like pages: `total` items, `perPage` per page, with Vapi's metadata. */
const logsSource = (total: number, perPage: number) => {
  const requested: Array<number> = []
  const fetchPage = (page: number) =>
    Effect.sync(() => {
      requested.push(page)
      const start = (page - 1) * perPage
      const results: ReadonlyArray<Log> = Array.from(
        { length: Math.max(0, Math.min(perPage, total - start)) },
        (_, i) => ({ n: start + i })
      )
      return Pagination.fromResults({ results, metadata: { itemsPerPage: perPage, totalItems: total, currentPage: page } })
    })
  return { requested, fetchPage }
}

interface Item {
  readonly id: string
  readonly createdAt: Date
}

const at = (seconds: number) => new Date(Date.UTC(2024, 9, 1, 0, 0, seconds))

/** A `createdAt`-descending list endpoint honouring `createdAtLe` and `limit`, ties in a stable order. */
const listSource = (items: ReadonlyArray<Item>) => {
  const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
  const cursors: Array<Pagination.Cursor> = []
  const fetchPage = (cursor: Pagination.Cursor) =>
    Effect.sync(() => {
      cursors.push(cursor)
      const bound = cursor.createdAtLe
      return sorted.filter((item) => bound === undefined || item.createdAt <= bound).slice(0, cursor.limit)
    })
  return { cursors, fetchPage }
}

const item = (id: string, seconds: number): Item => ({ id, createdAt: at(seconds) })

describe("Pagination.pages", () => {
  it.effect("requests nothing before the consumer pulls, then one page per pull", () =>
    Effect.gen(function*() {
      const source = logsSource(1000, 10)
      const stream = Pagination.pages({ fetchPage: source.fetchPage })
      assert.deepStrictEqual(source.requested, [])
      const first = yield* Stream.runCollect(Stream.take(stream, 1))
      assert.strictEqual(Chunk.size(first), 1)
      assert.deepStrictEqual(source.requested, [1])
      const items = yield* Stream.runCollect(Stream.take(Pagination.items({ fetchPage: source.fetchPage }), 15))
      assert.deepStrictEqual(Chunk.toReadonlyArray(items).map((log) => log.n), Array.from({ length: 15 }, (_, i) => i))
      assert.deepStrictEqual(source.requested, [1, 1, 2])
    }))

  it.effect("stops at the page the metadata marks as last, without an extra request", () =>
    Effect.gen(function*() {
      const source = logsSource(25, 10)
      const pages = yield* Stream.runCollect(Pagination.pages({ fetchPage: source.fetchPage }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(pages).map((page) => page.items.length), [10, 10, 5])
      assert.deepStrictEqual(Chunk.toReadonlyArray(pages).map((page) => page.metadata.currentPage), [1, 2, 3])
      assert.deepStrictEqual(source.requested, [1, 2, 3])
      const exact = logsSource(20, 10)
      const items = yield* Stream.runCollect(Pagination.items({ fetchPage: exact.fetchPage }))
      assert.strictEqual(Chunk.size(items), 20)
      assert.deepStrictEqual(exact.requested, [1, 2])
    }))

  it.effect("stops after an empty page", () =>
    Effect.gen(function*() {
      const requested: Array<number> = []
      const lying = (page: number) =>
        Effect.sync(() => {
          requested.push(page)
          return { items: page < 3 ? [page] : [], done: false }
        })
      const items = yield* Stream.runCollect(Pagination.items({ fetchPage: lying }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(items), [1, 2])
      assert.deepStrictEqual(requested, [1, 2, 3])
    }))

  it.effect("fails with PageLimitError after exactly maxPages requests when more pages exist", () =>
    Effect.gen(function*() {
      const source = logsSource(100, 1)
      const emitted: Array<number> = []
      const error = yield* Effect.flip(Stream.runForEach(
        Pagination.pages({ fetchPage: source.fetchPage, maxPages: 4 }),
        (page) => Effect.sync(() => emitted.push(page.metadata.currentPage))
      ))
      assert.instanceOf(error, Pagination.PageLimitError)
      assert.strictEqual(error._tag, "PageLimitError")
      assert.strictEqual(error.maxPages, 4)
      assert.include(error.message, "more than the 4 pages")
      assert.include(error.message, "narrow the query")
      assert.deepStrictEqual(source.requested, [1, 2, 3, 4])
      // The pages read before the cap are emitted, then the stream fails.
      assert.deepStrictEqual(emitted, [1, 2, 3, 4])

      // items, counting from firstPage.
      const fromThird = logsSource(100, 2)
      const logs: Array<number> = []
      const itemsError = yield* Effect.flip(Stream.runForEach(
        Pagination.items({ fetchPage: fromThird.fetchPage, firstPage: 3, maxPages: 2 }),
        (log) => Effect.sync(() => logs.push(log.n))
      ))
      assert.strictEqual(itemsError._tag, "PageLimitError")
      assert.strictEqual(itemsError.maxPages, 2)
      assert.deepStrictEqual(fromThird.requested, [3, 4])
      assert.deepStrictEqual(logs, [4, 5, 6, 7])
      const caught = yield* Pagination.items({ fetchPage: logsSource(100, 1).fetchPage, maxPages: 3 }).pipe(
        Stream.runCount,
        Effect.catchTag("PageLimitError", (e) => Effect.succeed(-e.maxPages))
      )
      assert.strictEqual(caught, -3)
    }))

  it.effect("ends without an extra request when the cap is reached on the last page", () =>
    Effect.gen(function*() {
      // The metadata marks page 4 as the last.
      const exact = logsSource(12, 3)
      const pages = yield* Stream.runCollect(Pagination.pages({ fetchPage: exact.fetchPage, maxPages: 4 }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(pages).map((page) => page.metadata.currentPage), [1, 2, 3, 4])
      assert.deepStrictEqual(exact.requested, [1, 2, 3, 4])
      const short = logsSource(11, 3)
      const items = yield* Stream.runCollect(Pagination.items({ fetchPage: short.fetchPage, maxPages: 4 }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(items).map((log) => log.n), Array.from({ length: 11 }, (_, i) => i))
      assert.deepStrictEqual(short.requested, [1, 2, 3, 4])
      // An empty page not marked done ends the listing too, even on the cap.
      const requested: Array<number> = []
      const emptyAtCap = (page: number) =>
        Effect.sync(() => {
          requested.push(page)
          return { items: page < 3 ? [page] : [], done: false }
        })
      const all = yield* Stream.runCollect(Pagination.items({ fetchPage: emptyAtCap, maxPages: 3 }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(all), [1, 2])
      assert.deepStrictEqual(requested, [1, 2, 3])
    }))

  it.effect("with maxPages 0 fails with PageLimitError without requesting anything", () =>
    Effect.gen(function*() {
      const none = logsSource(10, 1)
      const error = yield* Effect.flip(Stream.runCollect(Pagination.pages({ fetchPage: none.fetchPage, maxPages: 0 })))
      assert.strictEqual(error._tag, "PageLimitError")
      assert.strictEqual(error.maxPages, 0)
      assert.deepStrictEqual(none.requested, [])
    }))

  it.effect("items emits each page's items as one chunk, in order", () =>
    Effect.gen(function*() {
      const source = logsSource(25, 10)
      const chunks = yield* Stream.runCollect(Stream.chunks(Pagination.items({ fetchPage: source.fetchPage })))
      assert.deepStrictEqual(
        Chunk.toReadonlyArray(chunks).map((chunk) => Chunk.toReadonlyArray(chunk).map((log) => log.n)),
        [0, 10, 20].map((start) => Array.from({ length: Math.min(10, 25 - start) }, (_, i) => start + i))
      )
    }))

  it.effect("propagates the page's error", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Stream.runCollect(Pagination.pages({ fetchPage: () => Effect.fail("boom" as const) })))
      assert.strictEqual(error, "boom")
    }))

  it("isLastPage reads Vapi's metadata", () => {
    assert.isFalse(Pagination.isLastPage({ itemsPerPage: 100, totalItems: 250, currentPage: 2 }))
    assert.isTrue(Pagination.isLastPage({ itemsPerPage: 100, totalItems: 250, currentPage: 3 }))
    assert.isTrue(Pagination.isLastPage({ itemsPerPage: 100, totalItems: 0, currentPage: 1 }))
  })
})

describe("Pagination.keyset", () => {
  it.effect("walks all items newest first, following createdAtLe", () =>
    Effect.gen(function*() {
      const items = Array.from({ length: 7 }, (_, i) => item(`i${i}`, i))
      const source = listSource(items)
      const stream = Pagination.keyset({ fetchPage: source.fetchPage, limit: 3 })
      assert.strictEqual(source.cursors.length, 0)
      const all = yield* Stream.runCollect(stream)
      assert.deepStrictEqual(Chunk.toReadonlyArray(all).map((x) => x.id), ["i6", "i5", "i4", "i3", "i2", "i1", "i0"])
      // Each later page asks for one more than `limit`: the boundary item comes back and is dropped.
      assert.deepStrictEqual(source.cursors, [
        { createdAtLe: undefined, limit: 3 },
        { createdAtLe: at(4), limit: 4 },
        { createdAtLe: at(1), limit: 4 }
      ])
    }))

  it.effect("neither skips nor repeats items sharing a timestamp across a page boundary", () =>
    Effect.gen(function*() {
      // 3 items at t=4 straddle the first boundary; 2 at t=2 straddle a later one.
      const items = [item("a", 5), item("b", 4), item("c", 4), item("d", 4), item("e", 3), item("f", 2), item("g", 2), item("h", 1)]
      const source = listSource(items)
      const all = yield* Stream.runCollect(Pagination.keyset({ fetchPage: source.fetchPage, limit: 3 }))
      const ids = Chunk.toReadonlyArray(all).map((x) => x.id)
      assert.deepStrictEqual(ids, ["a", "d", "c", "b", "e", "g", "f", "h"])
      assert.strictEqual(new Set(ids).size, items.length)
      assert.deepStrictEqual(source.cursors.map((c) => c.createdAtLe?.getUTCSeconds()), [undefined, 4, 2])
      assert.deepStrictEqual(source.cursors.map((c) => c.limit), [3, 5, 4])
    }))

  it.effect("grows the page when many items share the boundary timestamp", () =>
    Effect.gen(function*() {
      const items = [...Array.from({ length: 5 }, (_, i) => item(`same${i}`, 9)), item("older", 1)]
      const source = listSource(items)
      const all = yield* Stream.runCollect(Pagination.keyset({ fetchPage: source.fetchPage, limit: 2 }))
      const ids = Chunk.toReadonlyArray(all).map((x) => x.id)
      assert.deepStrictEqual(ids, ["same4", "same3", "same2", "same1", "same0", "older"])
      assert.deepStrictEqual(source.cursors.map((c) => c.limit), [2, 4, 6, 3])
    }))

  it.effect("fails with PaginationError instead of looping when the limit cannot grow", () =>
    Effect.gen(function*() {
      const items = Array.from({ length: 10 }, (_, i) => item(`same${i}`, 9))
      const source = listSource(items)
      const emitted: Array<string> = []
      const error = yield* Effect.flip(Stream.runForEach(
        Pagination.keyset({ fetchPage: source.fetchPage, limit: 2, maxLimit: 4 }),
        (x) => Effect.sync(() => emitted.push(x.id))
      ))
      assert.deepStrictEqual(emitted, ["same9", "same8", "same7", "same6"])
      assert.strictEqual(error._tag, "PaginationError")
      if (error._tag !== "PaginationError") return
      assert.deepStrictEqual(error.createdAt, at(9))
      assert.strictEqual(error.limit, 4)
      assert.include(error.message, "createdAt")
      assert.deepStrictEqual(source.cursors.map((c) => c.limit), [2, 4])
    }))

  it.effect("fails rather than loops when the server ignores the cursor", () =>
    Effect.gen(function*() {
      const all = Array.from({ length: 100 }, (_, i) => item(`i${99 - i}`, 99 - i))
      const limits: Array<number> = []
      const ignoring = (cursor: Pagination.Cursor) =>
        Effect.sync(() => {
          limits.push(cursor.limit)
          return all.slice(0, cursor.limit)
        })
      const error = yield* Effect.flip(Stream.runCollect(Pagination.keyset({ fetchPage: ignoring, limit: 2 })))
      assert.strictEqual(error._tag, "PaginationError")
      assert.deepStrictEqual(limits, [2, 3, 3])
    }))

  it.effect("stops after a short page, with no extra request", () =>
    Effect.gen(function*() {
      const source = listSource([item("a", 3), item("b", 2)])
      const all = yield* Stream.runCollect(Pagination.keyset({ fetchPage: source.fetchPage, limit: 5 }))
      assert.strictEqual(Chunk.size(all), 2)
      assert.strictEqual(source.cursors.length, 1)
      const lazy = listSource(Array.from({ length: 100 }, (_, i) => item(`i${i}`, i)))
      const firstFive = yield* Stream.runCollect(Stream.take(Pagination.keyset({ fetchPage: lazy.fetchPage, limit: 10 }), 5))
      assert.strictEqual(Chunk.size(firstFive), 5)
      assert.strictEqual(lazy.cursors.length, 1)
    }))

  it.effect("fails with PageLimitError after exactly maxPages full pages when more items exist", () =>
    Effect.gen(function*() {
      const many = listSource(Array.from({ length: 100 }, (_, i) => item(`i${i}`, i)))
      const emitted: Array<string> = []
      const error = yield* Effect.flip(Stream.runForEach(
        Pagination.keyset({ fetchPage: many.fetchPage, limit: 10, maxPages: 3 }),
        (x) => Effect.sync(() => emitted.push(x.id))
      ))
      assert.instanceOf(error, Pagination.PageLimitError)
      assert.strictEqual(error._tag, "PageLimitError")
      if (error._tag !== "PageLimitError") return
      assert.strictEqual(error.maxPages, 3)
      assert.include(error.message, "more than the 3 pages")
      // Three full pages, then one item more to tell that the listing goes on.
      assert.deepStrictEqual(many.cursors.map((c) => c.limit), [10, 11, 11, 2])
      // The 30 newest items, in order, then the failure.
      assert.deepStrictEqual(emitted, Array.from({ length: 30 }, (_, i) => `i${99 - i}`))
    }))

  it.effect("ends without an extra request when the cap is reached on a short or empty page", () =>
    Effect.gen(function*() {
      // Pages ask for 10, then 11 (the boundary item comes back): 10 + 10 + 5 items, the third page short.
      const short = listSource(Array.from({ length: 25 }, (_, i) => item(`i${i}`, i)))
      const all = yield* Stream.runCollect(Pagination.keyset({ fetchPage: short.fetchPage, limit: 10, maxPages: 3 }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(all).map((x) => x.id), Array.from({ length: 25 }, (_, i) => `i${24 - i}`))
      assert.deepStrictEqual(short.cursors.map((c) => c.limit), [10, 11, 11])
      // The third page brings only the boundary item back: nothing new, and the listing is complete.
      const empty = listSource(Array.from({ length: 20 }, (_, i) => item(`i${i}`, i)))
      const twenty = yield* Stream.runCollect(Pagination.keyset({ fetchPage: empty.fetchPage, limit: 10, maxPages: 3 }))
      assert.strictEqual(Chunk.size(twenty), 20)
      assert.strictEqual(empty.cursors.length, 3)
    }))

  it.effect("ends successfully when the last page allowed is full but the listing ends there", () =>
    Effect.gen(function*() {
      // 10 + 10 + 10 items: the third page is full, and the one-item check finds nothing new.
      const exact = listSource(Array.from({ length: 30 }, (_, i) => item(`i${i}`, i)))
      const thirty = yield* Stream.runCollect(Pagination.keyset({ fetchPage: exact.fetchPage, limit: 10, maxPages: 3 }))
      assert.deepStrictEqual(Chunk.toReadonlyArray(thirty).map((x) => x.id), Array.from({ length: 30 }, (_, i) => `i${29 - i}`))
      assert.deepStrictEqual(exact.cursors.map((c) => c.limit), [10, 11, 11, 2])
    }))
})
