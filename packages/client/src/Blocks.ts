/**
 * Blocks: create, list, inspect, update and delete workflow blocks (`/block`). A block is a union over its `type` (`conversation`, `tool-call`, `workflow`): narrow on it.
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/Blocks"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Stream from "effect/Stream"
import { listStream } from "./internal/listStream.js"

/**
 * A block, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Block = Schema.Block

/**
 * The body of `create`.
 *
 * @since 0.1.0
 * @category models
 */
export type CreateBlock = Schema.CreateBlockDTO

/**
 * The body of `update`.
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
export interface Service {
  /**
   * Lists blocks, newest first (`GET /block`), at most `limit` (default 100, at most 1000).
   *
   * Fails with a `RequestValidationError` before sending when a parameter is out of range, and with the
   * status, transport, timeout and decode errors of `VapiError`.
   *
   * @example
   * ```ts
   * const recent = yield* blocks.list({ limit: 10, createdAtGt: new Date("2024-10-01") })
   * ```
   */
  readonly list: (params?: ListParams) => Effect.Effect<ReadonlyArray<Block>, VapiError.VapiError>
  /**
   * Creates a block (`POST /block`); the body is one of the conversation / tool-call / workflow shapes, chosen by `type`.
   *
   * Fails with a `RequestValidationError` (nothing sent) when the body does not match `CreateBlockDTO`, with
   * `BadRequest` carrying the server's messages, and with the other `VapiError`s.
   *
   * @example
   * ```ts
   * const block = yield* blocks.create({ type: "conversation", instruction: "Ask for the order number" })
   * ```
   */
  readonly create: (body: CreateBlock) => Effect.Effect<Block, VapiError.VapiError>
  /**
   * Gets one block (`GET /block/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const found = yield* blocks.get("id_1").pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
   * ```
   */
  readonly get: (id: string) => Effect.Effect<Block, VapiError.VapiError>
  /**
   * Updates the given fields of a block (`PATCH /block/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * yield* blocks.update(id, { name: "renamed" })
   * ```
   */
  readonly update: (id: string, body: UpdateBlock) => Effect.Effect<Block, VapiError.VapiError>
  /**
   * Deletes a block and returns it (`DELETE /block/{id}`); fails with `NotFound` for an
   * unknown id.
   *
   * @example
   * ```ts
   * const deleted = yield* blocks.delete(id)
   * ```
   */
  readonly delete: (id: string) => Effect.Effect<Block, VapiError.VapiError>
  /**
   * Every block matching `params`, newest first, fetched lazily in pages of `limit` (default 100) through
   * `GET /block` with `createdAtLe` as the cursor: no block is skipped or repeated when several share a
   * `createdAt` at a page boundary.
   *
   * @example
   * ```ts
   * const all = yield* blocks.stream({ limit: 100 }).pipe(Stream.runCollect)
   * ```
   */
  readonly stream: (params?: ListParams) => Stream.Stream<Block, VapiError.VapiError | Pagination.PaginationError>
}

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
  (client) => {
    const list = (params: ListParams = {}) => client.execute(Schema.BlocksList, { query: params })
    return Blocks.of({
      list,
      create: (body) => client.execute(Schema.BlocksCreate, { body }),
      get: (id) => client.execute(Schema.BlocksGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.BlocksUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.BlocksDelete, { path: { id } }),
      stream: (params = {}) => listStream(list, params)
    })
  }
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Blocks, never, VapiClient.VapiClient> = Layer.effect(Blocks, make)
