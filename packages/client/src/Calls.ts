/**
 * Calls: place, list, inspect, rename and delete phone and web calls.
 *
 * | method | HTTP |
 * | --- | --- |
 * | `list(params?)`, `stream(params?)` | `GET /call` |
 * | `create(body)` | `POST /call` |
 * | `get(id)` | `GET /call/{id}` |
 * | `update(id, body)` | `PATCH /call/{id}` |
 * | `delete(id)` | `DELETE /call/{id}` |
 *
 * `create` places a call: against the real API it dials a phone, so it is not retried unless the request
 * provably was not processed (429, 503, connection refused).
 *
 * @example
 * ```ts
 * import { Calls } from "@vapi-effect/client"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const calls = yield* Calls.Calls
 *   const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
 *   yield* calls.update(call.id, { name: "follow-up" })
 *   const recent = yield* calls.list({ assistantId: "asst_1", createdAtGt: new Date("2024-10-01") })
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Schema from "@vapi-effect/schema/Calls"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Resource from "./Resource.js"

/**
 * A call, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Call = Schema.Call

/**
 * The body of `create` (`CreateCallDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type CreateCall = Schema.CreateCallDTO

/**
 * The body of `update` (`UpdateCallDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateCall = Schema.UpdateCallDTO

/**
 * The filters of `list` and `stream`, by their wire names; dates are `Date`s.
 *
 * @since 0.1.0
 * @category models
 */
export type ListParams = Schema.CallsListParams

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Resource.Service<Call, CreateCall, UpdateCall, ListParams> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class Calls extends Context.Tag("@vapi-effect/client/Calls")<Calls, Service>() {}

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) =>
    Calls.of(Resource.make({
      list: (params = {}) => client.execute(Schema.CallsList, { query: params }),
      create: (body) => client.execute(Schema.CallsCreate, { body }),
      get: (id) => client.execute(Schema.CallsGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.CallsUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.CallsDelete, { path: { id } })
    }))
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Calls, never, VapiClient.VapiClient> = Layer.effect(Calls, make)
