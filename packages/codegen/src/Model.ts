/**
 * Model: turns a (patched) OpenAPI document into what the emitter prints: one node tree per named schema
 * (components, plus the operations' inline unions under configured names), the operations, which schemas
 * are read from responses (lenient variant) or sent in requests (strict variant), and the reference cycles.
 *
 * @since 0.1.0
 */
import type { Config } from "./config.js"
import * as Document from "./Document.js"

type SchemaObject = Document.SchemaObject

/**
 * A schema, as the emitter sees it.
 *
 * @since 0.1.0
 * @category models
 */
export type Node =
  | { readonly _tag: "Ref"; readonly name: string }
  | {
    readonly _tag: "String"
    readonly minLength?: number | undefined
    readonly maxLength?: number | undefined
    readonly pattern?: { readonly source: string; readonly flags: string } | undefined
  }
  | {
    readonly _tag: "Number"
    readonly integer: boolean
    readonly minimum?: number | undefined
    readonly maximum?: number | undefined
  }
  | { readonly _tag: "Boolean" }
  | { readonly _tag: "DateTime" }
  | { readonly _tag: "Binary" }
  | { readonly _tag: "Unknown" }
  | { readonly _tag: "FreeForm" }
  /** A closed set of strings: lenient in responses (unknown values fall back), closed in requests. */
  | { readonly _tag: "Enum"; readonly values: ReadonlyArray<string> }
  /** The discriminator of a tagged union member: always exact. */
  | { readonly _tag: "Literal"; readonly value: string }
  /** Known strings or any string (`oneOf: [enum, string]`): documentation for editors, any string passes. */
  | { readonly _tag: "OpenEnum"; readonly values: ReadonlyArray<string> }
  | { readonly _tag: "Array"; readonly items: Node }
  | { readonly _tag: "Record"; readonly value: Node }
  | { readonly _tag: "Struct"; readonly fields: ReadonlyArray<Field>; readonly index?: Node | undefined }
  | {
    readonly _tag: "Union"
    readonly members: ReadonlyArray<Node>
    readonly tag?: { readonly key: string; readonly values: ReadonlyArray<string> } | undefined
  }
  | { readonly _tag: "Nullable"; readonly inner: Node }

/**
 * @since 0.1.0
 * @category models
 */
export interface Field {
  readonly name: string
  readonly node: Node
  readonly required: boolean
  readonly description?: string | undefined
  readonly default?: unknown
  readonly deprecated?: boolean | undefined
}

/**
 * A named schema and the variants it is emitted in.
 *
 * @since 0.1.0
 * @category models
 */
export interface Named {
  readonly name: string
  readonly node: Node
  readonly description?: string | undefined
  /** Reachable from a response, or from no operation at all: emitted lenient under its own name. */
  readonly lenient: boolean
  /** Reachable from a request body: emitted strict (as `<name>Strict` when also lenient). */
  readonly strict: boolean
  /** The cycle it belongs to, if any: references inside a cycle are suspended. */
  readonly cycle?: number | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Parameter {
  readonly name: string
  readonly node: Node
  readonly required: boolean
  readonly description?: string | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Operation {
  /** SDK group (`calls`) and method (`list`). */
  readonly group: string
  readonly method: string
  readonly httpMethod: "GET" | "POST" | "PATCH" | "DELETE"
  readonly path: string
  readonly pathParams: ReadonlyArray<string>
  readonly summary?: string | undefined
  readonly description?: string | undefined
  readonly query: ReadonlyArray<Parameter>
  readonly body?: Node | undefined
  readonly bodyRequired: boolean
  readonly bodyEncoding: "json" | "multipart" | "none"
  readonly success: Node
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Model {
  readonly named: ReadonlyMap<string, Named>
  readonly operations: ReadonlyArray<Operation>
}

const resolve = (schemas: Readonly<Record<string, SchemaObject>>, s: SchemaObject): SchemaObject => {
  const seen = new Set<SchemaObject>()
  let current = s
  while (!seen.has(current)) {
    seen.add(current)
    if (current.$ref !== undefined) {
      const target = schemas[Document.refName(current.$ref)]
      if (target === undefined) throw new Error(`unresolved $ref ${current.$ref}`)
      current = target
    } else if (current.allOf !== undefined && current.allOf.length === 1 && current.properties === undefined) {
      current = current.allOf[0]
    } else {
      return current
    }
  }
  return current
}

const singleValue = (s: SchemaObject | undefined): string | undefined =>
  s !== undefined && s.enum !== undefined && s.enum.length === 1 && typeof s.enum[0] === "string" ?
    s.enum[0] :
    undefined

/**
 * The discriminator of a `oneOf`: the declared one, else the first property that every member has as a
 * single-valued string enum with distinct values; `undefined` for an ordered union.
 *
 * @since 0.1.0
 */
export const inferTag = (
  schemas: Readonly<Record<string, SchemaObject>>,
  union: SchemaObject
): { readonly key: string; readonly values: ReadonlyArray<string> } | undefined => {
  const members = (union.oneOf ?? union.anyOf ?? []).map((m) => resolve(schemas, m))
  if (members.length === 0 || members.some((m) => m.properties === undefined)) return undefined
  const valuesFor = (key: string): ReadonlyArray<string> | undefined => {
    const values: Array<string> = []
    for (const [i, member] of members.entries()) {
      let value = singleValue(member.properties?.[key] && resolve(schemas, member.properties[key]))
      if (value === undefined && union.discriminator?.propertyName === key && union.discriminator.mapping) {
        const ref = (union.oneOf ?? union.anyOf)![i].$ref
        value = Object.entries(union.discriminator.mapping).find(([, target]) => target === ref)?.[0]
      }
      if (value === undefined) return undefined
      values.push(value)
    }
    return new Set(values).size === values.length ? values : undefined
  }
  if (union.discriminator !== undefined) {
    const values = valuesFor(union.discriminator.propertyName)
    if (values === undefined) {
      throw new Error(`discriminator ${union.discriminator.propertyName}: a member has no single tag value`)
    }
    return { key: union.discriminator.propertyName, values }
  }
  for (const key of Object.keys(members[0].properties ?? {})) {
    const values = valuesFor(key)
    if (values !== undefined) return { key, values }
  }
  return undefined
}

const walk = (s: SchemaObject | undefined, f: (s: SchemaObject) => void): void => {
  if (s === undefined || typeof s !== "object") return
  f(s)
  for (const m of s.oneOf ?? []) walk(m, f)
  for (const m of s.anyOf ?? []) walk(m, f)
  for (const m of s.allOf ?? []) walk(m, f)
  walk(s.items, f)
  for (const p of Object.values(s.properties ?? {})) walk(p, f)
  if (typeof s.additionalProperties === "object") walk(s.additionalProperties, f)
}

const refsOf = (s: SchemaObject): Set<string> => {
  const out = new Set<string>()
  walk(s, (x) => {
    if (x.$ref !== undefined) out.add(Document.refName(x.$ref))
  })
  return out
}

const dedupe = <A>(values: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(values)]

const isStringLike = (s: SchemaObject): boolean =>
  s.$ref === undefined && s.oneOf === undefined && s.allOf === undefined && s.properties === undefined &&
  (s.type === "string" || (s.type === undefined && s.enum !== undefined && s.enum.every((v) => typeof v === "string")))

interface Converter {
  readonly node: (s: SchemaObject, owner?: string) => Node
}

const makeConverter = (
  schemas: Readonly<Record<string, SchemaObject>>,
  tagProperties: ReadonlySet<string>
): Converter => {
  const nullable = (s: SchemaObject, node: Node): Node => (s.nullable === true ? { _tag: "Nullable", inner: node } : node)

  const struct = (s: SchemaObject, owner: string | undefined): Node => {
    const required = new Set(s.required ?? [])
    const fields: Array<Field> = []
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      const tagValue = singleValue(property)
      const node: Node = owner !== undefined && tagValue !== undefined && tagProperties.has(`${owner}.${name}`) ?
        nullable(property, { _tag: "Literal", value: tagValue }) :
        convert(property, undefined)
      fields.push({
        name,
        node,
        required: required.has(name),
        description: property.description,
        default: property.default,
        deprecated: property.deprecated
      })
    }
    const index = typeof s.additionalProperties === "object" ?
      convert(s.additionalProperties, undefined) :
      s.additionalProperties === true ?
      ({ _tag: "Unknown" } as const) :
      undefined
    return { _tag: "Struct", fields, index }
  }

  const union = (s: SchemaObject, members: ReadonlyArray<SchemaObject>): Node => {
    if (members.every(isStringLike)) {
      const values = dedupe(members.flatMap((m) => (m.enum ?? []) as ReadonlyArray<string>))
      const open = members.some((m) => m.enum === undefined)
      if (!open) return { _tag: "Enum", values }
      return values.length === 0 ? { _tag: "String" } : { _tag: "OpenEnum", values }
    }
    const tag = inferTag(schemas, s)
    if (members.length === 1 && tag === undefined) return convert(members[0], undefined)
    return { _tag: "Union", members: members.map((m) => convert(m, undefined)), tag }
  }

  const convert = (s: SchemaObject, owner: string | undefined): Node => {
    if (s.$ref !== undefined) return { _tag: "Ref", name: Document.refName(s.$ref) }
    if (s.allOf !== undefined) {
      if (s.allOf.length === 1 && s.properties === undefined) return nullable(s, convert(s.allOf[0], undefined))
      // allOf of several object schemas: one struct with all their properties
      const parts = [...s.allOf.map((m) => resolve(schemas, m)), ...(s.properties ? [s] : [])]
      const merged: SchemaObject = {
        type: "object",
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? [])
      }
      return nullable(s, struct(merged, owner))
    }
    const members = s.oneOf ?? s.anyOf
    if (members !== undefined) return nullable(s, union(s, members))
    if (s.enum !== undefined && s.type !== "array") {
      const values = s.enum.filter((v): v is string => typeof v === "string")
      if (values.length !== s.enum.length) throw new Error(`only string enums are supported: ${JSON.stringify(s.enum)}`)
      return nullable(s, { _tag: "Enum", values: dedupe(values) })
    }
    switch (s.type) {
      case "string":
        if (s.format === "date-time") return nullable(s, { _tag: "DateTime" })
        if (s.format === "binary") return nullable(s, { _tag: "Binary" })
        return nullable(s, {
          _tag: "String",
          minLength: s.minLength,
          maxLength: s.maxLength,
          pattern: s.pattern === undefined ? undefined : { source: s.pattern, flags: s["x-pattern-flags"] ?? "" }
        })
      case "number":
      case "integer":
        return nullable(s, { _tag: "Number", integer: s.type === "integer", minimum: s.minimum, maximum: s.maximum })
      case "boolean":
        return nullable(s, { _tag: "Boolean" })
      case "array":
        return nullable(s, { _tag: "Array", items: s.items === undefined ? { _tag: "Unknown" } : convert(s.items, undefined) })
      case "object":
      case undefined:
        if (s.properties !== undefined) return nullable(s, struct(s, owner))
        if (typeof s.additionalProperties === "object") {
          return nullable(s, { _tag: "Record", value: convert(s.additionalProperties, undefined) })
        }
        return nullable(s, s.type === "object" ? { _tag: "FreeForm" } : { _tag: "Unknown" })
      default:
        throw new Error(`unsupported type ${s.type}`)
    }
  }
  return { node: (s, owner) => convert(s, owner) }
}

const jsonEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * Strongly connected components of the reference graph with more than one member or a self reference.
 */
const cycles = (edges: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> => {
  let index = 0
  const indices = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: Array<string> = []
  const onStack = new Set<string>()
  const out = new Map<string, number>()
  let id = 0
  const visit = (v: string): void => {
    indices.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!))
      }
    }
    if (low.get(v) === indices.get(v)) {
      const members: Array<string> = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        members.push(w)
      } while (w !== v)
      if (members.length > 1 || edges.get(v)?.has(v)) {
        id++
        for (const m of members) out.set(m, id)
      }
    }
  }
  for (const v of edges.keys()) if (!indices.has(v)) visit(v)
  return out
}

const closure = (edges: ReadonlyMap<string, ReadonlySet<string>>, roots: Iterable<string>): Set<string> => {
  const seen = new Set<string>()
  const todo = [...roots]
  while (todo.length > 0) {
    const n = todo.pop()!
    if (seen.has(n)) continue
    seen.add(n)
    todo.push(...(edges.get(n) ?? []))
  }
  return seen
}

const httpMethods = { get: "GET", post: "POST", patch: "PATCH", delete: "DELETE" } as const

/**
 * Builds the model of a patched document.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (document: Document.Document, config: Config): Model => {
  const components = document.components?.schemas ?? {}
  const schemas: Record<string, SchemaObject> = { ...components }

  // Operations: names, and their inline schemas hoisted under configured names
  interface RawOperation {
    readonly group: string
    readonly method: string
    readonly httpMethod: Operation["httpMethod"]
    readonly path: string
    readonly operation: Document.OperationObject
    readonly body?: SchemaObject | undefined
    readonly bodyEncoding: Operation["bodyEncoding"]
    readonly success: SchemaObject
  }
  const hoist = (s: SchemaObject, name: string | undefined, where: string): SchemaObject => {
    if (s.$ref !== undefined) return s
    if (s.type === "array" && s.items !== undefined) return { ...s, items: hoist(s.items, name, where) }
    if (s.oneOf === undefined && s.anyOf === undefined && s.properties === undefined) return s
    if (name === undefined) throw new Error(`${where}: inline schema without a name in the config's inlineNames`)
    const existing = schemas[name]
    if (existing !== undefined && !jsonEqual(existing, s)) {
      throw new Error(`${where}: ${name} names two different schemas (or collides with a component)`)
    }
    schemas[name] = s
    return { $ref: `#/components/schemas/${name}` }
  }
  const raw: Array<RawOperation> = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!(method in httpMethods)) continue
      const where = `${method.toUpperCase()} ${path}`
      const groupName = operation["x-fern-sdk-group-name"]
      const group = Array.isArray(groupName) ? groupName.join(".") : groupName
      const sdkMethod = operation["x-fern-sdk-method-name"]
      if (typeof group !== "string" || sdkMethod === undefined) throw new Error(`${where}: no SDK group/method name`)
      const names = config.inlineNames[group] ?? {}
      const content = operation.requestBody?.content ?? {}
      const json = content["application/json"]?.schema
      const multipart = content["multipart/form-data"]?.schema
      const bodyEncoding = json !== undefined ? "json" : multipart !== undefined ? "multipart" : "none"
      const body = json ?? multipart
      const success = Object.entries(operation.responses)
        .filter(([status]) => status.startsWith("2"))
        .map(([, response]) => response.content?.["application/json"]?.schema)
        .find((s) => s !== undefined)
      raw.push({
        group,
        method: sdkMethod,
        httpMethod: httpMethods[method as keyof typeof httpMethods],
        path,
        operation,
        body: body === undefined ? undefined : hoist(body, names.request, `${where} request body`),
        bodyEncoding,
        success: success === undefined ? {} : hoist(success, names.response, `${where} response`)
      })
    }
  }

  // Reachability: lenient from responses (and from nothing), strict from request bodies
  const edges = new Map<string, ReadonlySet<string>>()
  for (const [name, s] of Object.entries(schemas)) edges.set(name, refsOf(s))
  const responseRoots = raw.flatMap((o) => [...refsOf(o.success)])
  const requestRoots = raw.flatMap((o) => (o.body === undefined ? [] : [...refsOf(o.body)]))
  const fromResponses = closure(edges, responseRoots)
  const fromRequests = closure(edges, requestRoots)
  const unreachable = Object.keys(schemas).filter((n) => !fromResponses.has(n) && !fromRequests.has(n))
  const lenient = closure(edges, [...responseRoots, ...unreachable])
  const strict = fromRequests
  const cycleOf = cycles(edges)

  // Tag properties: the discriminators of every union of references
  const tagProperties = new Set<string>()
  const allSchemas = [...Object.values(schemas), ...raw.flatMap((o) => [o.success, ...(o.body ? [o.body] : [])])]
  for (const s of allSchemas) {
    walk(s, (x) => {
      const members = x.oneOf ?? x.anyOf
      if (members === undefined) return
      const tag = inferTag(schemas, x)
      if (tag === undefined) return
      for (const m of members) if (m.$ref !== undefined) tagProperties.add(`${Document.refName(m.$ref)}.${tag.key}`)
    })
  }

  const converter = makeConverter(schemas, tagProperties)
  const named = new Map<string, Named>()
  for (const [name, s] of Object.entries(schemas)) {
    named.set(name, {
      name,
      node: converter.node(s, name),
      description: s.description,
      lenient: lenient.has(name),
      strict: strict.has(name),
      cycle: cycleOf.get(name)
    })
  }

  const operations: Array<Operation> = raw.map((o) => {
    const parameters = o.operation.parameters ?? []
    const query: Array<Parameter> = parameters
      .filter((p) => p.in === "query")
      .map((p) => ({
        name: p.name,
        node: converter.node(p.schema ?? { type: "string" }),
        required: p.required === true,
        description: p.description
      }))
    const pathParams = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
    for (const p of parameters.filter((p) => p.in === "path")) {
      if (!pathParams.includes(p.name)) throw new Error(`${o.path}: path parameter ${p.name} not in the template`)
    }
    return {
      group: o.group,
      method: o.method,
      httpMethod: o.httpMethod,
      path: o.path,
      pathParams,
      summary: o.operation.summary,
      description: o.operation.description,
      query,
      body: o.body === undefined ? undefined : converter.node(o.body),
      bodyRequired: o.operation.requestBody?.required === true,
      bodyEncoding: o.bodyEncoding,
      success: converter.node(o.success)
    }
  })
  return { named, operations }
}
