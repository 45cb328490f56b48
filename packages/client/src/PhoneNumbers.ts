/**
 * PhoneNumbers: buy or import, list, inspect, update and delete phone numbers (`/phone-number`). A phone number is a union over its `provider` (`byo-phone-number`, `twilio`, `vonage`, `vapi`): narrow on it.
 *
 * @since 0.1.0
 */
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as Pagination from "@vapi-effect/http/Pagination"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/PhoneNumbers"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Stream from "effect/Stream"
import { listStream } from "./internal/listStream.js"

/**
 * A phone number, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type PhoneNumber = Schema.PhoneNumber

/**
 * The body of `create`.
 *
 * @since 0.1.0
 * @category models
 */
export type CreatePhoneNumber = Schema.CreatePhoneNumberDTO

/**
 * The body of `update`.
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
export interface Service {
  /**
   * Lists phone numbers, newest first (`GET /phone-number`), at most `limit` (default 100, at most 1000).
   *
   * Fails with a `RequestValidationError` before sending when a parameter is out of range, and with the
   * status, transport, timeout and decode errors of `VapiError`.
   *
   * @example
   * ```ts
   * const recent = yield* phoneNumbers.list({ limit: 10, createdAtGt: new Date("2024-10-01") })
   * ```
   */
  readonly list: (params?: ListParams) => Effect.Effect<ReadonlyArray<PhoneNumber>, VapiError.VapiError>
  /**
   * Creates a phone number (`POST /phone-number`); the body is one of the byo / twilio / vonage / vapi shapes, chosen by `provider`.
   *
   * Fails with a `RequestValidationError` (nothing sent) when the body does not match `CreatePhoneNumberDTO`, with
   * `BadRequest` carrying the server's messages, and with the other `VapiError`s.
   *
   * @example
   * ```ts
   * const number = yield* phoneNumbers.create({ provider: "byo-phone-number", credentialId: "cred_1", number: "+15550100" })
   * ```
   */
  readonly create: (body: CreatePhoneNumber) => Effect.Effect<PhoneNumber, VapiError.VapiError>
  /**
   * Gets one phone number (`GET /phone-number/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const found = yield* phoneNumbers.get("id_1").pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
   * ```
   */
  readonly get: (id: string) => Effect.Effect<PhoneNumber, VapiError.VapiError>
  /**
   * Updates the given fields of a phone number (`PATCH /phone-number/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * yield* phoneNumbers.update(id, { name: "renamed" })
   * ```
   */
  readonly update: (id: string, body: UpdatePhoneNumber) => Effect.Effect<PhoneNumber, VapiError.VapiError>
  /**
   * Deletes a phone number and returns it (`DELETE /phone-number/{id}`); fails with `NotFound` for an
   * unknown id.
   *
   * @example
   * ```ts
   * const deleted = yield* phoneNumbers.delete(id)
   * ```
   */
  readonly delete: (id: string) => Effect.Effect<PhoneNumber, VapiError.VapiError>
  /**
   * Every phone number matching `params`, newest first, fetched lazily in pages of `limit` (default 100) through
   * `GET /phone-number` with `createdAtLe` as the cursor: no phone number is skipped or repeated when several share a
   * `createdAt` at a page boundary.
   *
   * @example
   * ```ts
   * const all = yield* phoneNumbers.stream({ limit: 100 }).pipe(Stream.runCollect)
   * ```
   */
  readonly stream: (params?: ListParams) => Stream.Stream<PhoneNumber, VapiError.VapiError | Pagination.PaginationError>
}

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
  (client) => {
    const list = (params: ListParams = {}) => client.execute(Schema.PhoneNumbersList, { query: params })
    return PhoneNumbers.of({
      list,
      create: (body) => client.execute(Schema.PhoneNumbersCreate, { body }),
      get: (id) => client.execute(Schema.PhoneNumbersGet, { path: { id } }),
      update: (id, body) => client.execute(Schema.PhoneNumbersUpdate, { path: { id }, body }),
      delete: (id) => client.execute(Schema.PhoneNumbersDelete, { path: { id } }),
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
export const layer: Layer.Layer<PhoneNumbers, never, VapiClient.VapiClient> = Layer.effect(PhoneNumbers, make)
