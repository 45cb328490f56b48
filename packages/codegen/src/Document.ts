/**
 * Document: the subset of OpenAPI 3.0 that the generator reads, and loading a document (and the Fern
 * overrides that name its operations) from a file path or a URL.
 *
 * @since 0.1.0
 */
import * as Fs from "node:fs/promises"
import * as Path from "node:path"
import * as Yaml from "js-yaml"

/**
 * A JSON Schema object as OpenAPI 3.0 writes it (only the keywords the generator understands).
 *
 * @since 0.1.0
 * @category models
 */
export interface SchemaObject {
  readonly $ref?: string
  readonly type?: string
  readonly format?: string
  readonly enum?: ReadonlyArray<unknown>
  readonly items?: SchemaObject
  readonly properties?: Readonly<Record<string, SchemaObject>>
  readonly required?: ReadonlyArray<string>
  readonly additionalProperties?: boolean | SchemaObject
  readonly oneOf?: ReadonlyArray<SchemaObject>
  readonly anyOf?: ReadonlyArray<SchemaObject>
  readonly allOf?: ReadonlyArray<SchemaObject>
  readonly discriminator?: { readonly propertyName: string; readonly mapping?: Readonly<Record<string, string>> }
  readonly nullable?: boolean
  readonly title?: string
  readonly description?: string
  readonly default?: unknown
  readonly example?: unknown
  readonly deprecated?: boolean
  readonly minimum?: number
  readonly maximum?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly minItems?: number
  readonly maxItems?: number
  readonly pattern?: string
  /** Not OpenAPI: the flags of `pattern`, set by the patches where the document wrote a regex literal. */
  readonly "x-pattern-flags"?: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ParameterObject {
  readonly name: string
  readonly in: "query" | "path" | "header" | "cookie"
  readonly required?: boolean
  readonly description?: string
  readonly schema?: SchemaObject
}

/**
 * @since 0.1.0
 * @category models
 */
export interface MediaTypeObject {
  readonly schema?: SchemaObject
}

/**
 * @since 0.1.0
 * @category models
 */
export interface OperationObject {
  readonly operationId?: string
  readonly summary?: string
  readonly description?: string
  readonly parameters?: ReadonlyArray<ParameterObject>
  readonly requestBody?: {
    readonly required?: boolean
    readonly description?: string
    readonly content: Readonly<Record<string, MediaTypeObject>>
  }
  readonly responses: Readonly<
    Record<string, { readonly description?: string; readonly content?: Readonly<Record<string, MediaTypeObject>> }>
  >
  readonly "x-fern-sdk-group-name"?: ReadonlyArray<string> | string
  readonly "x-fern-sdk-method-name"?: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Document {
  readonly openapi: string
  readonly info?: { readonly title?: string; readonly version?: string }
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>
  readonly components?: { readonly schemas?: Readonly<Record<string, SchemaObject>> }
}

/**
 * The part of a Fern overrides file that the generator uses: SDK group and method names per path and method.
 *
 * @since 0.1.0
 * @category models
 */
export interface Overrides {
  readonly paths?: Readonly<Record<string, Readonly<Record<string, Partial<OperationObject>>>>>
}

/**
 * The HTTP methods of an OpenAPI path item, in the order the generator visits them.
 *
 * @since 0.1.0
 */
export const methods = ["get", "post", "put", "patch", "delete"] as const

const readText = async (source: string): Promise<string> => {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source)
    if (!response.ok) throw new Error(`GET ${source}: ${response.status}`)
    return response.text()
  }
  return Fs.readFile(source, "utf8")
}

/**
 * The file name of a source (path or URL), used in the generated files' header.
 *
 * @since 0.1.0
 */
export const sourceName = (source: string): string =>
  /^https?:\/\//.test(source) ? Path.posix.basename(new URL(source).pathname) : Path.basename(source)

/**
 * Reads an OpenAPI document (JSON or YAML) from a path or URL.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = async (source: string): Promise<Document> => {
  const text = await readText(source)
  const document = (source.endsWith(".json") ? JSON.parse(text) : Yaml.load(text)) as Document
  if (typeof document !== "object" || document === null || typeof document.openapi !== "string") {
    throw new Error(`${source} is not an OpenAPI document`)
  }
  if (!document.openapi.startsWith("3.")) throw new Error(`${source}: OpenAPI ${document.openapi} is not supported`)
  return document
}

/**
 * Reads a Fern overrides file (YAML) from a path or URL.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadOverrides = async (source: string): Promise<Overrides> => Yaml.load(await readText(source)) as Overrides

/**
 * Copies the SDK names (`x-fern-sdk-group-name`, `x-fern-sdk-method-name`) of the overrides onto the
 * document's operations. Other parts of the overrides (type renames for Fern's own generators) are ignored.
 *
 * @since 0.1.0
 */
export const applyOverrides = (document: Document, overrides: Overrides): Document => {
  const paths: Record<string, Record<string, OperationObject>> = {}
  for (const [path, item] of Object.entries(document.paths)) {
    const out: Record<string, OperationObject> = {}
    for (const [method, operation] of Object.entries(item)) {
      const extra = overrides.paths?.[path]?.[method]
      out[method] = extra === undefined ? operation : {
        ...operation,
        ...(extra["x-fern-sdk-group-name"] !== undefined ? { "x-fern-sdk-group-name": extra["x-fern-sdk-group-name"] } : {}),
        ...(extra["x-fern-sdk-method-name"] !== undefined ? { "x-fern-sdk-method-name": extra["x-fern-sdk-method-name"] } : {})
      }
    }
    paths[path] = out
  }
  return { ...document, paths }
}

/**
 * The component name a `$ref` points to (`#/components/schemas/Call` -> `Call`).
 *
 * @since 0.1.0
 */
export const refName = (ref: string): string => {
  const prefix = "#/components/schemas/"
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}: only ${prefix}… is supported`)
  return decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, "/").replace(/~0/g, "~")
}
