/**
 * Config: what the generator needs besides the document: where things go, what the inline schemas of the
 * operations are called, and the version written into `@since`.
 *
 * @since 0.1.0
 */
import * as Path from "node:path"
import * as Url from "node:url"

const here = Path.dirname(Url.fileURLToPath(import.meta.url))

/**
 * @since 0.1.0
 */
export const packageRoot = Path.resolve(here, "..")

/**
 * The document read by default: the one the seed's SDK was generated from.
 *
 * @since 0.1.0
 */
export const defaultDocument = Path.resolve(packageRoot, "../../../shared/vapi-openapi/openapi-2024-10-23.json")

/**
 * The Fern overrides read by default, which name every operation (`calls.list`, `logs.get`, ...).
 *
 * @since 0.1.0
 */
export const defaultOverrides = Path.resolve(
  packageRoot,
  "../../../shared/vapi-openapi/fern-openapi-overrides-2024-10-23.yml"
)

/**
 * Where the generated modules go.
 *
 * @since 0.1.0
 */
export const defaultOutDir = Path.resolve(packageRoot, "../schema/src/generated")

/**
 * @since 0.1.0
 */
export interface Config {
  /** Written into every `@since` tag. */
  readonly since: string
  /** Names for inline request and response schemas, per SDK group (the operations' oneOfs have none). */
  readonly inlineNames: Readonly<Record<string, { readonly request?: string; readonly response?: string }>>
  /** Import paths, relative to the output directory, of the hand-written modules the generated code uses. */
  readonly imports: {
    readonly runtime: string
    readonly fallback: string
    readonly operation: string
  }
}

/**
 * The configuration for `@vapi-effect/schema`.
 *
 * @since 0.1.0
 */
export const config: Config = {
  since: "0.1.0",
  inlineNames: {
    phoneNumbers: { request: "CreatePhoneNumberDTO", response: "PhoneNumber" },
    blocks: { request: "CreateBlockDTO", response: "Block" },
    tools: { request: "CreateToolDTO", response: "Tool" }
  },
  imports: {
    runtime: "../internal/runtime.js",
    fallback: "../Fallback.js",
    operation: "../Operation.js"
  }
}
