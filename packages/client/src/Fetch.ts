/**
 * Fetch: the `Vapi` layers over the runtime's `fetch`, for Bun, Deno, Cloudflare Workers, browsers and any
 * Node app that prefers `fetch` to undici. Requests go out through `FetchTransport` (one `fetch` per attempt,
 * without the platform client's per-request work); multipart uploads through the platform's
 * `FetchHttpClient`. No `FileSystem` is included: `Files.create({ path })` needs one in context.
 *
 * @since 0.2.0
 */
import * as FetchTransport from "@vapi-effect/http/FetchTransport"
import type * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import * as Vapi from "./Vapi.js"

/**
 * {@link Vapi.layer} over `fetch` (`FetchTransport` and the platform's `FetchHttpClient`). With
 * `transformClient` set, every request goes through the `HttpClient`.
 *
 * @since 0.2.0
 * @category layers
 */
export const layer = (options: VapiClient.Options): Layer.Layer<Vapi.Services | VapiClient.VapiClient> =>
  Layer.provide(Vapi.layer(options), FetchTransport.layerFetchHttpClient)

/**
 * {@link Vapi.layerConfig} over `fetch` (`FetchTransport` and the platform's `FetchHttpClient`).
 *
 * @since 0.2.0
 * @category layers
 * @example
 * ```ts
 * import { Calls } from "@vapi-effect/client"
 * import * as Fetch from "@vapi-effect/client/Fetch"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Calls.Calls, (calls) => calls.list({ limit: 5 }))
 * program.pipe(Effect.provide(Fetch.layerConfig()))
 * ```
 */
export const layerConfig = (
  options: Omit<VapiClient.Options, "apiKey" | "baseUrl"> = {}
): Layer.Layer<Vapi.Services | VapiClient.VapiClient, ConfigError.ConfigError> =>
  Layer.provide(Vapi.layerConfig(options), FetchTransport.layerFetchHttpClient)
