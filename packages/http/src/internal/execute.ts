/**
 * The interpreter: runs one operation (prepare, attempts with timeouts and retries, decode) inside its span.
 * Plain requests go through the settings' `Transport`, streamed (multipart) ones through the platform client.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Decoder from "@vapi-effect/schema/Decoder"
import type * as Operation from "@vapi-effect/schema/Operation"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import type * as Schema from "effect/Schema"
import type * as Tracer from "effect/Tracer"
import * as Retry from "../Retry.js"
import * as Timeout from "../Timeout.js"
import * as Transport from "../Transport.js"
import * as VapiError from "../VapiError.js"
import { causeMessage } from "./format.js"
import { type LooseInput, type Prepared, prepare, templateUrl } from "./request.js"

/** @internal */
export interface Settings {
  /** Sends the requests with a streamed body, which a `Transport` cannot carry. */
  readonly client: HttpClient.HttpClient
  /** Sends every other request. */
  readonly transport: Transport.Service
  /** The headers of every request (auth, accept, user agent, the caller's), lower-case names. */
  readonly headers: Readonly<Record<string, string>>
  /** {@link headers} with `content-type: application/json`, for requests with a JSON body. */
  readonly jsonHeaders: Readonly<Record<string, string>>
  readonly baseUrl: string
  readonly retry: Retry.RetryPolicy
  readonly timeout: Timeout.TimeoutPolicy
  readonly scrub: (text: string) => string
}

interface Received {
  readonly status: number
  readonly text: string
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300

const annotateStatus = (status: number) => Effect.annotateCurrentSpan("http.response.status_code", status)

const failWith = (ctx: VapiError.RequestContext, error: Transport.SendError): Effect.Effect<never, VapiError.VapiError> =>
  Effect.flatMap(
    Clock.currentTimeMillis,
    (now) => Effect.fail(VapiError.fromFailure(ctx, { _tag: "Transport", error, now }))
  )

const receive = (
  ctx: VapiError.RequestContext,
  response: Transport.Response
): Effect.Effect<Received, VapiError.VapiError> =>
  Effect.zipRight(
    annotateStatus(response.status),
    isSuccess(response.status)
      ? Effect.succeed({ status: response.status, text: response.text })
      : Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.fail(VapiError.fromFailure(ctx, {
          _tag: "Status",
          status: response.status,
          headers: response.headers,
          body: response.text,
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
    catch: (error) => `the body is not valid JSON: ${causeMessage(error)}`
  })
  if (Either.isLeft(json)) return Effect.fail(fail(json.left))
  // The compiled decoder gives `Schema.decodeUnknownEither`'s results without the `Either` that `ParseResult`
  // allocates at every node: a list of 100 calls decodes about twice as fast (compiled once per schema).
  const decoded = Decoder.decodeUnknownEither(schema)(json.right)
  return Either.isRight(decoded) ? Effect.succeed(decoded.right) : Effect.fail(fail(decoded.left))
}

/** What an operation's attempts need, read once from the fiber and from its prepared request. */
interface Run<Op extends Operation.Operation> {
  readonly settings: Settings
  readonly operation: Op
  readonly prepared: Prepared
  readonly base: Omit<VapiError.RequestContext, "url">
  readonly policy: Retry.RetryPolicy
  readonly timeouts: Timeout.TimeoutPolicy
  readonly clock: Clock.Clock
}

/** The attempts of a prepared request, with its retries and deadline, then the decoding of the response. */
const attempts = <Op extends Operation.Operation>(
  { base, clock, operation, policy, prepared, settings, timeouts }: Run<Op>
): Effect.Effect<Schema.Schema.Type<Op["success"]>, VapiError.VapiError> => {
  const ctx: VapiError.RequestContext = { ...base, url: prepared.url }

  // The request is built once, with its headers; each attempt only sets its timeout.
  const sendWithin: (timeoutMillis: number) => Effect.Effect<Transport.Response, Transport.TransportError> =
    prepared._tag === "Plain"
      ? (timeoutMillis) =>
        settings.transport.send({
          method: operation.method,
          url: prepared.url,
          headers: prepared.json === undefined ? settings.headers : settings.jsonHeaders,
          body: prepared.json,
          timeoutMillis
        })
      : ((request) => (timeoutMillis) => Transport.sendHttpClientRequest(settings.client, request, timeoutMillis))(
        HttpClientRequest.setHeaders(prepared.request, settings.headers)
      )

  // One deadline for the whole operation: each attempt runs under the sooner of its own timeout and what
  // is left of the total, so one timer per attempt, not one for the attempt and another for the total. A
  // retry whose wait would reach the deadline is not made: the operation fails at once with the error that
  // asked for it (a `RateLimited` with its `retryAfter`, say), rather than sleeping to fail with a `Timeout`.
  const attemptMillis = Duration.toMillis(timeouts.attempt)
  const deadline = clock.unsafeCurrentTimeMillis() + Duration.toMillis(timeouts.total)
  const timeout = (kind: "attempt" | "total") =>
    VapiError.fromFailure(ctx, {
      _tag: "Timeout",
      kind,
      duration: kind === "attempt" ? timeouts.attempt : timeouts.total
    })
  const once = Effect.suspend(() => {
    const left = deadline - clock.unsafeCurrentTimeMillis()
    if (left <= 0) return Effect.fail(timeout("total"))
    const kind = left < attemptMillis ? "total" : "attempt"
    return Effect.matchEffect(sendWithin(Math.min(left, attemptMillis)), {
      onFailure: (error) =>
        error._tag === "TimedOut"
          ? Effect.fail(timeout(kind))
          : error.response === undefined
          ? failWith(ctx, error)
          : Effect.zipRight(annotateStatus(error.response.status), failWith(ctx, error)),
      onSuccess: (response) => receive(ctx, response)
    })
  })

  const loop = (retry: number): Effect.Effect<Received, VapiError.VapiError> =>
    Effect.catchAll(
      retry === 0 ? once : Effect.zipRight(Effect.annotateCurrentSpan("vapi.attempts", retry + 1), once),
      (error) =>
        retry >= policy.maxRetries || !Retry.isRetryable(policy, operation.method, error)
          ? Effect.fail(error)
          : Effect.flatMap(Retry.delayFor(policy, retry + 1, error), (delay) =>
            Duration.toMillis(delay) < deadline - clock.unsafeCurrentTimeMillis()
              ? Effect.logDebug(`${operation.name}: ${error._tag}, retry ${retry + 1} in ${Duration.format(delay)}`).pipe(
                Effect.zipRight(Effect.sleep(delay)),
                Effect.zipRight(loop(retry + 1))
              )
              : Effect.zipRight(
                Effect.logDebug(`${operation.name}: ${error._tag}, no retry: a wait of ${Duration.format(delay)} would pass the total timeout`),
                Effect.fail(error)
              ))
    )

  return Effect.flatMap(loop(0), (received) => decode(operation.success, ctx, received))
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
  // One step reads the policies and the clock from the fiber, rather than an `Effect.gen` with a step per
  // read: against the bench's server, ~90 µs less CPU per page of 100 logs (bench/ANALYSIS.md, round 5).
  return Effect.withFiberRuntime<Schema.Schema.Type<Op["success"]>, VapiError.VapiError>((fiber) => {
    const base = { operation: operation.name, method: operation.method, scrub: settings.scrub }
    return Effect.matchEffect(prepare(settings.baseUrl, operation, input, settings.scrub), {
      onFailure: (failure) =>
        Effect.fail(VapiError.fromFailure({ ...base, url: templateUrl(settings.baseUrl, operation) }, failure)),
      onSuccess: (prepared) =>
        attempts({
          settings,
          operation,
          prepared,
          base,
          policy: Option.getOrElse(Context.get(fiber.currentContext, Retry.CurrentPolicy), () => settings.retry),
          timeouts: Timeout.make(Context.get(fiber.currentContext, Timeout.CurrentOverride), settings.timeout),
          clock: Context.get(fiber.currentDefaultServices, Clock.Clock)
        })
    })

  }).pipe(
    inSpan(`Vapi.${operation.name}`, {
      kind: "client",
      // The call site would always be this line: not worth an `Error` (and its stack) per request.
      captureStackTrace: false,
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

/**
 * `Effect.withSpan`, except that a successful span ends with `Exit.void` rather than the decoded response.
 * A span lives on after its request (in a tracer's batch, or merely in the old generation of the heap until
 * the next full collection), and one holding the response keeps all of it alive there: measured with a
 * canned 6 KB call, that doubled the time spent in garbage collection and cost about 25 µs per request.
 * A failure or an interruption still ends the span with its cause.
 *
 * The response is passed on as the effect's value, never stored in an object made before the request (the
 * span, or a variable of an enclosing closure). Such a store, made inside `onExit`'s uninterruptible
 * region, made V8's scavenger keep every response until the next full collection: a walk over pages of
 * 100 logs promoted ~110 KB per page to the old generation and cost ~1.6x the CPU per page.
 */
const inSpan = (name: string, options: Tracer.SpanOptions) =>
<A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.flatMap(
    Effect.makeSpan(name, options),
    (span) => Effect.onExit(Effect.withParentSpan(self, span), (exit) => endSpan(span, exit))
  )

const endSpan = (span: Tracer.Span, exit: Exit.Exit<unknown, unknown>): Effect.Effect<void> =>
  Effect.withFiberRuntime((fiber) => {
    if (span.status._tag === "Ended") return Effect.void
    const timing = fiber.getFiberRef(FiberRef.currentTracerTimingEnabled)
    const now = timing ? Context.get(fiber.currentDefaultServices, Clock.Clock).unsafeCurrentTimeNanos() : BigInt(0)
    span.end(now, Exit.isSuccess(exit) ? Exit.void : exit)
    return Effect.void
  })
