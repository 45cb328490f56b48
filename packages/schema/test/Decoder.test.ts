import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { CallsGet } from "../src/Calls.js"
import * as Decoder from "../src/Decoder.js"
import * as Fallback from "../src/Fallback.js"
import { operations } from "../src/Operations.js"
import { asJson, numRuns, wireArbitrary } from "./utils/arbitraries.js"


/** The decoder agrees with `Schema.decodeUnknownEither`: same success value, or the very same error message. */
const assertAgrees = <A, I>(schema: Schema.Schema<A, I>, input: unknown) => {
  const expected = Schema.decodeUnknownEither(schema)(input)
  const actual = Decoder.decodeUnknownEither(schema)(input)
  assert.strictEqual(Either.isRight(actual), Either.isRight(expected), JSON.stringify(input))
  if (Either.isRight(actual) && Either.isRight(expected)) assert.deepStrictEqual(actual.right, expected.right)
  if (Either.isLeft(actual) && Either.isLeft(expected)) assert.strictEqual(actual.left.message, expected.left.message)
  return actual
}

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

/** Every path to a value inside `json`, the root first. */
const pathsOf = (json: unknown, at: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> => {
  const here = [at]
  if (Array.isArray(json)) return here.concat(json.flatMap((item, i) => pathsOf(item, [...at, i])))
  if (typeof json === "object" && json !== null) {
    return here.concat(Object.entries(json).flatMap(([key, value]) => pathsOf(value, [...at, key])))
  }
  return here
}

/** `json` with the value at `path` replaced by `value`, or removed when `value` is `undefined`. */
const setAt = (json: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown => {
  if (path.length === 0) return value
  const [head, ...rest] = path
  const container = json as Record<string | number, unknown>
  const copy = (Array.isArray(json) ? [...json] : { ...container }) as Record<string | number, unknown>
  const next = setAt(container[head!], rest, value)
  if (next === undefined && !Array.isArray(copy)) delete copy[head!]
  else copy[head!] = next
  return copy
}

// Replacements that hit the interesting cases: wrong types, unknown tags and enum values, nulls, removals.
const replacement: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom("system", "user", "bot", "transport", "ended", "2024-10-23T12:00:00.000Z", "not a date", ""),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>
)

describe("Decoder.decodeUnknownEither", () => {
  for (const operation of operations) {
    const schema = operation.success as Schema.Schema<unknown, unknown>
    it(`${operation.name} response: the same value as Schema for wire samples`, () => {
      fc.assert(fc.property(wireArbitrary(schema), (sample) => void assertAgrees(schema, asJson(sample))), { numRuns })
    })
    it(`${operation.name} response: the same success or error as Schema for mutated samples`, () => {
      const mutated = wireArbitrary(schema).chain((sample) => {
        const wire = asJson(sample)
        const paths = pathsOf(wire)
        return fc.tuple(fc.constantFrom(...paths), replacement).map(([path, value]) => setAt(wire, path, value))
      })
      fc.assert(fc.property(mutated, (input) => void assertAgrees(schema, input)), { numRuns: numRuns * 2 })
    })
  }

  const call = {
    id: "call_1",
    orgId: "org_1",
    createdAt: "2024-10-23T12:00:00.000Z",
    updatedAt: "2024-10-23T12:05:00.000Z",
    status: "ended",
    endedReason: "a-reason-from-next-year",
    messages: [{ role: "user", message: "Hi", time: 1, endTime: 2, secondsFromStart: 0.5 }, { role: "robot", x: 1 }],
    extra: { dropped: true }
  }

  it("decodes dates, keeps unknown enum values and union members as fallbacks, drops unknown fields", () => {
    const decoded = assertAgrees(CallsGet.success, call)
    assert.isTrue(Either.isRight(decoded))
    if (Either.isLeft(decoded)) return
    assert.instanceOf(decoded.right.createdAt, Date)
    assert.strictEqual(decoded.right.createdAt.toISOString(), "2024-10-23T12:00:00.000Z")
    assert.isTrue(Fallback.isUnknownEnum(decoded.right.endedReason))
    assert.propertyVal(decoded.right.messages?.[0], "role", "user")
    assert.isTrue(Fallback.isUnknownMember(decoded.right.messages?.[1]))
    assert.isFalse("extra" in decoded.right)
  })

  it("fails with Schema's error, naming the path, for a malformed known member", () => {
    const decoded = assertAgrees(CallsGet.success, { ...call, messages: [{ role: "user", message: 42 }] })
    assert.isTrue(Either.isLeft(decoded))
    if (Either.isRight(decoded)) return
    const paths = ParseResult.ArrayFormatter.formatErrorSync(decoded.left).map((issue) => issue.path)
    assert.deepInclude(paths, ["messages", 0, "message"])
  })

  it("fails on an invalid date and on a missing required field", () => {
    assert.isTrue(Either.isLeft(assertAgrees(CallsGet.success, { ...call, createdAt: "yesterday" })))
    const { id: _, ...withoutId } = call
    assert.isTrue(Either.isLeft(assertAgrees(CallsGet.success, withoutId)))
  })

  it("treats a present undefined like Schema: passes for an optional field, missing-required decodes undefined", () => {
    const schema = Schema.Struct({ a: Schema.optional(Schema.String), b: Schema.Unknown, c: Schema.String })
    assertAgrees(schema, { a: undefined, c: "x" })
    assertAgrees(schema, { c: "x" })
    assertAgrees(schema, { a: 1, c: "x" })
    assertAgrees(schema, { a: "y" })
  })

  it("tries union members in Schema's order: tagged candidates before untagged ones", () => {
    const Loose = Schema.Struct({ kind: Schema.optional(Schema.String), n: Schema.optional(Schema.Number) })
    const Tagged = Schema.Struct({ kind: Schema.Literal("a"), n: Schema.Number })
    const schema = Schema.Union(Loose, Tagged, Schema.String)
    for (const input of [{ kind: "a", n: 1 }, { kind: "b", n: 1 }, { kind: "a" }, "s", 1, null, [1]]) {
      assertAgrees(schema, input)
    }
  })

  it("applies refinements, records and recursive schemas", () => {
    interface Tree {
      readonly name: string
      readonly children: ReadonlyArray<Tree>
    }
    const Tree: Schema.Schema<Tree> = Schema.Struct({
      name: Schema.String.pipe(Schema.maxLength(3)),
      children: Schema.Array(Schema.suspend(() => Tree))
    })
    assertAgrees(Tree, { name: "a", children: [{ name: "b", children: [] }] })
    assertAgrees(Tree, { name: "a", children: [{ name: "toolong", children: [] }] })
    const record = Schema.Struct({ id: Schema.String }, Schema.Record({ key: Schema.String, value: Schema.Number }))
    assertAgrees(record, { id: "x", n: 1 })
    assertAgrees(record, { id: "x", n: "1" })
  })

  it("leaves what it does not compile to ParseResult: parse options, tuples, asynchronous transformations", () => {
    const strict = Schema.Struct({ a: Schema.String }).annotations({ parseOptions: { onExcessProperty: "error" } })
    assertAgrees(strict, { a: "x", b: 1 })
    assertAgrees(Schema.Tuple(Schema.String, Schema.Number), ["a", 1])
    const slow = Schema.transformOrFail(Schema.String, Schema.String, {
      strict: true,
      decode: (s) => Effect.as(Effect.sleep(1), s),
      encode: ParseResult.succeed
    })
    assertAgrees(slow, "x")
  })
})
