/**
 * The requests a server received, with what it did to each (status or fault), for tests to count attempts.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"

/** One request as the server saw it. @internal */
export interface Entry {
  readonly method: string
  readonly path: string
  readonly operation?: string
  readonly status?: number
  readonly fault?: string
}

/** The journal. @internal */
export interface Journal {
  readonly record: (entry: Entry) => Effect.Effect<void>
  readonly entries: Effect.Effect<ReadonlyArray<Entry>>
  readonly clear: Effect.Effect<void>
}

/** A journal keeping the last `max` requests. @internal */
export const make = (max = 10_000): Effect.Effect<Journal> =>
  Effect.map(Ref.make(Chunk.empty<Entry>()), (ref) => ({
    record: (entry) =>
      Ref.update(ref, (entries) => {
        const next = Chunk.append(entries, entry)
        return Chunk.size(next) > max ? Chunk.drop(next, 1) : next
      }),
    entries: Effect.map(Ref.get(ref), Chunk.toReadonlyArray),
    clear: Ref.set(ref, Chunk.empty())
  }))
