/**
 * The building blocks that the generated schemas are made of: JSON numbers, ISO date-times, free-form
 * objects, and the lenient (response) and strict (request) forms of enums and unions. Not part of the
 * public API: the generated modules import it, users import `Fallback`.
 *
 * @since 0.1.0
 * @internal
 */
import type * as Arbitrary from "effect/Arbitrary"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as Fallback from "../Fallback.js"

/**
 * A named object schema that is built on first use rather than when its module loads. Importing a resource
 * module loads the ~100 schemas a `Call` can contain (assistants, models, voices, tools); building them all
 * up front was most of the import time, and a program that only reads calls never builds the request-side
 * (strict) ones. The schema is a `Schema.suspend` carrying the same identifier, so decoding, encoding,
 * arbitraries and error messages are those of the schema it wraps.
 *
 * @since 0.2.0
 */
export const lazy = <A, I>(identifier: string, build: () => Schema.Schema<A, I>): Schema.Schema<A, I> =>
  Schema.suspend(() => build().annotations({ identifier })).annotations({ identifier })

/**
 * A JSON number (`type: number`). Arbitraries generate finite numbers only, as JSON has no others.
 *
 * @since 0.1.0
 */
export const Number: Schema.Schema<number> = Schema.Number.annotations({
  arbitrary: () => (fc) => fc.double({ noNaN: true, noDefaultInfinity: true })
})

const dateTimeString = Schema.String.annotations({
  identifier: "DateTimeString",
  description: "an ISO 8601 date-time string",
  arbitrary: () => (fc) =>
    fc.date({
      min: new Date("2000-01-01T00:00:00.000Z"),
      max: new Date("2099-12-31T23:59:59.999Z"),
      noInvalidDate: true
    }).map((date) => date.toISOString())
})

/**
 * A `format: date-time` string decoded to a `Date` and encoded with `Date.prototype.toISOString`, so a
 * canonical ISO string (`2024-10-23T12:00:00.000Z`, as the API sends) encodes back to itself. Strings that
 * are not dates fail, and so do invalid `Date`s on encoding.
 *
 * @since 0.1.0
 */
export const DateTime: Schema.Schema<Date, string> = Schema.transformOrFail(dateTimeString, Schema.ValidDateFromSelf, {
  strict: true,
  decode: (s, _, ast) => {
    const date = new Date(s)
    return globalThis.Number.isNaN(date.getTime())
      ? ParseResult.fail(new ParseResult.Type(ast, s, `Expected an ISO 8601 date-time string, actual ${JSON.stringify(s)}`))
      : ParseResult.succeed(date)
  },
  encode: (date) => ParseResult.succeed(date.toISOString())
}).annotations({ identifier: "DateTime" })

/**
 * A free-form object (`type: object` without properties): any JSON object, kept as is.
 *
 * @since 0.1.0
 */
export const FreeForm: Schema.Schema<{ readonly [key: string]: unknown }> = Schema.Record({
  key: Schema.String,
  value: Schema.Unknown
}).annotations({
  arbitrary: () => (fc) => fc.dictionary(fc.string().filter((k) => k !== "__proto__"), fc.jsonValue({ maxDepth: 2 }))
})

/**
 * A `format: binary` value: the bytes of a file, as a `Blob` or a `Uint8Array`.
 *
 * @since 0.1.0
 */
export const Binary: Schema.Schema<Blob | Uint8Array> = Schema.declare(
  (u): u is Blob | Uint8Array =>
    u instanceof Uint8Array || (typeof Blob !== "undefined" && u instanceof Blob),
  { identifier: "Binary", description: "a Blob or a Uint8Array", arbitrary: () => (fc) => fc.uint8Array() }
)

/**
 * A response enum: the listed values decode to themselves, any other string to a `Fallback.UnknownEnum`
 * that encodes back to the same string.
 *
 * @since 0.1.0
 */
export const LenientEnum = <const Literals extends ReadonlyArray<string>>(
  ...literals: Literals
): Schema.Schema<Literals[number] | Fallback.UnknownEnum, string> => {
  const known = new Set<string>(literals)
  const unknownArbitrary: Arbitrary.LazyArbitrary<Fallback.UnknownEnum> = (fc) =>
    fc.string().filter((s) => !known.has(s)).map((s) => new Fallback.UnknownEnum(s))
  const from = Schema.String.annotations({
    arbitrary: () => (fc) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...literals), weight: 4 },
        { arbitrary: fc.string(), weight: 1 }
      )
  })
  // One set lookup for the decoded side: a `Literal` of n values is a union of n members, which the parser
  // would try in turn (about 55 misses per call for `endedReason`'s ~200 values).
  const to = Schema.declare(
    (u): u is Literals[number] | Fallback.UnknownEnum => typeof u === "string" ? known.has(u) : Fallback.isUnknownEnum(u),
    {
      identifier: "LenientEnum",
      arbitrary: () => (fc) =>
        fc.oneof({ arbitrary: fc.constantFrom(...literals), weight: 4 }, { arbitrary: unknownArbitrary(fc), weight: 1 })
    }
  )
  return Schema.transform(from, to, {
    strict: true,
    decode: (s): Literals[number] | Fallback.UnknownEnum => known.has(s) ? s : new Fallback.UnknownEnum(s),
    encode: (value) => typeof value === "string" ? value : value.value
  })
}

/**
 * A request enum whose type is shared with responses: only the listed values pass, in both directions, but
 * the type admits `Fallback.UnknownEnum` so that values read from a response can be passed back (they fail
 * at run time, before anything is sent, when they are not known).
 *
 * @since 0.1.0
 */
export const StrictEnum = <const Literals extends ReadonlyArray<string>>(
  ...literals: Literals
): Schema.Schema<Literals[number] | Fallback.UnknownEnum, string> =>
  Schema.Literal(...literals) as unknown as Schema.Schema<Literals[number] | Fallback.UnknownEnum, string>

const isObject = (u: unknown): u is Fallback.UnknownMemberEncoded =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The last member of a response union: any object whose discriminator (`tagKey`) is not one of the known
 * tags decodes to a `Fallback.UnknownMember` keeping the raw object, which encodes back unchanged. Objects
 * with a known tag are left to the known members, so a malformed known member still fails.
 *
 * @since 0.1.0
 */
export const UnknownMember = (
  tagKey: string,
  knownTags: ReadonlyArray<string>
): Schema.Schema<Fallback.UnknownMember, Fallback.UnknownMemberEncoded> => {
  const known = new Set<string>(knownTags)
  const raw: Arbitrary.LazyArbitrary<Fallback.UnknownMemberEncoded> = (fc) =>
    fc.tuple(
      fc.dictionary(fc.string().filter((k) => k !== "__proto__" && k !== tagKey), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 4
      }),
      fc.string().filter((t) => !known.has(t))
    ).map(([fields, tag]) => ({ ...fields, [tagKey]: tag }))
  const from = Schema.declare(isObject, {
    identifier: "UnknownMemberEncoded",
    description: `an object whose ${JSON.stringify(tagKey)} is not one of ${knownTags.map((t) => JSON.stringify(t)).join(", ")}`,
    arbitrary: () => raw
  })
  const to = Schema.declare(Fallback.isUnknownMember, {
    identifier: "UnknownMember",
    arbitrary: () => (fc) => raw(fc).map((object) => new Fallback.UnknownMember(object, object[tagKey] as string))
  })
  return Schema.transformOrFail(from, to, {
    strict: true,
    decode: (raw, _, ast) => {
      const tag = raw[tagKey]
      return typeof tag === "string" && known.has(tag)
        ? ParseResult.fail(new ParseResult.Type(ast, raw, `${JSON.stringify(tagKey)} is the known tag ${JSON.stringify(tag)}`))
        : ParseResult.succeed(new Fallback.UnknownMember(raw, typeof tag === "string" ? tag : undefined))
    },
    encode: (member) => ParseResult.succeed(member.raw)
  })
}

/**
 * A request union whose type is shared with responses: only the listed members pass, but the type admits
 * `Fallback.UnknownMember` so that values read from a response can be passed back.
 *
 * @since 0.1.0
 */
export const StrictUnion = <const Members extends ReadonlyArray<Schema.Schema.AnyNoContext>>(
  ...members: Members
): Schema.Schema<
  Schema.Schema.Type<Members[number]> | Fallback.UnknownMember,
  Schema.Schema.Encoded<Members[number]> | Fallback.UnknownMemberEncoded
> =>
  Schema.Union(...members) as unknown as Schema.Schema<
    Schema.Schema.Type<Members[number]> | Fallback.UnknownMember,
    Schema.Schema.Encoded<Members[number]> | Fallback.UnknownMemberEncoded
  >
