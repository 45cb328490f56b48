/**
 * Tools: create, list, inspect, update and delete the tools assistants call (`/tool`). A tool is a union over its `type` (`function`, `dtmf`, `endCall`, `transferCall`, `voicemail`, `ghl`, `make`): narrow on it.
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/Tools"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Stream from "effect/Stream"
import { listStream } from "./internal/listStream.js"

/**
 * A tool, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Tool = Schema.Tool

/**
 * The body of `create`.
 *
 * @since 0.1.0
 * @category models
 */
export type CreateTool = Schema.CreateToolDTO

/**
 * The body of `update`.
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
export interface Service {
  /**
   * Lists tools, newest first (`GET /tool`), at most `limit` (default 100, at most 1000).
   *
   * Fails with a `RequestValidationError` before sending when a parameter is out of range, and with the
   * status, transport, timeout and decode errors of `VapiError`.
   *
   * @example
   * ```ts
   * const recent = yield* tools.list({ limit: 10, createdAtGt: new Date("2024-10-01") })
   * ```
   */
  readonly list: (params?: ListParams) => Effect.Effect<ReadonlyArray<Tool>, VapiError.VapiError>
  /**
   * Creates a tool (`POST /tool`); the body is one of the seven tool shapes, chosen by `type`.
   *
   * Fails with a `RequestValidationError` (nothing sent) when the body does not match `CreateToolDTO`, with
   * `BadRequest` carrying the server's messages, and with the other `VapiError`s.
   *
   * @example
   * ```ts
   * const tool = yield* tools.create({ type: "function", function: { name: "lookup_order" } })
   * ```
   */
  readonly create: (body: CreateTool) => Effect.Effect<Tool, VapiError.VapiError>
  /**
   * Gets one tool (`GET /tool/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const found = yield* tools.get("id_1").pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
   * ```
   */
  readonly get: (id: string) => Effect.Effect<Tool, VapiError.VapiError>
  /**
   * Updates the given fields of a tool (`PATCH /tool/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * yield* tools.update(id, { name: "renamed" })
   * ```
   */
  readonly update: (id: string, body: UpdateTool) => Effect.Effect<Tool, VapiError.VapiError>
  /**
   * Deletes a tool and returns it (`DELETE /tool/{id}`); fails with `NotFound` for an
   * unknown id.
   *
   * @example
   * ```ts
   * const deleted = yield* tools.delete(id)
   * ```
   */
  readonly delete: (id: string) => Effect.Effect<Tool, VapiError.VapiError>
  /**
   * Every tool matching `params`, newest first, fetched lazily in pages of `limit` (default 100) through
   * `GET /tool` with `createdAtLe` as the cursor: no tool is skipped or repeated when several share a
   * `createdAt` at a page boundary.
   *
   * @example
   * ```ts
   * const all = yield* tools.stream({ limit: 100 }).pipe(Stream.runCollect)
   * ```
   */
  readonly stream: (params?: ListParams) => Stream.Stream<Tool, VapiError.VapiError | Pagination.PaginationError>
}

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
  (client) => {
    const list = (params: ListParams = {}) => client.execute(Schema.ToolsList, { query: params })
    return Tools.of({
      list,
      create: (body) => client.execute(Schema.ToolsCreate, { body }),
      get: (id) => client.execute(Schema.ToolsGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.ToolsUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.ToolsDelete, { path: { id } }),
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
export const layer: Layer.Layer<Tools, never, VapiClient.VapiClient> = Layer.effect(Tools, make)
