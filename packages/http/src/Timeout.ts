/**
 * Timeout: how long one attempt and the whole request (all attempts and the waits between them) may take.
 * When a timeout fires the request in flight is interrupted, which aborts it on the wire.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"

/**
 * Resolved timeouts.
 *
 * @since 0.1.0
 * @category models
 */
export interface TimeoutPolicy {
  readonly attempt: Duration.Duration
  readonly total: Duration.Duration
}

/**
 * Timeouts as users give them; a missing field keeps the value it overrides.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly attempt?: Duration.DurationInput | undefined
  readonly total?: Duration.DurationInput | undefined
}

/**
 * 30 seconds per attempt, 2 minutes in total.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaults: TimeoutPolicy = {
  attempt: Duration.seconds(30),
  total: Duration.minutes(2)
}

/**
 * Resolves `options` over `base`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}, base: TimeoutPolicy = defaults): TimeoutPolicy => ({
  attempt: options.attempt === undefined ? base.attempt : Duration.decode(options.attempt),
  total: options.total === undefined ? base.total : Duration.decode(options.total)
})

/**
 * The timeouts set for the current effect with {@link withTimeout}, overriding the client's.
 *
 * @since 0.1.0
 * @category tags
 */
export class CurrentOverride extends Context.Reference<CurrentOverride>()(
  "@vapi-effect/http/Timeout/CurrentOverride",
  { defaultValue: (): Options => ({}) }
) {}

/**
 * Runs `self` with other timeouts than the client's; nested calls merge, the innermost winning.
 *
 * @since 0.1.0
 * @category combinators
 * @example
 * import { Effect } from "effect"
 * import { Timeout, VapiClient } from "@vapi-effect/http"
 * import { CallsGet } from "@vapi-effect/schema/Calls"
 *
 * const program = Effect.flatMap(VapiClient.VapiClient, (client) => client.execute(CallsGet, { path: { id: "call_1" } }))
 * const quick = program.pipe(Timeout.withTimeout({ attempt: "5 seconds", total: "20 seconds" }))
 */
export const withTimeout: {
  (options: Options): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, options: Options): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, options: Options): Effect.Effect<A, E, R> =>
    Effect.flatMap(CurrentOverride, (current) =>
      Effect.provideService(self, CurrentOverride, {
        attempt: options.attempt ?? current.attempt,
        total: options.total ?? current.total
      }))
)
