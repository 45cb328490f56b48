/**
 * How a request reaches a multipart body's encoder without importing `Multipart`: each `Multipart.make` body
 * carries its encoder under this key, so an app that never sends a multipart body (calls only, say) never
 * bundles the encoder. The encoding itself lives in `Multipart`.
 *
 * @internal
 */
import type * as HttpBody from "@effect/platform/HttpBody"
import type * as Effect from "effect/Effect"
import * as Predicate from "effect/Predicate"
import type { PartError } from "./partError.js"

/** @internal */
export const encoderKey: unique symbol = Symbol.for("@vapi-effect/http/Multipart/encoder")

/** @internal */
export interface Encodable {
  /** The body to send, or the `PartError` of a part known to be unreadable before anything is sent. */
  readonly [encoderKey]: () => Effect.Effect<HttpBody.HttpBody, PartError>
}

/**
 * The value's encoder when it is a body built by `Multipart.make`.
 *
 * @internal
 */
export const isEncodable = (u: unknown): u is Encodable =>
  Predicate.hasProperty(u, encoderKey) && typeof u[encoderKey] === "function"
