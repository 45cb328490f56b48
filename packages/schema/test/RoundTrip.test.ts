import { assert, describe, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import type * as FastCheck from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { operations } from "../src/Operations.js"

// Arbitraries are derived from the encoded (wire) side of each response schema and run on fast-check 4.
const wireArbitrary = <A, I>(schema: Schema.Schema<A, I>): fc.Arbitrary<I> =>
  Arbitrary.makeLazy(Schema.encodedSchema(schema))(fc as unknown as typeof FastCheck) as unknown as fc.Arbitrary<I>

// Values as users hold them (dates, fallbacks), for encode-then-decode.
const valueArbitrary = <A, I>(schema: Schema.Schema<A, I>): fc.Arbitrary<A> =>
  Arbitrary.makeLazy(schema)(fc as unknown as typeof FastCheck) as unknown as fc.Arbitrary<A>

// What actually travels: JSON drops `undefined` properties.
const asJson = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

const numRuns = Number(process.env.ROUND_TRIP_RUNS ?? 25)

describe("round trip: decode(wire) then encode gives the wire JSON", () => {
  for (const operation of operations) {
    it(`${operation.name} response`, () => {
      const schema = operation.success as Schema.Schema<unknown, unknown>
      const decode = Schema.decodeUnknownSync(schema)
      const encode = Schema.encodeSync(schema)
      fc.assert(
        fc.property(wireArbitrary(schema), (sample) => {
          const wire = asJson(sample)
          assert.deepStrictEqual(asJson(encode(decode(wire))), wire)
          assert.deepStrictEqual(encode(decode(wire)), wire)
        }),
        { numRuns }
      )
    })
  }
})

describe("round trip: encode(value) gives wire JSON that decodes and encodes back unchanged", () => {
  for (const operation of operations) {
    it(`${operation.name} response`, () => {
      const schema = operation.success as Schema.Schema<unknown, unknown>
      const decode = Schema.decodeUnknownSync(schema)
      const encode = Schema.encodeSync(schema)
      fc.assert(
        fc.property(valueArbitrary(schema), (value) => {
          const wire = asJson(encode(value))
          assert.deepStrictEqual(decode(wire), decode(asJson(encode(decode(wire)))))
          assert.deepStrictEqual(asJson(encode(decode(wire))), wire)
        }),
        { numRuns: Math.ceil(numRuns / 2) }
      )
    })
  }
})
