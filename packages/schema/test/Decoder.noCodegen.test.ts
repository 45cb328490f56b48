/**
 * Where `new Function` is forbidden (a content security policy, some edge runtimes), the Decoder leaves
 * structs to `ParseResult` and decodes exactly as Schema does. Its own file, so that the Decoder module and
 * its compiler are fresh: nothing compiled before `Function` is stubbed.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { asJson, numRuns, wireArbitrary } from "./utils/arbitraries.js"

describe("Decoder without code generation", () => {
  it("decodes a call as Schema does when new Function throws", async () => {
    const { CallsGet } = await import("../src/Calls.js")
    const Decoder = await import("../src/Decoder.js")
    const schema = CallsGet.success as Schema.Schema<unknown, unknown>
    const samples = fc.sample(wireArbitrary(schema), { numRuns, seed: 7 }).map(asJson)
    const original = globalThis.Function
    let refused = 0
    globalThis.Function = new Proxy(original, {
      construct() {
        refused++
        // What a content security policy does to `new Function`: the runtime throws, it is not our code.
        // eslint-disable-next-line no-restricted-syntax
        throw new EvalError("Code generation from strings disallowed for this context")
      }
    })
    try {
      const decode = Decoder.decodeUnknownEither(schema)
      for (const sample of samples) {
        const actual = decode(sample)
        const expected = Schema.decodeUnknownEither(schema)(sample)
        assert.isTrue(Either.isRight(actual) && Either.isRight(expected))
        if (Either.isRight(actual) && Either.isRight(expected)) assert.deepStrictEqual(actual.right, expected.right)
      }
    } finally {
      globalThis.Function = original
    }
    assert.isAbove(refused, 0, "the decoder never tried to generate code")
  })
})
