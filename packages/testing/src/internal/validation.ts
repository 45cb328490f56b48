/**
 * Request validation with NestJS-style messages: a Schema `ParseIssue` becomes the `message` array of the
 * real API's 400 answers (`"name must be shorter than or equal to 40 characters"`,
 * `"property foo should not exist"`, `"members.0.assistantId must be a string"`).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { BadRequest } from "./errors.js"

type Path = ReadonlyArray<PropertyKey>

const isArray = <A>(u: A | ReadonlyArray<A>): u is ReadonlyArray<A> => Array.isArray(u)
const toArray = <A>(u: A | ReadonlyArray<A>): ReadonlyArray<A> => isArray(u) ? u : [u]

const isIndex = (key: PropertyKey | undefined): boolean => typeof key === "number"

/** `a.0.b` as NestJS joins nested property paths. @internal */
export const formatPath = (path: Path): string => path.map(String).join(".")

/** The subject of a message: the property path, or `each value in x` for an element of an array. */
const subject = (path: Path): string => {
  if (path.length === 0) return "body"
  if (isIndex(path[path.length - 1])) return `each value in ${formatPath(path.slice(0, -1))}`
  return formatPath(path)
}

const unwrap = (ast: AST.AST): AST.AST => {
  switch (ast._tag) {
    case "Suspend":
      return unwrap(ast.f())
    case "Refinement":
      return unwrap(ast.from)
    case "Transformation":
      return unwrap(ast.to)
    default:
      return ast
  }
}

const isNullish = (ast: AST.AST): boolean => {
  const self = unwrap(ast)
  return self._tag === "UndefinedKeyword" || self._tag === "VoidKeyword" || (self._tag === "Literal" && self.literal === null)
}

const literals = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> | undefined => {
  const self = unwrap(ast)
  switch (self._tag) {
    case "Literal":
      return [self.literal]
    case "Enums":
      return self.enums.map(([, value]) => value)
    case "Union": {
      const all: Array<AST.LiteralValue> = []
      for (const member of self.types.filter((member) => !isNullish(member))) {
        const values = literals(member)
        if (values === undefined) return undefined
        all.push(...values)
      }
      return all
    }
    default:
      return undefined
  }
}

const isDate = (ast: AST.AST): boolean => {
  const self = ast._tag === "Suspend" ? ast.f() : ast
  if (self._tag === "Transformation") return isDate(self.to)
  if (self._tag === "Refinement") return isDate(self.from)
  return self._tag === "Declaration" && Option.getOrUndefined(AST.getIdentifierAnnotation(self))?.startsWith("Date") === true
}

/** What a value of this type must be, in class-validator's words. */
const expectation = (ast: AST.AST): string => {
  if (isDate(ast)) return "must be a valid ISO 8601 date string"
  const values = literals(ast)
  if (values !== undefined && values.length > 0) {
    return values.length === 1
      ? `must be equal to ${String(values[0])}`
      : `must be one of the following values: ${values.map(String).join(", ")}`
  }
  const self = unwrap(ast)
  switch (self._tag) {
    case "StringKeyword":
    case "TemplateLiteral":
      return "must be a string"
    case "NumberKeyword":
      return "must be a number conforming to the specified constraints"
    case "BooleanKeyword":
      return "must be a boolean value"
    case "TupleType":
      return "must be an array"
    case "TypeLiteral":
    case "ObjectKeyword":
      return "must be an object"
    case "Union": {
      const members = self.types.filter((member) => !isNullish(member))
      if (members.length === 1 && members[0] !== undefined) return expectation(members[0])
      const parts = Array.from(new Set(members.map((member) => expectation(member).replace(/^must be /, ""))))
      return `must be ${parts.join(" or ")}`
    }
    default:
      return "has an invalid value"
  }
}

const size = (actual: unknown): number | undefined =>
  typeof actual === "number" ? actual : typeof actual === "string" || Array.isArray(actual) ? actual.length : undefined

/** The messages of the bounds in a JSON Schema annotation that `actual` breaks. */
const constraints = (annotation: object, actual: unknown): ReadonlyArray<string> => {
  const out: Array<string> = []
  const n = size(actual)
  const broken = (bound: unknown, failed: (n: number, bound: number) => boolean): bound is number =>
    typeof bound === "number" && (n === undefined || failed(n, bound))
  if ("maxLength" in annotation && broken(annotation.maxLength, (n, b) => n > b)) {
    out.push(`must be shorter than or equal to ${annotation.maxLength} characters`)
  }
  if ("minLength" in annotation && broken(annotation.minLength, (n, b) => n < b)) {
    out.push(`must be longer than or equal to ${annotation.minLength} characters`)
  }
  if ("maximum" in annotation && broken(annotation.maximum, (n, b) => n > b)) {
    out.push(`must not be greater than ${annotation.maximum}`)
  }
  if ("minimum" in annotation && broken(annotation.minimum, (n, b) => n < b)) {
    out.push(`must not be less than ${annotation.minimum}`)
  }
  if ("exclusiveMaximum" in annotation && broken(annotation.exclusiveMaximum, (n, b) => n >= b)) {
    out.push(`must be less than ${annotation.exclusiveMaximum}`)
  }
  if ("exclusiveMinimum" in annotation && broken(annotation.exclusiveMinimum, (n, b) => n <= b)) {
    out.push(`must be greater than ${annotation.exclusiveMinimum}`)
  }
  if ("maxItems" in annotation && broken(annotation.maxItems, (n, b) => n > b)) {
    out.push(`must contain no more than ${annotation.maxItems} elements`)
  }
  if ("minItems" in annotation && broken(annotation.minItems, (n, b) => n < b)) {
    out.push(`must contain at least ${annotation.minItems} elements`)
  }
  if ("pattern" in annotation && typeof annotation.pattern === "string") {
    out.push(`must match /${annotation.pattern}/ regular expression`)
  }
  if ("type" in annotation && annotation.type === "integer") out.push("must be an integer number")
  return out
}

const refinementMessages = (ast: AST.Refinement, actual: unknown): ReadonlyArray<string> => {
  const found = Option.match(AST.getJSONSchemaAnnotation(ast), {
    onNone: () => [],
    onSome: (annotation) => constraints(annotation, actual)
  })
  if (found.length > 0) return found
  return [
    Option.match(AST.getDescriptionAnnotation(ast), {
      onNone: () => "has an invalid value",
      onSome: (description) => `must be ${description}`
    })
  ]
}

/** An issue about the value's type itself, not about anything inside it or a constraint on it. */
const isShallow = (issue: ParseResult.ParseIssue): boolean => {
  switch (issue._tag) {
    case "Type":
      return true
    case "Refinement":
      return issue.kind === "From" && isShallow(issue.issue)
    case "Transformation":
      return issue.kind === "Encoded" && isShallow(issue.issue)
    case "Composite":
      return unwrap(issue.ast)._tag === "Union" && toArray(issue.issues).every(isShallow)
    default:
      return false
  }
}

/**
 * A failed union: one type message when no member came close, else the messages of the member that came
 * closest (fewest messages), as a user who picked that member would want.
 */
const collectUnion = (issue: ParseResult.Composite, path: Path, out: Array<string>): void => {
  const deep = toArray(issue.issues).filter((inner) => !isShallow(inner))
  if (deep.length === 0) {
    out.push(`${subject(path)} ${expectation(issue.ast)}`)
    return
  }
  let best: Array<string> | undefined = undefined
  for (const inner of deep) {
    const candidate: Array<string> = []
    collect(inner, path, candidate)
    if (best === undefined || candidate.length < best.length) best = candidate
  }
  out.push(...(best ?? []))
}

const collect = (issue: ParseResult.ParseIssue, path: Path, out: Array<string>): void => {
  switch (issue._tag) {
    case "Pointer":
      collect(issue.issue, [...path, ...toArray(issue.path)], out)
      return
    case "Composite":
      if (unwrap(issue.ast)._tag === "Union") collectUnion(issue, path, out)
      else for (const inner of toArray(issue.issues)) collect(inner, path, out)
      return
    case "Refinement":
      if (issue.kind === "From") collect(issue.issue, path, out)
      else if (isDate(issue.ast)) out.push(`${subject(path)} must be a valid ISO 8601 date string`)
      else for (const message of refinementMessages(issue.ast, issue.actual)) out.push(`${subject(path)} ${message}`)
      return
    case "Transformation":
      if (issue.kind === "Transformation" && isDate(issue.ast)) {
        out.push(`${subject(path)} must be a valid ISO 8601 date string`)
      } else {
        collect(issue.issue, path, out)
      }
      return
    case "Unexpected": {
      const parent = path.slice(0, -1)
      const name = String(path[path.length - 1] ?? "")
      out.push(`${parent.length === 0 ? "" : `${formatPath(parent)}.`}property ${name} should not exist`)
      return
    }
    case "Missing":
      out.push(`${subject(path)} ${expectation(issue.ast.type)}`)
      return
    case "Type":
      out.push(`${subject(path)} ${expectation(issue.ast)}`)
      return
    case "Forbidden":
      out.push(`${subject(path)} could not be validated`)
      return
  }
}

/** Every message for an issue, in order, without duplicates. @internal */
export const messages = (issue: ParseResult.ParseIssue): ReadonlyArray<string> => {
  const out: Array<string> = []
  collect(issue, [], out)
  return Array.from(new Set(out))
}

/**
 * Validates a body against a request schema as the API does: every error reported, unknown properties
 * rejected. Succeeds with the body as sent.
 *
 * @internal
 */
export const validate = (schema: Schema.Schema.AnyNoContext, body: unknown): Effect.Effect<unknown, BadRequest> =>
  Schema.decodeUnknown(schema, { errors: "all", onExcessProperty: "error" })(body).pipe(
    Effect.as(body),
    Effect.mapError((error) => new BadRequest({ messages: messages(error.issue) }))
  )
