/**
 * Assistants: create, list, inspect, update and delete voice assistants (`/assistant`).
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/Assistants"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Stream from "effect/Stream"
import { listStream } from "./internal/listStream.js"

/**
 * A assistant, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Assistant = Schema.Assistant

/**
 * The body of `create`.
 *
 * @since 0.1.0
 * @category models
 */
export type CreateAssistant = Schema.CreateAssistantDTO

/**
 * The body of `update`.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateAssistant = Schema.UpdateAssistantDTO

/**
 * The filters of `list` and `stream`, by their wire names; dates are `Date`s.
 *
 * @since 0.1.0
 * @category models
 */
export type ListParams = Schema.AssistantsListParams

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Lists assistants, newest first (`GET /assistant`), at most `limit` (default 100, at most 1000).
   *
   * Fails with a `RequestValidationError` before sending when a parameter is out of range, and with the
   * status, transport, timeout and decode errors of `VapiError`.
   *
   * @example
   * ```ts
   * const recent = yield* assistants.list({ limit: 10, createdAtGt: new Date("2024-10-01") })
   * ```
   */
  readonly list: (params?: ListParams) => Effect.Effect<ReadonlyArray<Assistant>, VapiError.VapiError>
  /**
   * Creates an assistant (`POST /assistant`).
   *
   * Fails with a `RequestValidationError` (nothing sent) when the body does not match `CreateAssistantDTO`, with
   * `BadRequest` carrying the server's messages, and with the other `VapiError`s.
   *
   * @example
   * ```ts
   * const assistant = yield* assistants.create({ name: "Support", firstMessage: "Hello!" })
   * ```
   */
  readonly create: (body: CreateAssistant) => Effect.Effect<Assistant, VapiError.VapiError>
  /**
   * Gets one assistant (`GET /assistant/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const found = yield* assistants.get("id_1").pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
   * ```
   */
  readonly get: (id: string) => Effect.Effect<Assistant, VapiError.VapiError>
  /**
   * Updates the given fields of a assistant (`PATCH /assistant/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * yield* assistants.update(id, { name: "renamed" })
   * ```
   */
  readonly update: (id: string, body: UpdateAssistant) => Effect.Effect<Assistant, VapiError.VapiError>
  /**
   * Deletes a assistant and returns it (`DELETE /assistant/{id}`); fails with `NotFound` for an
   * unknown id.
   *
   * @example
   * ```ts
   * const deleted = yield* assistants.delete(id)
   * ```
   */
  readonly delete: (id: string) => Effect.Effect<Assistant, VapiError.VapiError>
  /**
   * Every assistant matching `params`, newest first, fetched lazily in pages of `limit` (default 100) through
   * `GET /assistant` with `createdAtLe` as the cursor: no assistant is skipped or repeated when several share a
   * `createdAt` at a page boundary.
   *
   * @example
   * ```ts
   * const all = yield* assistants.stream({ limit: 100 }).pipe(Stream.runCollect)
   * ```
   */
  readonly stream: (params?: ListParams) => Stream.Stream<Assistant, VapiError.VapiError | Pagination.PaginationError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Assistants extends Context.Tag("@vapi-effect/client/Assistants")<Assistants, Service>() {}

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) => {
    const list = (params: ListParams = {}) => client.execute(Schema.AssistantsList, { query: params })
    return Assistants.of({
      list,
      create: (body) => client.execute(Schema.AssistantsCreate, { body }),
      get: (id) => client.execute(Schema.AssistantsGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.AssistantsUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.AssistantsDelete, { path: { id } }),
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
export const layer: Layer.Layer<Assistants, never, VapiClient.VapiClient> = Layer.effect(Assistants, make)
