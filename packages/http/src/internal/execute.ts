/**
 * The interpreter: runs one operation (prepare, attempts with timeouts and retries, decode) inside its span.
 *
 * @internal
 */
import * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as Operation from "@vapi-effect/schema/Operation"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Retry from "../Retry.js"
import * as Timeout from "../Timeout.js"
import * as VapiError from "../VapiError.js"
import { describeCause } from "./format.js"
import { type LooseInput, prepare, templateUrl } from "./request.js"

/** @internal */
export interface Settings {
  readonly client: HttpClient.HttpClient
  readonly baseUrl: string
  readonly retry: Retry.RetryPolicy
  readonly timeout: Timeout.TimeoutPolicy
  readonly scrub: (text: string) => string
}

/**
 * Header names whose values the platform's client span may record; every other request or response header
 * (the API key, the caller's extra headers, whatever a proxy echoes back) shows as `<redacted>`.
 */
const visibleHeaders = /^(?!(?:accept|content-type|content-length|user-agent|date|retry-after|x-request-id)$)/i

const redactHeaders = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.locallyWith(effect, Headers.currentRedactedNames, (names) => [...names, visibleHeaders])

interface Received {
  readonly status: number
  readonly text: string
}

const receive = (
  ctx: VapiError.RequestContext,
  response: HttpClientResponse.HttpClientResponse
): Effect.Effect<Received, VapiError.VapiError> =>
  Effect.zipRight(
    Effect.annotateCurrentSpan("http.response.status_code", response.status),
    response.status >= 200 && response.status < 300
      ? Effect.mapBoth(response.text, {
        onFailure: (error) => VapiError.fromFailure(ctx, { _tag: "ClientError", error }),
        onSuccess: (text) => ({ status: response.status, text })
      })
      : Effect.flatMap(Effect.zip(Effect.either(response.text), Clock.currentTimeMillis), ([text, now]) =>
        Effect.fail(VapiError.fromFailure(ctx, {
          _tag: "Status",
          status: response.status,
          headers: response.headers,
          body: Either.getOrElse(text, () => ""),
          now
        })))
  )

const decode = <S extends Schema.Schema.AnyNoContext>(
  schema: S,
  ctx: VapiError.RequestContext,
  received: Received
): Effect.Effect<Schema.Schema.Type<S>, VapiError.VapiError> => {
  const fail = (cause: Extract<VapiError.Failure, { readonly _tag: "Decode" }>["cause"]) =>
    VapiError.fromFailure(ctx, { _tag: "Decode", status: received.status, body: received.text, cause })
  const json = received.text.trim() === "" ? Either.right(undefined) : Either.try({
    try: (): unknown => JSON.parse(received.text),
    catch: (error) => `the body is not valid JSON: ${describeCause(error)}`
  })
  if (Either.isLeft(json)) return Effect.fail(fail(json.left))
  // The schemas are synchronous: the `Either` decoder skips the `Effect` that `Schema.decodeUnknown` wraps
  // around each step (about a third of the time it takes to decode a list of calls).
  const decoded = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })(json.right)
  return Either.isRight(decoded) ? Effect.succeed(decoded.right) : Effect.fail(fail(decoded.left))
}

/** @internal */
export const execute = (settings: Settings) =>
<Op extends Operation.Operation>(
  operation: Op,
  input: LooseInput
): Effect.Effect<Schema.Schema.Type<Op["success"]>, VapiError.VapiError> => {
  const pathAttributes = Object.fromEntries(
    operation.pathParams.flatMap((name) => {
      const value = input.path?.[name]
      return typeof value === "string" ? [[`vapi.path.${name}`, value]] : []
    })
  )
  return Effect.gen(function*() {
    const policy = Option.getOrElse(yield* Retry.CurrentPolicy, () => settings.retry)
    const timeouts = Timeout.make(yield* Timeout.CurrentOverride, settings.timeout)
    const base = { operation: operation.name, method: operation.method, scrub: settings.scrub }
    const prepared = yield* Effect.mapError(
      prepare(settings.baseUrl, operation, input, settings.scrub),
      (failure) => VapiError.fromFailure({ ...base, url: templateUrl(settings.baseUrl, operation) }, failure)
    )
    const ctx: VapiError.RequestContext = { ...base, url: prepared.url }

    // One deadline for the whole operation: each attempt runs under the sooner of its own timeout and what
    // is left of the total, and a wait between attempts that would pass the deadline ends at it. So one
    // timer per attempt, not one for the attempt and another for the total.
    const attemptMillis = Duration.toMillis(timeouts.attempt)
    const deadline = (yield* Clock.currentTimeMillis) + Duration.toMillis(timeouts.total)
    const timeout = (kind: "attempt" | "total") =>
      new VapiError.Timeout({
        operation: ctx.operation,
        method: ctx.method,
        url: settings.scrub(ctx.url),
        kind,
        duration: kind === "attempt" ? timeouts.attempt : timeouts.total
      })
    const send = redactHeaders(settings.client.execute(prepared.request)).pipe(
      Effect.mapError((error) => VapiError.fromFailure(ctx, { _tag: "ClientError", error })),
      Effect.flatMap((response) => receive(ctx, response))
    )
    const once = Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const left = deadline - now
      if (left <= 0) return Effect.fail(timeout("total"))
      const kind = left < attemptMillis ? "total" : "attempt"
      const duration = Math.min(left, attemptMillis)
      return Number.isFinite(duration) ? Effect.timeoutFail(send, { duration, onTimeout: () => timeout(kind) }) : send
    })

    const wait = (delay: Duration.Duration): Effect.Effect<void, VapiError.VapiError> =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const left = deadline - now
        return Duration.toMillis(delay) < left
          ? Effect.sleep(delay)
          : Effect.zipRight(Effect.sleep(Duration.millis(Math.max(0, left))), Effect.fail(timeout("total")))
      })

    const loop = (retry: number): Effect.Effect<Received, VapiError.VapiError> =>
      Effect.catchAll(
        retry === 0 ? once : Effect.zipRight(Effect.annotateCurrentSpan("vapi.attempts", retry + 1), once),
        (error) =>
          retry >= policy.maxRetries || !Retry.isRetryable(policy, operation.method, error)
            ? Effect.fail(error)
            : Retry.delayFor(policy, retry + 1, error).pipe(
              Effect.tap((delay) =>
                Effect.logDebug(`${operation.name}: ${error._tag}, retry ${retry + 1} in ${Duration.format(delay)}`)
              ),
              Effect.flatMap(wait),
              Effect.zipRight(loop(retry + 1))
            )
      )

    const received = yield* loop(0)
    return yield* decode(operation.success, ctx, received)
  }).pipe(
    Effect.withSpan(`Vapi.${operation.name}`, {
      kind: "client",
      attributes: {
        "vapi.operation": operation.name,
        "vapi.attempts": 1,
        "http.request.method": operation.method,
        "url.template": operation.path,
        ...pathAttributes
      }
    })
  )
}
