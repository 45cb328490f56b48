/**
 * Decoder: `Schema.decodeUnknownEither` with the same results, several times faster on the shapes the
 * generated schemas are made of.
 *
 * `effect/ParseResult` builds an `Either` (and, for unions and structs, arrays of candidates and issues) at
 * every node, so most of the time spent decoding a response goes into values that are thrown away. This
 * module compiles a schema's AST once into plain functions that return the decoded value or a `FAIL`
 * marker: structs as straight-line code generated once per schema (`new Function`; where that is forbidden,
 * structs are left to `ParseResult`), arrays, unions (the same candidates in the same order as
 * `ParseResult`), literals and keywords natively; refinements, transformations and declarations through their own `filter`, `decode`
 * and `decodeUnknown` functions. Any node it does not know, or that carries parse options or a decoding
 * fallback, is handed to `ParseResult` itself. When the fast path fails, the input is decoded again by
 * `Schema.decodeUnknownEither`, so a failure is exactly the `ParseError` that Schema reports.
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

const FAIL: unique symbol = Symbol.for("@vapi-effect/schema/Decoder/FAIL")

type Parse = (input: unknown) => unknown

const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key)

const isRecordOrArray = (u: unknown): u is { readonly [key: PropertyKey]: unknown } =>
  typeof u === "object" && u !== null

class Compiler {
  private readonly memo = new WeakMap<AST.AST, Parse>()

  constructor(private readonly options: AST.ParseOptions) {}

  parse(ast: AST.AST): Parse {
    const known = this.memo.get(ast)
    if (known !== undefined) return known
    // A placeholder first, so that a schema reaching itself through `Schema.suspend` compiles once.
    const cell: { parse?: Parse } = {}
    this.memo.set(ast, (input) => cell.parse!(input))
    const compiled = this.needsParseResult(ast) ? this.delegate(ast) : this.compile(ast)
    cell.parse = compiled
    this.memo.set(ast, compiled)
    return compiled
  }

  private needsParseResult(ast: AST.AST): boolean {
    return Option.isSome(AST.getParseOptionsAnnotation(ast)) || Option.isSome(AST.getDecodingFallbackAnnotation(ast))
  }

  /** `ParseResult`'s own decoder for one node, for what this compiler does not handle itself. */
  private delegate(ast: AST.AST): Parse {
    // Built on first use: transformations and declarations keep one for the rare input they cannot decode
    // synchronously, which most never see.
    let decode: ((input: unknown) => Either.Either<unknown, ParseResult.ParseIssue>) | undefined
    return (input) => {
      const result = (decode ??= ParseResult.decodeUnknownEither(Schema.make(ast), this.options))(input)
      return Either.isRight(result) ? result.right : FAIL
    }
  }

  private compile(ast: AST.AST): Parse {
    switch (ast._tag) {
      case "StringKeyword":
        return (u) => typeof u === "string" ? u : FAIL
      case "NumberKeyword":
        return (u) => typeof u === "number" ? u : FAIL
      case "BooleanKeyword":
        return (u) => typeof u === "boolean" ? u : FAIL
      case "UndefinedKeyword":
        return (u) => u === undefined ? u : FAIL
      case "UnknownKeyword":
      case "AnyKeyword":
        return (u) => u
      case "Literal": {
        const literal = ast.literal
        return (u) => u === literal ? u : FAIL
      }
      case "TypeLiteral":
        return this.typeLiteral(ast)
      case "TupleType":
        return ast.elements.length === 0 && ast.rest.length === 1 ? this.array(ast.rest[0].type) : this.delegate(ast)
      case "Union":
        return this.union(ast)
      case "Refinement":
        return this.refinement(ast)
      case "Transformation":
        return this.transformation(ast)
      case "Declaration":
        return this.declaration(ast)
      case "Suspend": {
        let inner: Parse | undefined
        return (u) => (inner ??= this.parse(ast.f()))(u)
      }
      default:
        return this.delegate(ast)
    }
  }

  private array(item: AST.AST): Parse {
    const parseItem = this.parse(item)
    return (input) => {
      if (!Array.isArray(input)) return FAIL
      const output = new Array<unknown>(input.length)
      for (let i = 0; i < input.length; i++) {
        const value = parseItem(input[i])
        if (value === FAIL) return FAIL
        output[i] = value
      }
      return output
    }
  }

  private typeLiteral(ast: AST.TypeLiteral): Parse {
    const { indexSignatures, propertySignatures } = ast
    if (propertySignatures.length === 0 && indexSignatures.length === 0) {
      return (u) => u !== null && u !== undefined ? u : FAIL
    }
    const onlyStringKeys = indexSignatures.every((signature) => signature.parameter._tag === "StringKeyword")
    if (this.options.onExcessProperty === "error" || this.options.onExcessProperty === "preserve" ||
      this.options.propertyOrder === "original" || this.options.exact === true || !onlyStringKeys) {
      return this.delegate(ast)
    }
    const parsers = propertySignatures.map((signature) => this.parse(signature.type))
    const values = indexSignatures.map((signature) => this.parse(signature.type))
    return generateStruct(propertySignatures, parsers, values) ?? this.delegate(ast)
  }

  private union(ast: AST.Union): Parse {
    const tree = searchTree(ast.types)
    const keys = Reflect.ownKeys(tree.keys)
    const parsers = new Map(ast.types.map((member) => [member, this.parse(member)]))
    const otherwise = tree.otherwise.map((member) => parsers.get(member)!)
    const buckets = keys.map((key) =>
      Object.fromEntries(
        Object.entries(tree.keys[key]).map(([literal, members]) => [literal, members.map((m) => parsers.get(m)!)])
      )
    )
    return (input) => {
      if (keys.length > 0 && isRecordOrArray(input)) {
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k]
          if (!hasOwn(input, key)) continue
          const literal = String(input[key])
          const bucket = buckets[k]
          if (!hasOwn(bucket, literal)) continue
          for (const parse of bucket[literal]) {
            const value = parse(input)
            if (value !== FAIL) return value
          }
        }
      }
      for (const parse of otherwise) {
        const value = parse(input)
        if (value !== FAIL) return value
      }
      return FAIL
    }
  }

  private refinement(ast: AST.Refinement): Parse {
    const from = this.parse(ast.from)
    const options = this.options
    return (input) => {
      const value = from(input)
      return value === FAIL || Option.isSome(ast.filter(value, options, ast)) ? FAIL : value
    }
  }

  private transformation(ast: AST.Transformation): Parse {
    const kind = ast.transformation
    if (kind._tag === "TypeLiteralTransformation") return this.delegate(ast)
    const from = this.parse(ast.from)
    const to = this.parse(ast.to)
    const options = this.options
    const slow = this.delegate(ast)
    return (input) => {
      const a = from(input)
      if (a === FAIL) return FAIL
      if (kind._tag === "ComposeTransformation") return to(a)
      const result = kind.decode(a, options, ast, input)
      // A transformation that is not synchronous (none of the generated schemas has one) is left to
      // `ParseResult` as a whole.
      if (!Either.isEither(result)) return slow(input)
      return Either.isRight(result) ? to(result.right) : FAIL
    }
  }

  private declaration(ast: AST.Declaration): Parse {
    const decode = ast.decodeUnknown(...ast.typeParameters)
    const options = this.options
    const slow = this.delegate(ast)
    return (input) => {
      const result = decode(input, options, ast)
      return Either.isEither(result) ? (Either.isRight(result) ? result.right : FAIL) : slow(input)
    }
  }
}

/** The test a property of this type needs, when it is one `typeof` or `===`: written inline. */
const inlineCheck = (ast: AST.AST, raw: string): string | undefined => {
  if (Option.isSome(AST.getParseOptionsAnnotation(ast)) || Option.isSome(AST.getDecodingFallbackAnnotation(ast))) {
    return undefined
  }
  switch (ast._tag) {
    case "StringKeyword":
      return `typeof ${raw}!=="string"`
    case "NumberKeyword":
      return `typeof ${raw}!=="number"`
    case "BooleanKeyword":
      return `typeof ${raw}!=="boolean"`
    case "Literal":
      return ast.literal === null || typeof ast.literal === "string" || typeof ast.literal === "number" ||
          typeof ast.literal === "boolean"
        ? `${raw}!==${JSON.stringify(ast.literal)}`
        : undefined
    default:
      return undefined
  }
}

/**
 * A struct's decoder as straight-line code, one block per property with its name as a literal, and the
 * checks of string, number, boolean and literal properties inline; then, for each index signature, its
 * values decoded and the keys that are not properties copied. V8 caches each property's load and store
 * (the objects of one schema mostly share a shape), which a loop over the names could not: a list of 100
 * calls decodes in about 1.5 ms instead of 2. `undefined` when code cannot be generated (a property named by
 * a symbol, or a content security policy that forbids `new Function`): `ParseResult` decodes the struct then.
 */
const generateStruct = (
  signatures: ReadonlyArray<AST.PropertySignature>,
  parsers: ReadonlyArray<Parse>,
  values: ReadonlyArray<Parse>
): Parse | undefined => {
  if (!signatures.every((signature) => typeof signature.name === "string")) return undefined
  // In the generated code: `i` the input, `o` the output, `r` a raw value, `v` a decoded one, `p` and `x`
  // the parsers of the properties and of the index signatures, `F` the failure marker, `h` `hasOwn`, `e`
  // the property names.
  const blocks = signatures.map((signature, n) => {
    const name = JSON.stringify(signature.name)
    const check = inlineCheck(signature.type, "r")
    const decode = check === undefined
      ? `v=p[${n}](r);if(v===F)return F;o[${name}]=v;`
      : `if(${check})return F;o[${name}]=r;`
    // As in `ParseResult`: a missing optional key is skipped, a missing required one is decoded as
    // `undefined` (which passes when its type admits `undefined`).
    return signature.isOptional ? `r=i[${name}];if(r!==undefined||h(i,${name})){${decode}}` : `r=i[${name}];${decode}`
  })
  const records = values.map((_, n) =>
    `for(var k of Object.keys(i)){v=x[${n}](i[k]);if(v===F)return F;if(!e.has(k))o[k]=v;}`
  )
  const source = [
    "return function decodeStruct(i){",
    "if(typeof i!==\"object\"||i===null||Array.isArray(i))return F;",
    "var o={},r,v;",
    ...blocks,
    ...records,
    "return o}"
  ].join("\n")
  const names = new Set(signatures.map((signature) => signature.name))
  try {
    return new Function("F", "h", "p", "x", "e", source)(FAIL, hasOwn, parsers, values, names) as Parse
  } catch {
    return undefined
  }
}

/** The literals `ParseResult` narrows a union's candidates by (its `getLiterals`). */
const literalsOf = (ast: AST.AST): ReadonlyArray<readonly [PropertyKey, AST.Literal]> => {
  switch (ast._tag) {
    case "Declaration": {
      const surrogate = AST.getSurrogateAnnotation(ast)
      return Option.isSome(surrogate) ? literalsOf(surrogate.value) : []
    }
    case "TypeLiteral":
      return ast.propertySignatures.flatMap((signature) => {
        const type = AST.encodedAST(signature.type)
        return AST.isLiteral(type) && !signature.isOptional ? [[signature.name, type] as const] : []
      })
    case "TupleType":
      return ast.elements.flatMap((element, i) => {
        const type = AST.encodedAST(element.type)
        return AST.isLiteral(type) && !element.isOptional ? [[i, type] as const] : []
      })
    case "Refinement":
      return literalsOf(ast.from)
    case "Suspend":
      return literalsOf(ast.f())
    case "Transformation":
      return literalsOf(ast.from)
    default:
      return []
  }
}

/**
 * `ParseResult`'s `getSearchTree`: members grouped by the literal of their first tag whose value no earlier
 * member took, in member order, and the members without tags. Candidates are tried in the same order.
 */
const searchTree = (members: ReadonlyArray<AST.AST>) => {
  const keys: Record<PropertyKey, Record<string, Array<AST.AST>>> = {}
  const otherwise: Array<AST.AST> = []
  for (const member of members) {
    const tags = literalsOf(member)
    if (tags.length === 0) {
      otherwise.push(member)
      continue
    }
    for (let j = 0; j < tags.length; j++) {
      const [key, literal] = tags[j]
      const hash = String(literal.literal)
      const buckets = (keys[key] ??= {})
      if (hasOwn(buckets, hash)) {
        if (j < tags.length - 1) continue
        buckets[hash].push(member)
      } else {
        buckets[hash] = [member]
        break
      }
    }
  }
  return { keys, otherwise }
}

/** One compiler for the process, so a schema shared by many (a `Message`, a `Cost`) is compiled once. */
const compiler = new Compiler({ onExcessProperty: "ignore" })

/**
 * Decodes `input` with `schema`: the same `Either` as `Schema.decodeUnknownEither(schema)` (unknown
 * properties dropped), computed by a decoder compiled once per schema. On failure the error is Schema's own.
 *
 * @since 0.2.0
 * @category decoding
 * @example
 * import { Call } from "@vapi-effect/schema/Calls"
 * import * as Decoder from "@vapi-effect/schema/Decoder"
 * import { Either } from "effect"
 *
 * const decoded = Decoder.decodeUnknownEither(Call)({
 *   id: "call_1",
 *   orgId: "org_1",
 *   createdAt: "2024-10-23T12:00:00.000Z",
 *   updatedAt: "2024-10-23T12:00:00.000Z"
 * })
 * assert.strictEqual(Either.isRight(decoded), true)
 */
export const decodeUnknownEither = <A, I>(
  schema: Schema.Schema<A, I, never>
): (input: unknown) => Either.Either<A, ParseResult.ParseError> => {
  let fast: Parse | undefined
  let slow: ((input: unknown) => Either.Either<A, ParseResult.ParseError>) | undefined
  return (input) => {
    const value = (fast ??= compiler.parse(schema.ast))(input)
    if (value === FAIL) return (slow ??= Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" }))(input)
    // The compiled parser of `schema.ast` returns what `ParseResult` would have: a value of `schema`'s type.
    return Either.right(value as A)
  }
}
