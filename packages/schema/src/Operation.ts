/**
 * Operation: one Vapi REST operation described as data (name, method, path template, and the schemas of its
 * query, body and response), so that a single interpreter in `@vapi-effect/http` can run all of them.
 * The descriptors themselves are generated from the OpenAPI document.
 *
 * @since 0.1.0
 */
import type * as Schema from "effect/Schema"

/**
 * An HTTP method used by the Vapi API.
 *
 * @since 0.1.0
 * @category models
 */
export type Method = "GET" | "POST" | "PATCH" | "DELETE"

/**
 * How a request body goes on the wire: `json` is encoded through the body schema, `multipart` is a
 * `multipart/form-data` upload whose parts the caller provides, `none` sends no body.
 *
 * @since 0.1.0
 * @category models
 */
export type BodyEncoding = "json" | "multipart" | "none"

/**
 * The description of one operation.
 *
 * - `name`: the SDK name, `"<group>.<method>"` as in the official SDKs (`"calls.create"`, `"logs.get"`).
 * - `path`: the path template with `{param}` placeholders (`"/call/{id}"`); `pathParams` lists them in order.
 * - `query`: the schema of the query parameters (`Type` is what users pass, `Encoded` what goes on the wire),
 *   or `undefined` when the operation takes none.
 * - `body`: the schema of the request body, or `undefined`.
 * - `success`: the schema of the 2xx response body.
 *
 * @since 0.1.0
 * @category models
 */
export interface Operation<
  out Query extends Schema.Schema.AnyNoContext | undefined = Schema.Schema.AnyNoContext | undefined,
  out Body extends Schema.Schema.AnyNoContext | undefined = Schema.Schema.AnyNoContext | undefined,
  out Success extends Schema.Schema.AnyNoContext = Schema.Schema.AnyNoContext
> {
  readonly name: string
  readonly method: Method
  readonly path: string
  readonly pathParams: ReadonlyArray<string>
  readonly query: Query
  readonly body: Body
  readonly bodyEncoding: BodyEncoding
  readonly success: Success
}

/**
 * Builds an operation descriptor, keeping the precise schema types.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <
  const Query extends Schema.Schema.AnyNoContext | undefined,
  const Body extends Schema.Schema.AnyNoContext | undefined,
  const Success extends Schema.Schema.AnyNoContext
>(operation: Operation<Query, Body, Success>): Operation<Query, Body, Success> => operation
