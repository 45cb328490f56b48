import { assert, describe, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { operations } from "../src/Operations.js"
import { asJson, numRuns, valueArbitrary, wireArbitrary } from "./utils/arbitraries.js"


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
