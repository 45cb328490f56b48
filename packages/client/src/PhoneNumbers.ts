/**
 * PhoneNumbers: import or buy, list, inspect, update and delete phone numbers.
 *
 * | method | HTTP |
 * | --- | --- |
 * | `list(params?)`, `stream(params?)` | `GET /phone-number` |
 * | `create(body)` | `POST /phone-number` |
 * | `get(id)` | `GET /phone-number/{id}` |
 * | `update(id, body)` | `PATCH /phone-number/{id}` |
 * | `delete(id)` | `DELETE /phone-number/{id}` |
 *
 * A phone number is a union over `provider` (`byo-phone-number`, `twilio`, `vonage`, `vapi`), and so is the
 * body of `create`: narrow on it.
 *
 * @example
 * ```ts
 * import { PhoneNumbers } from "@vapi-effect/client"
 * import { Fallback } from "@vapi-effect/schema"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const phoneNumbers = yield* PhoneNumbers.PhoneNumbers
 *   const number = yield* phoneNumbers.create({ provider: "byo-phone-number", credentialId: "cred_1", number: "+15550100" })
 *   if (!Fallback.isUnknownMember(number) && number.provider === "byo-phone-number") yield* Effect.log(number.number)
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Schema from "@vapi-effect/schema/PhoneNumbers"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Resource from "./Resource.js"

/**
 * A phone number, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type PhoneNumber = Schema.PhoneNumber

/**
 * The body of `create` (`CreatePhoneNumberDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type CreatePhoneNumber = Schema.CreatePhoneNumberDTO

/**
 * The body of `update` (`UpdatePhoneNumberDTO`).
 *
 * @since 0.1.0
 * @category models
 */
export type UpdatePhoneNumber = Schema.UpdatePhoneNumberDTO

/**
 * The filters of `list` and `stream`, by their wire names; dates are `Date`s.
 *
 * @since 0.1.0
 * @category models
 */
export type ListParams = Schema.PhoneNumbersListParams

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Resource.Service<PhoneNumber, CreatePhoneNumber, UpdatePhoneNumber, ListParams> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class PhoneNumbers extends Context.Tag("@vapi-effect/client/PhoneNumbers")<PhoneNumbers, Service>() {}

/**
 * The service over the `VapiClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.map(
  VapiClient.VapiClient,
  (client) =>
    PhoneNumbers.of(Resource.make({
      list: (params = {}) => client.execute(Schema.PhoneNumbersList, { query: params }),
      create: (body) => client.execute(Schema.PhoneNumbersCreate, { body }),
      get: (id) => client.execute(Schema.PhoneNumbersGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.PhoneNumbersUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.PhoneNumbersDelete, { path: { id } })
    }))
)

/**
 * The service as a layer; it needs only a `VapiClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<PhoneNumbers, never, VapiClient.VapiClient> = Layer.effect(PhoneNumbers, make)
