/**
 * VapiClient: the one service that talks HTTP to Vapi. It runs any `Operation` descriptor from
 * `@vapi-effect/schema` (`client.execute(CallsCreate, { body })`): bearer auth, JSON and multipart encoding
 * through the operation's schemas, decoding of the response, typed errors, retries, timeouts and a span per
 * operation. It needs an `HttpClient` from `@effect/platform`, and sends plain requests through a `Transport`
 * instead when one is in context (`NodeTransport` over undici, at a fraction of the CPU).
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as Operation from "@vapi-effect/schema/Operation"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { identity } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Schema from "effect/Schema"
import { execute } from "./internal/execute.js"
import { scrubber } from "./internal/format.js"
import { version as packageVersion } from "./internal/version.js"
import type * as Multipart from "./Multipart.js"
import * as Retry from "./Retry.js"
import * as Timeout from "./Timeout.js"
import * as Transport from "./Transport.js"
import type * as VapiError from "./VapiError.js"

/**
 * This package's version.
 *
 * @since 0.1.0
 * @category constants
 */
export const version: string = packageVersion

/**
 * The `User-Agent` sent with every request.
 *
 * @since 0.1.0
 * @category constants
 */
export const userAgent: string = `vapi-effect/${version} (effect)`

/**
 * The production API.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultBaseUrl = "https://api.vapi.ai"

/**
 * The `path` part of an operation's input: required, with one string per parameter, when the operation has
 * path parameters; absent when it has none; a loose record when the descriptor's `pathParams` type is not a
 * literal tuple.
 *
 * @since 0.1.0
 * @category models
 */
export type PathInput<Op extends Operation.Operation> = Op["pathParams"] extends readonly [] ? { readonly path?: never }
  : string extends Op["pathParams"][number] ? { readonly path?: Readonly<Record<string, string>> }
  : { readonly path: { readonly [K in Op["pathParams"][number]]: string } }

/**
 * The `query` part of an operation's input: the query schema's `Type`, optional.
 *
 * @since 0.1.0
 * @category models
 */
export type QueryInput<Op extends Operation.Operation> = Op["query"] extends Schema.Schema.AnyNoContext
  ? { readonly query?: Schema.Schema.Type<Op["query"]> }
  : { readonly query?: never }

/**
 * The `body` part of an operation's input: the body schema's `Type` for `"json"`, a `Multipart.Body` for
 * `"multipart"`, nothing for `"none"`. When the descriptor's `bodyEncoding` is not a literal type, either
 * body is accepted and checked when the request is built.
 *
 * @since 0.1.0
 * @category models
 */
export type BodyInput<Op extends Operation.Operation> = [Op["bodyEncoding"]] extends ["multipart"]
  ? { readonly body: Multipart.Body }
  : [Op["bodyEncoding"]] extends ["none"] ? { readonly body?: never }
  : Op["body"] extends Schema.Schema.AnyNoContext ?
    [Op["bodyEncoding"]] extends ["json"] ? { readonly body: Schema.Schema.Type<Op["body"]> }
    : { readonly body: Schema.Schema.Type<Op["body"]> | Multipart.Body }
  : [Op["bodyEncoding"]] extends ["json"] ? { readonly body?: never }
  : { readonly body?: Multipart.Body }

/**
 * The input of `execute` for an operation: `{ path?, query?, body? }` typed from its descriptor.
 *
 * @since 0.1.0
 * @category models
 */
export type Input<Op extends Operation.Operation> = PathInput<Op> & QueryInput<Op> & BodyInput<Op>

/**
 * The decoded success value of an operation.
 *
 * @since 0.1.0
 * @category models
 */
export type Success<Op extends Operation.Operation> = Schema.Schema.Type<Op["success"]>

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Runs one operation: encodes `input`, sends it (with retries and timeouts), decodes the 2xx body with the
   * operation's success schema, or fails with a {@link VapiError.VapiError}.
   */
  readonly execute: <Op extends Operation.Operation>(
    operation: Op,
    input: Input<Op>
  ) => Effect.Effect<Success<Op>, VapiError.VapiError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class VapiClient extends Context.Tag("@vapi-effect/http/VapiClient")<VapiClient, Service>() {}

/**
 * The client's settings.
 *
 * - `apiKey`: the private API key, sent as `Authorization: Bearer <key>` and never shown anywhere;
 * - `baseUrl`: default `https://api.vapi.ai`;
 * - `retry`: default {@link Retry.defaultPolicy}; override per effect with {@link withRetry};
 * - `timeout`: per attempt and total, default 30 s and 2 min; override per effect with {@link withTimeout};
 * - `headers`: extra headers on every request;
 * - `transformClient`: applied to the `HttpClient` after auth and headers are set; with it, every request goes
 *   through that client, even when a `Transport` is in context.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly apiKey: Redacted.Redacted<string>
  readonly baseUrl?: string | undefined
  readonly retry?: Retry.RetryPolicy | undefined
  readonly timeout?: Timeout.Options | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly transformClient?: ((client: HttpClient.HttpClient) => HttpClient.HttpClient) | undefined
}

const lowerCaseNames = (headers: Readonly<Record<string, string>>): Record<string, string> => {
  const lower: Record<string, string> = {}
  for (const name of Object.keys(headers)) lower[name.toLowerCase()] = headers[name]!
  return lower
}

/**
 * Builds the service on the `HttpClient` in context, and on the `Transport` in context when there is one
 * (used for every request without a streamed body, unless `transformClient` is set).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Service, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const httpClient = yield* HttpClient.HttpClient
    const transport = yield* Effect.serviceOption(Transport.Transport)
    // The headers of every request, built once: the caller's cannot replace the key.
    const headers: Readonly<Record<string, string>> = {
      accept: "application/json",
      "user-agent": userAgent,
      ...lowerCaseNames(options.headers ?? {}),
      authorization: `Bearer ${Redacted.value(options.apiKey)}`
    }
    const client = httpClient.pipe(
      // Vapi does not join traces: sending it `traceparent`/`b3` headers would only hand trace ids to a third
      // party, at ~70 µs of CPU a request. The spans themselves are kept.
      HttpClient.withTracerPropagation(false),
      options.transformClient ?? identity
    )
    const run = execute({
      client,
      transport: options.transformClient === undefined && Option.isSome(transport)
        ? transport.value
        : Transport.fromHttpClient(client),
      headers,
      jsonHeaders: { "content-type": "application/json", ...headers },
      baseUrl: (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, ""),
      retry: options.retry ?? Retry.defaultPolicy,
      timeout: Timeout.make(options.timeout),
      scrub: scrubber([Redacted.value(options.apiKey)])
    })
    return VapiClient.of({ execute: (operation, input) => run(operation, input) })
  })

/**
 * The client as a layer.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * import { NodeHttpClient } from "@effect/platform-node"
 * import { Layer, Redacted } from "effect"
 * import { Retry, VapiClient } from "@vapi-effect/http"
 *
 * const live = VapiClient.layer({ apiKey: Redacted.make("sk_..."), retry: Retry.make({ maxRetries: 5 }) }).pipe(
 *   Layer.provide(NodeHttpClient.layerUndici)
 * )
 */
export const layer = (options: Options): Layer.Layer<VapiClient, never, HttpClient.HttpClient> =>
  Layer.effect(VapiClient, make(options))

/**
 * The client as a layer configured from `VAPI_API_KEY` (redacted) and `VAPI_BASE_URL` (default
 * `https://api.vapi.ai`) through Effect's `Config`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: Omit<Options, "apiKey" | "baseUrl"> = {}
): Layer.Layer<VapiClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.unwrapEffect(
    Effect.map(
      Config.all({
        apiKey: Config.redacted("VAPI_API_KEY"),
        baseUrl: Config.withDefault(Config.string("VAPI_BASE_URL"), defaultBaseUrl)
      }),
      (config) => layer({ ...options, ...config })
    )
  )

/**
 * Runs `self` with another retry policy than the client's (same as `Retry.withPolicy`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const withRetry: {
  (policy: Retry.RetryPolicy): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: Retry.RetryPolicy): Effect.Effect<A, E, R>
} = Retry.withPolicy

/**
 * Runs `self` with other timeouts than the client's (same as `Timeout.withTimeout`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const withTimeout: {
  (options: Timeout.Options): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, options: Timeout.Options): Effect.Effect<A, E, R>
} = Timeout.withTimeout
