/**
 * Retry: when and how long to wait before sending a failed request again. Bounded attempts, jittered
 * exponential backoff, `Retry-After` honoured (capped), and a rule that never repeats a POST or PATCH that
 * the server may have processed (`POST /call` dials a real phone) unless the policy opts in.
 *
 * @since 0.1.0
 */
import type * as HttpMethod from "@effect/platform/HttpMethod"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import type * as VapiError from "./VapiError.js"

/**
 * A retry policy.
 *
 * - `maxRetries`: retries after the first attempt (so at most `maxRetries + 1` requests);
 * - `baseDelay`, `factor`, `maxDelay`: the n-th retry waits `min(maxDelay, baseDelay * factor^(n-1))`;
 * - `jitter`: the fraction (0 to 1) of that delay that is random: the wait is uniform in
 *   `[delay * (1 - jitter), delay]`;
 * - `maxRetryAfter`: the longest wait a server's `Retry-After` can impose (longer values are capped);
 * - `retryNonIdempotent`: also retry POST and PATCH on everything GET and DELETE retry on.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryPolicy {
  readonly maxRetries: number
  readonly baseDelay: Duration.Duration
  readonly maxDelay: Duration.Duration
  readonly factor: number
  readonly jitter: number
  readonly maxRetryAfter: Duration.Duration
  readonly retryNonIdempotent: boolean
}

/**
 * The fields of {@link RetryPolicy}, all optional, durations as `DurationInput`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly maxRetries?: number | undefined
  readonly baseDelay?: Duration.DurationInput | undefined
  readonly maxDelay?: Duration.DurationInput | undefined
  readonly factor?: number | undefined
  readonly jitter?: number | undefined
  readonly maxRetryAfter?: Duration.DurationInput | undefined
  readonly retryNonIdempotent?: boolean | undefined
}

/**
 * 3 retries, 500 ms doubling up to 20 s, half of each delay jittered, `Retry-After` up to 60 s, no retry
 * of POST or PATCH unless provably unprocessed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultPolicy: RetryPolicy = {
  maxRetries: 3,
  baseDelay: Duration.millis(500),
  maxDelay: Duration.seconds(20),
  factor: 2,
  jitter: 0.5,
  maxRetryAfter: Duration.seconds(60),
  retryNonIdempotent: false
}

const clamp = (value: number, min: number, max: number): number =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min

/**
 * A policy from {@link defaultPolicy} with the given fields replaced.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * import { Retry } from "@vapi-effect/http"
 *
 * const patient = Retry.make({ maxRetries: 5, maxDelay: "1 minute" })
 */
export const make = (options: Options = {}, base: RetryPolicy = defaultPolicy): RetryPolicy => ({
  maxRetries: Math.floor(clamp(options.maxRetries ?? base.maxRetries, 0, 100)),
  baseDelay: options.baseDelay === undefined ? base.baseDelay : Duration.decode(options.baseDelay),
  maxDelay: options.maxDelay === undefined ? base.maxDelay : Duration.decode(options.maxDelay),
  factor: clamp(options.factor ?? base.factor, 1, 100),
  jitter: clamp(options.jitter ?? base.jitter, 0, 1),
  maxRetryAfter: options.maxRetryAfter === undefined ? base.maxRetryAfter : Duration.decode(options.maxRetryAfter),
  retryNonIdempotent: options.retryNonIdempotent ?? base.retryNonIdempotent
})

/**
 * Never retry.
 *
 * @since 0.1.0
 * @category constructors
 */
export const none: RetryPolicy = make({ maxRetries: 0 })

/**
 * Whether `error` is worth another attempt of a `method` request under `policy` (attempt counting aside).
 *
 * GET and DELETE (and, with `retryNonIdempotent`, every method): transport errors, per-attempt timeouts,
 * 408, 429 and 5xx. POST and PATCH: only 429, 503 and refused connections, where the request provably
 * was not processed.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (policy: RetryPolicy, method: HttpMethod.HttpMethod, error: VapiError.VapiError): boolean => {
  const idempotent = method === "GET" || method === "DELETE" || method === "HEAD" || method === "OPTIONS" ||
    method === "PUT"
  if (idempotent || policy.retryNonIdempotent) {
    switch (error._tag) {
      case "TransportError":
      case "RateLimited":
      case "ServerError":
        return true
      case "Timeout":
        return error.kind === "attempt"
      case "UnexpectedStatus":
        return error.status === 408
      default:
        return false
    }
  }
  switch (error._tag) {
    case "RateLimited":
      return true
    case "ServerError":
      return error.status === 503
    case "TransportError":
      return error.reason === "ConnectionRefused"
    default:
      return false
  }
}

/**
 * The backoff before retry number `retry` (1 for the first retry), jittered with Effect's `Random`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const backoff = (policy: RetryPolicy, retry: number): Effect.Effect<Duration.Duration> => {
  const exponential = Duration.toMillis(policy.baseDelay) * Math.pow(policy.factor, Math.max(0, retry - 1))
  const delay = Math.min(Duration.toMillis(policy.maxDelay), exponential)
  return policy.jitter === 0
    ? Effect.succeed(Duration.millis(delay))
    : Effect.map(Random.next, (r) => Duration.millis(Math.round(delay * (1 - policy.jitter * r))))
}

/**
 * The wait before retry number `retry` after `error`: the server's `Retry-After` (capped by
 * `maxRetryAfter`) when it sent one, the jittered backoff otherwise.
 *
 * @since 0.1.0
 * @category combinators
 */
export const delayFor = (
  policy: RetryPolicy,
  retry: number,
  error: VapiError.VapiError
): Effect.Effect<Duration.Duration> => {
  const retryAfter = error._tag === "RateLimited" || error._tag === "ServerError" ? error.retryAfter : Option.none()
  return Option.match(retryAfter, {
    onNone: () => backoff(policy, retry),
    onSome: (after) => Effect.succeed(Duration.min(after, policy.maxRetryAfter))
  })
}

/**
 * The retry policy set for the current effect with {@link withPolicy}, overriding the client's.
 *
 * @since 0.1.0
 * @category tags
 */
export class CurrentPolicy extends Context.Reference<CurrentPolicy>()("@vapi-effect/http/Retry/CurrentPolicy", {
  defaultValue: (): Option.Option<RetryPolicy> => Option.none()
}) {}

/**
 * Runs `self` with `policy` instead of the client's retry policy.
 *
 * @since 0.1.0
 * @category combinators
 * @example
 * import { Effect } from "effect"
 * import { Retry, VapiClient } from "@vapi-effect/http"
 * import { CallsGet } from "@vapi-effect/schema/Calls"
 *
 * const program = Effect.flatMap(VapiClient.VapiClient, (client) => client.execute(CallsGet, { path: { id: "call_1" } }))
 * const once = program.pipe(Retry.withPolicy(Retry.none))
 */
export const withPolicy: {
  (policy: RetryPolicy): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: RetryPolicy): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: RetryPolicy): Effect.Effect<A, E, R> =>
    Effect.provideService(self, CurrentPolicy, Option.some(policy))
)
