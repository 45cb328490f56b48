/**
 * Emit: prints one node of the model as an Effect Schema expression, as its decoded TypeScript type and as
 * its encoded (JSON) type, in one of two variants:
 *
 * - `lenient` (responses): enums fall back to `Fallback.UnknownEnum`, tagged unions to
 *   `Fallback.UnknownMember`, and constraints (`maxLength`, `minimum`, `pattern`, ...) are not checked.
 * - `strict` (requests): closed enums and unions, constraints checked.
 *
 * Types are shared by both variants of a schema: when a schema has a lenient variant its type admits the
 * fallbacks (`wide`), so that response data can be passed back into requests.
 *
 * @since 0.1.0
 */
import type * as Model from "./Model.js"
import * as Naming from "./Naming.js"
import * as P from "./Printer.js"

type Doc = P.Doc

/**
 * What an emitted module imports, collected while printing.
 *
 * @since 0.1.0
 * @category models
 */
export class Imports {
  /** `effect/Schema` used as a value (else only in types). */
  schemaValue = false
  schemaType = false
  runtime = false
  fallback = false
  operation = false
  /** Named schema modules: name -> the bindings used as values and as types. */
  readonly refs = new Map<string, { readonly values: Set<string>; readonly types: Set<string> }>()

  ref(module: string, binding: string, kind: "value" | "type"): void {
    let entry = this.refs.get(module)
    if (entry === undefined) {
      entry = { values: new Set(), types: new Set() }
      this.refs.set(module, entry)
    }
    ;(kind === "value" ? entry.values : entry.types).add(binding)
  }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Scope {
  readonly variant: "lenient" | "strict"
  /** Whether the types admit the fallbacks. */
  readonly wide: boolean
  /** The schema being emitted (references within its cycle are suspended). */
  readonly self?: Model.Named | undefined
  readonly named: ReadonlyMap<string, Model.Named>
  readonly imports: Imports
}

/**
 * Whether the types of a named schema admit the fallbacks.
 *
 * @since 0.1.0
 */
export const isWide = (named: Model.Named): boolean => named.lenient

const schema = (scope: Scope, member: string): string => {
  scope.imports.schemaValue = true
  return `Schema.${member}`
}
const runtime = (scope: Scope, member: string): string => {
  scope.imports.runtime = true
  return `Runtime.${member}`
}
const fallbackType = (scope: Scope, member: string): string => {
  scope.imports.fallback = true
  return `Fallback.${member}`
}

const lookup = (scope: Scope, name: string): Model.Named => {
  const named = scope.named.get(name)
  if (named === undefined) throw new Error(`unknown schema ${name}`)
  return named
}

const literals = (values: ReadonlyArray<string>): ReadonlyArray<Doc> => values.map(P.str)

/**
 * The Schema expression of a node.
 *
 * @since 0.1.0
 */
export const schemaExpr = (node: Model.Node, scope: Scope): Doc => {
  const strict = scope.variant === "strict"
  switch (node._tag) {
    case "Ref": {
      const target = lookup(scope, node.name)
      const binding = Naming.variantName(target, scope.variant)
      const self = scope.self
      if (self !== undefined && target.name === self.name) {
        scope.imports.schemaValue = true
        return `Schema.suspend((): Schema.Schema<${target.name}, ${Naming.encodedName(target.name)}> => ${binding})`
      }
      scope.imports.ref(target.name, binding, "value")
      if (self !== undefined && self.cycle !== undefined && target.cycle === self.cycle) {
        scope.imports.ref(target.name, target.name, "type")
        scope.imports.ref(target.name, Naming.encodedName(target.name), "type")
        scope.imports.schemaValue = true
        return `Schema.suspend((): Schema.Schema<${target.name}, ${Naming.encodedName(target.name)}> => ${binding})`
      }
      return binding
    }
    case "String": {
      const filters: Array<Doc> = []
      if (strict) {
        if (node.minLength !== undefined) filters.push(`${schema(scope, "minLength")}(${node.minLength})`)
        if (node.maxLength !== undefined) filters.push(`${schema(scope, "maxLength")}(${node.maxLength})`)
        if (node.pattern !== undefined) {
          filters.push(`${schema(scope, "pattern")}(${String(new RegExp(node.pattern.source, node.pattern.flags))})`)
        }
      }
      const base = schema(scope, "String")
      return filters.length === 0 ? base : P.list(`${base}.pipe(`, filters, ")")
    }
    case "Number": {
      if (!strict) return runtime(scope, "Number")
      const base = schema(scope, node.integer ? "Int" : "Number")
      const filters = numberFilters(node, scope)
      return filters.length === 0 ? base : P.list(`${base}.pipe(`, filters, ")")
    }
    case "Boolean":
      return schema(scope, "Boolean")
    case "DateTime":
      return runtime(scope, "DateTime")
    case "Binary":
      return runtime(scope, "Binary")
    case "Unknown":
      return schema(scope, "Unknown")
    case "FreeForm":
      return runtime(scope, "FreeForm")
    case "Enum":
      if (!strict) return P.list(`${runtime(scope, "LenientEnum")}(`, literals(node.values), ")")
      if (scope.wide) return P.list(`${runtime(scope, "StrictEnum")}(`, literals(node.values), ")")
      return P.list(`${schema(scope, "Literal")}(`, literals(node.values), ")")
    case "Literal":
      return `${schema(scope, "Literal")}(${P.str(node.value)})`
    case "OpenEnum":
      return P.list(`${schema(scope, "Union")}(`, [
        P.list(`${schema(scope, "Literal")}(`, literals(node.values), ")"),
        schema(scope, "String")
      ], ")")
    case "Array":
      return P.list(`${schema(scope, "Array")}(`, [schemaExpr(node.items, scope)], ")")
    case "Record":
      return P.list(`${schema(scope, "Record")}({ key: ${schema(scope, "String")}, value: `, [
        schemaExpr(node.value, scope)
      ], " })")
    case "Struct": {
      const fields = node.fields.map((field, i) => {
        const expr = schemaExpr(field.node, scope)
        const value = field.required ? expr : P.list(`${schema(scope, "optional")}(`, [expr], ")")
        return P.concat(`${P.propertyName(field.name)}: `, value, i < node.fields.length - 1 ? "," : "")
      })
      const struct = P.block(`${schema(scope, "Struct")}({`, fields, "}")
      if (node.index === undefined) return P.concat(struct, ")")
      return P.concat(struct, ", ", P.list(`${schema(scope, "Record")}({ key: ${schema(scope, "String")}, value: `, [
        schemaExpr(node.index, scope)
      ], " })"), ")")
    }
    case "Union": {
      const members = node.members.map((m) => schemaExpr(m, scope))
      if (node.tag === undefined) return P.list(`${schema(scope, "Union")}(`, members, ")")
      if (!strict) {
        const unknown = P.list(`${runtime(scope, "UnknownMember")}(${P.str(node.tag.key)}, [`, literals(node.tag.values), "])")
        return P.list(`${schema(scope, "Union")}(`, [...members, unknown], ")")
      }
      if (scope.wide) return P.list(`${runtime(scope, "StrictUnion")}(`, members, ")")
      return members.length === 1 ? members[0] : P.list(`${schema(scope, "Union")}(`, members, ")")
    }
    case "Nullable":
      return P.list(`${schema(scope, "NullOr")}(`, [schemaExpr(node.inner, scope)], ")")
  }
}

const numberFilters = (node: Extract<Model.Node, { _tag: "Number" }>, scope: Scope): Array<Doc> => {
  const filters: Array<Doc> = []
  if (node.minimum !== undefined && node.maximum !== undefined) {
    filters.push(`${schema(scope, "between")}(${node.minimum}, ${node.maximum})`)
  } else if (node.minimum !== undefined) {
    filters.push(`${schema(scope, "greaterThanOrEqualTo")}(${node.minimum})`)
  } else if (node.maximum !== undefined) {
    filters.push(`${schema(scope, "lessThanOrEqualTo")}(${node.maximum})`)
  }
  return filters
}

/**
 * The members of the decoded (`encoded: false`) or encoded type of a node, to be joined with `|`.
 *
 * @since 0.1.0
 */
export const typeMembers = (node: Model.Node, scope: Scope, encoded: boolean): ReadonlyArray<Doc> => {
  switch (node._tag) {
    case "Ref": {
      const target = lookup(scope, node.name)
      const binding = encoded ? Naming.encodedName(target.name) : target.name
      if (scope.self === undefined || target.name !== scope.self.name) scope.imports.ref(target.name, binding, "type")
      return [binding]
    }
    case "String":
      return ["string"]
    case "Number":
      return ["number"]
    case "Boolean":
      return ["boolean"]
    case "DateTime":
      return [encoded ? "string" : "Date"]
    case "Binary":
      return ["Blob", "Uint8Array"]
    case "Unknown":
      return ["unknown"]
    case "FreeForm":
      return ["{ readonly [key: string]: unknown }"]
    case "Enum":
      if (scope.wide) return encoded ? ["string"] : [...literals(node.values), fallbackType(scope, "UnknownEnum")]
      return literals(node.values)
    case "Literal":
      return [P.str(node.value)]
    case "OpenEnum":
      return encoded ? ["string"] : [...literals(node.values), "(string & {})"]
    case "Array":
      return [P.list("ReadonlyArray<", [P.typeUnion(typeMembers(node.items, scope, encoded))], ">")]
    case "Record":
      return [P.list("{ readonly [key: string]: ", [P.typeUnion(typeMembers(node.value, scope, encoded))], " }")]
    case "Struct": {
      const body = interfaceBody(node, scope, encoded)
      return [body]
    }
    case "Union": {
      const members = node.members.flatMap((m) => typeMembers(m, scope, encoded))
      if (node.tag !== undefined && scope.wide) {
        members.push(fallbackType(scope, encoded ? "UnknownMemberEncoded" : "UnknownMember"))
      }
      return members
    }
    case "Nullable":
      return [...typeMembers(node.inner, scope, encoded), "null"]
  }
}

const flatType = (node: Model.Node, scope: Scope, encoded: boolean): string => {
  const members = typeMembers(node, scope, encoded).map((m) => P.render(m, "", 0))
  return members.join(" | ")
}

/**
 * The `{ ... }` body of an interface (or of an inline object type) for a struct node.
 *
 * @since 0.1.0
 */
export const interfaceBody = (
  node: Extract<Model.Node, { _tag: "Struct" }>,
  scope: Scope,
  encoded: boolean
): Doc => {
  const lines: Array<Doc> = []
  for (const field of node.fields) {
    if (!encoded) {
      const doc = fieldDoc(field)
      if (doc !== "") lines.push(P.lines(doc))
    }
    const members = [...typeMembers(field.node, scope, encoded), ...(field.required ? [] : ["undefined"])]
    lines.push(P.concat(`readonly ${P.propertyName(field.name)}${field.required ? "" : "?"}: `, P.typeUnion(members)))
  }
  if (node.index !== undefined) {
    lines.push(`readonly [key: string]: ${flatType(node.index, scope, encoded)}`)
  }
  return P.block("{", lines, "}")
}

const fieldDoc = (field: Model.Field): string => {
  const tags: Array<string> = []
  if (field.default !== undefined && !(field.description ?? "").includes("@default")) {
    tags.push(`@default ${JSON.stringify(field.default)}`)
  }
  if (field.deprecated === true) tags.push("@deprecated")
  return P.jsdoc(field.description, tags)
}

/**
 * The Schema expression of a query parameter: the wire form is a string (`limit=10`), the decoded form a
 * number, a `Date` or a literal; requests are strict, so the document's bounds are checked.
 *
 * @since 0.1.0
 */
export const paramSchemaExpr = (node: Model.Node, scope: Scope): Doc => {
  switch (node._tag) {
    case "Number": {
      const filters = [...(node.integer ? [`${schema(scope, "int")}()`] : []), ...numberFilters(node, scope)]
      const base = schema(scope, "NumberFromString")
      return filters.length === 0 ? base : P.list(`${base}.pipe(`, filters, ")")
    }
    case "Boolean":
      return schema(scope, "BooleanFromString")
    case "Enum":
      return P.list(`${schema(scope, "Literal")}(`, literals(node.values), ")")
    case "String":
    case "DateTime":
      return schemaExpr(node, scope)
    default:
      throw new Error(`unsupported query parameter schema ${node._tag}`)
  }
}

/**
 * The decoded or encoded type of a query parameter.
 *
 * @since 0.1.0
 */
export const paramTypeMembers = (node: Model.Node, scope: Scope, encoded: boolean): ReadonlyArray<Doc> => {
  switch (node._tag) {
    case "Number":
    case "Boolean":
      return encoded ? ["string"] : [node._tag === "Number" ? "number" : "boolean"]
    default:
      return typeMembers(node, scope, encoded)
  }
}
