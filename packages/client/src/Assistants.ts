/**
 * Assistants: create, list, inspect, update and delete voice assistants.
 *
 * | method | HTTP |
 * | --- | --- |
 * | `list(params?)`, `stream(params?)` | `GET /assistant` |
 * | `create(body)` | `POST /assistant` |
 * | `get(id)` | `GET /assistant/{id}` |
 * | `update(id, body)` | `PATCH /assistant/{id}` |
 * | `delete(id)` | `DELETE /assistant/{id}` |
 *
 * @example
 * ```ts
 * import { Assistants } from "@vapi-effect/client"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const assistants = yield* Assistants.Assistants
 *   const assistant = yield* assistants.create({
 *     name: "Support",
 *     firstMessage: "Hi, how can I help?",
 *     model: { provider: "openai", model: "gpt-4o", toolIds: ["tool_1"] }
 *   })
 *   yield* assistants.update(assistant.id, { name: "Support (EN)" })
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Schema from "@vapi-effect/schema/Assistants"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Resource from "./Resource.js"

/**
 * A assistant, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type Assistant = Schema.Assistant

/**
 * The body of `create` (`CreateAssistantDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type CreateAssistant = Schema.CreateAssistantDTO

/**
 * The body of `update` (`UpdateAssistantDTO`).
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
export interface Service extends Resource.Service<Assistant, CreateAssistant, UpdateAssistant, ListParams> {}

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
  (client) =>
    Assistants.of(Resource.make({
      list: (params = {}) => client.execute(Schema.AssistantsList, { query: params }),
      create: (body) => client.execute(Schema.AssistantsCreate, { body }),
      get: (id) => client.execute(Schema.AssistantsGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.AssistantsUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.AssistantsDelete, { path: { id } })
    }))
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Assistants, never, VapiClient.VapiClient> = Layer.effect(Assistants, make)
