/**
 * Blocks: create, list, inspect, update and delete workflow blocks.
 *
 * | method | HTTP |
 * | --- | --- |
 * | `list(params?)`, `stream(params?)` | `GET /block` |
 * | `create(body)` | `POST /block` |
 * | `get(id)` | `GET /block/{id}` |
 * | `update(id, body)` | `PATCH /block/{id}` |
 * | `delete(id)` | `DELETE /block/{id}` |
 *
 * A block is a union over `type` (`conversation`, `tool-call`, `workflow`), and so is the body of `create`:
 * narrow on it.
 *
 * @example
 * ```ts
 * import { Blocks } from "@vapi-effect/client"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const blocks = yield* Blocks.Blocks
 *   const block = yield* blocks.create({ type: "conversation", instruction: "Ask for the order number" })
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Schema from "@vapi-effect/schema/Blocks"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Resource from "./Resource.js"

/**
 * A block, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Block = Schema.Block

/**
 * The body of `create` (`CreateBlockDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type CreateBlock = Schema.CreateBlockDTO

/**
 * The body of `update` (`UpdateBlockDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateBlock = Schema.UpdateBlockDTO

/**
 * The filters of `list` and `stream`, by their wire names; dates are `Date`s.
 *
 * @since 0.1.0
 * @category models
 */
export type ListParams = Schema.BlocksListParams

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Resource.Service<Block, CreateBlock, UpdateBlock, ListParams> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class Blocks extends Context.Tag("@vapi-effect/client/Blocks")<Blocks, Service>() {}

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) =>
    Blocks.of(Resource.make({
      list: (params = {}) => client.execute(Schema.BlocksList, { query: params }),
      create: (body) => client.execute(Schema.BlocksCreate, { body }),
      get: (id) => client.execute(Schema.BlocksGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.BlocksUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.BlocksDelete, { path: { id } })
    }))
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Blocks, never, VapiClient.VapiClient> = Layer.effect(Blocks, make)
