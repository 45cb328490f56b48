import * as Arbitrary from "effect/Arbitrary"
import type * as FastCheck from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"

// Arbitraries are derived from the schemas and run on fast-check 4, whose types differ from the copy that
// effect re-exports (hence the casts at this one boundary).

/** Samples of a schema's encoded (wire) side. */
export const wireArbitrary = <A, I>(schema: Schema.Schema<A, I>): fc.Arbitrary<I> =>
  Arbitrary.makeLazy(Schema.encodedSchema(schema))(fc as unknown as typeof FastCheck) as unknown as fc.Arbitrary<I>

/** Values as users hold them (dates, fallbacks), for encode-then-decode. */
export const valueArbitrary = <A, I>(schema: Schema.Schema<A, I>): fc.Arbitrary<A> =>
  Arbitrary.makeLazy(schema)(fc as unknown as typeof FastCheck) as unknown as fc.Arbitrary<A>

/** What actually travels: JSON drops `undefined` properties. */
export const asJson = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

/** Runs per property (`ROUND_TRIP_RUNS`, default 25). */
export const numRuns = Number(process.env.ROUND_TRIP_RUNS ?? 25)
