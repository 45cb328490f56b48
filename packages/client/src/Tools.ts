/**
 * Tools: create, list, inspect, update and delete the tools that assistants call.
 *
 * | method | HTTP |
 * | --- | --- |
 * | `list(params?)`, `stream(params?)` | `GET /tool` |
 * | `create(body)` | `POST /tool` |
 * | `get(id)` | `GET /tool/{id}` |
 * | `update(id, body)` | `PATCH /tool/{id}` |
 * | `delete(id)` | `DELETE /tool/{id}` |
 *
 * A tool is a union over `type` (`dtmf`, `endCall`, `voicemail`, `function`, `ghl`, `make`, `transferCall`),
 * and so is the body of `create`: narrow on it.
 *
 * @example
 * ```ts
 * import { Tools } from "@vapi-effect/client"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const tools = yield* Tools.Tools
 *   const tool = yield* tools.create({ type: "function", function: { name: "lookup_order" } })
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Schema from "@vapi-effect/schema/Tools"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Resource from "./Resource.js"

/**
 * A tool, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Tool = Schema.Tool

/**
 * The body of `create` (`CreateToolDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type CreateTool = Schema.CreateToolDTO

/**
 * The body of `update` (`UpdateToolDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateTool = Schema.UpdateToolDTO

/**
 * The filters of `list` and `stream`, by their wire names; dates are `Date`s.
 *
 * @since 0.1.0
 * @category models
 */
export type ListParams = Schema.ToolsListParams

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Resource.Service<Tool, CreateTool, UpdateTool, ListParams> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class Tools extends Context.Tag("@vapi-effect/client/Tools")<Tools, Service>() {}

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) =>
    Tools.of(Resource.make({
      list: (params = {}) => client.execute(Schema.ToolsList, { query: params }),
      create: (body) => client.execute(Schema.ToolsCreate, { body }),
      get: (id) => client.execute(Schema.ToolsGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.ToolsUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.ToolsDelete, { path: { id } })
    }))
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Tools, never, VapiClient.VapiClient> = Layer.effect(Tools, make)
