/**
 * Squads: create, list, inspect, update and delete squads of assistants that hand calls to each other (`/squad`).
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/Squads"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Stream from "effect/Stream"
import { listStream } from "./internal/listStream.js"

/**
 * A squad, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Squad = Schema.Squad

/**
 * The body of `create`.
 *
 * @since 0.1.0
 * @category models
 */
export type CreateSquad = Schema.CreateSquadDTO

/**
 * The body of `update`.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateSquad = Schema.UpdateSquadDTO

/**
 * The filters of `list` and `stream`, by their wire names; dates are `Date`s.
 *
 * @since 0.1.0
 * @category models
 */
export type ListParams = Schema.SquadsListParams

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Lists squads, newest first (`GET /squad`), at most `limit` (default 100, at most 1000).
   *
   * Fails with a `RequestValidationError` before sending when a parameter is out of range, and with the
   * status, transport, timeout and decode errors of `VapiError`.
   *
   * @example
   * ```ts
   * const recent = yield* squads.list({ limit: 10, createdAtGt: new Date("2024-10-01") })
   * ```
   */
  readonly list: (params?: ListParams) => Effect.Effect<ReadonlyArray<Squad>, VapiError.VapiError>
  /**
   * Creates a squad (`POST /squad`); `members` lists the assistants.
   *
   * Fails with a `RequestValidationError` (nothing sent) when the body does not match `CreateSquadDTO`, with
   * `BadRequest` carrying the server's messages, and with the other `VapiError`s.
   *
   * @example
   * ```ts
   * const squad = yield* squads.create({ name: "Desk", members: [{ assistantId: a.id }, { assistantId: b.id }] })
   * ```
   */
  readonly create: (body: CreateSquad) => Effect.Effect<Squad, VapiError.VapiError>
  /**
   * Gets one squad (`GET /squad/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const found = yield* squads.get("id_1").pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
   * ```
   */
  readonly get: (id: string) => Effect.Effect<Squad, VapiError.VapiError>
  /**
   * Updates the given fields of a squad (`PATCH /squad/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * yield* squads.update(id, { name: "renamed" })
   * ```
   */
  readonly update: (id: string, body: UpdateSquad) => Effect.Effect<Squad, VapiError.VapiError>
  /**
   * Deletes a squad and returns it (`DELETE /squad/{id}`); fails with `NotFound` for an
   * unknown id.
   *
   * @example
   * ```ts
   * const deleted = yield* squads.delete(id)
   * ```
   */
  readonly delete: (id: string) => Effect.Effect<Squad, VapiError.VapiError>
  /**
   * Every squad matching `params`, newest first, fetched lazily in pages of `limit` (default 100) through
   * `GET /squad` with `createdAtLe` as the cursor: no squad is skipped or repeated when several share a
   * `createdAt` at a page boundary.
   *
   * @example
   * ```ts
   * const all = yield* squads.stream({ limit: 100 }).pipe(Stream.runCollect)
   * ```
   */
  readonly stream: (params?: ListParams) => Stream.Stream<Squad, VapiError.VapiError | Pagination.PaginationError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Squads extends Context.Tag("@vapi-effect/client/Squads")<Squads, Service>() {}

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) => {
    const list = (params: ListParams = {}) => client.execute(Schema.SquadsList, { query: params })
    return Squads.of({
      list,
      create: (body) => client.execute(Schema.SquadsCreate, { body }),
      get: (id) => client.execute(Schema.SquadsGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.SquadsUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.SquadsDelete, { path: { id } }),
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
export const layer: Layer.Layer<Squads, never, VapiClient.VapiClient> = Layer.effect(Squads, make)
