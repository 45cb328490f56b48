/**
 * Squads: create, list, inspect, update and delete squads, assistants that hand a call to each other.
 *
 * | method | HTTP |
 * | --- | --- |
 * | `list(params?)`, `stream(params?)` | `GET /squad` |
 * | `create(body)` | `POST /squad` |
 * | `get(id)` | `GET /squad/{id}` |
 * | `update(id, body)` | `PATCH /squad/{id}` |
 * | `delete(id)` | `DELETE /squad/{id}` |
 *
 * @example
 * ```ts
 * import { Squads } from "@vapi-effect/client"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const squads = yield* Squads.Squads
 *   const squad = yield* squads.create({ name: "Front desk", members: [{ assistantId: "asst_1" }, { assistantId: "asst_2" }] })
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Schema from "@vapi-effect/schema/Squads"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Resource from "./Resource.js"

/**
 * A squad, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Squad = Schema.Squad

/**
 * The body of `create` (`CreateSquadDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type CreateSquad = Schema.CreateSquadDTO

/**
 * The body of `update` (`UpdateSquadDTO`).
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
export interface Service extends Resource.Service<Squad, CreateSquad, UpdateSquad, ListParams> {}

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
  (client) =>
    Squads.of(Resource.make({
      list: (params = {}) => client.execute(Schema.SquadsList, { query: params }),
      create: (body) => client.execute(Schema.SquadsCreate, { body }),
      get: (id) => client.execute(Schema.SquadsGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.SquadsUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.SquadsDelete, { path: { id } })
    }))
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Squads, never, VapiClient.VapiClient> = Layer.effect(Squads, make)
