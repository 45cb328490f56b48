import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Validation from "../../src/internal/validation.js"

const Body = Schema.Struct({
  name: Schema.optional(Schema.String.pipe(Schema.maxLength(5))),
  count: Schema.optional(Schema.Number.pipe(Schema.between(1, 3))),
  kind: Schema.Literal("a", "b"),
  when: Schema.optional(Schema.Date),
  tags: Schema.optional(Schema.Array(Schema.String)),
  nested: Schema.optional(Schema.Struct({ id: Schema.NullOr(Schema.String) })),
  shape: Schema.optional(Schema.Union(
    Schema.Struct({ type: Schema.Literal("circle"), radius: Schema.Number }),
    Schema.Struct({ type: Schema.Literal("square"), side: Schema.Number })
  ))
})

const messages = (body: unknown) =>
  Effect.map(Effect.flip(Validation.validate(Body, body)), (error) => error.messages)

describe("validation messages", () => {
  it.effect("a valid body passes unchanged", () =>
    Effect.gen(function*() {
      const body = { kind: "a", name: "ok", when: "2024-10-01T00:00:00Z" }
      assert.strictEqual(yield* Validation.validate(Body, body), body)
    }))

  it.effect("constraints name the bound that was broken", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* messages({ kind: "a", name: "toolong", count: 0 }), [
        "name must be shorter than or equal to 5 characters",
        "count must not be less than 1"
      ])
      assert.deepStrictEqual(yield* messages({ kind: "a", count: 4 }), ["count must not be greater than 3"])
    }))

  it.effect("missing, wrong type, enum, excess, dates, arrays, nested and nullable", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* messages({}), ["kind must be one of the following values: a, b"])
      assert.deepStrictEqual(yield* messages({ kind: "c", extra: 1 }), [
        "property extra should not exist",
        "kind must be one of the following values: a, b"
      ])
      assert.deepStrictEqual(yield* messages({ kind: "a", when: "someday" }), ["when must be a valid ISO 8601 date string"])
      assert.deepStrictEqual(yield* messages({ kind: "a", tags: ["x", 1] }), ["each value in tags must be a string"])
      assert.deepStrictEqual(yield* messages({ kind: "a", nested: { id: 1, other: true } }), [
        "nested.property other should not exist",
        "nested.id must be a string"
      ])
      assert.deepStrictEqual(yield* messages({ kind: "a", nested: "x" }), ["nested must be an object"])
    }))

  it.effect("a union reports the member that came closest", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* messages({ kind: "a", shape: { type: "square", side: "big" } }), [
        "shape.side must be a number conforming to the specified constraints"
      ])
      assert.deepStrictEqual(yield* messages({ kind: "a", shape: { type: "hexagon" } }), [
        "shape.type must be one of the following values: circle, square"
      ])
    }))
})
