/**
 * Vapi: all nine resource services over one `VapiClient`, as one layer.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import * as Analytics from "./Analytics.js"
import * as Assistants from "./Assistants.js"
import * as Blocks from "./Blocks.js"
import * as Calls from "./Calls.js"
import * as Files from "./Files.js"
import * as Logs from "./Logs.js"
import * as PhoneNumbers from "./PhoneNumbers.js"
import * as Squads from "./Squads.js"
import * as Tools from "./Tools.js"

/**
 * The nine resource services.
 *
 * @since 0.1.0
 * @category models
 */
export type Services =
  | Calls.Calls
  | Assistants.Assistants
  | PhoneNumbers.PhoneNumbers
  | Squads.Squads
  | Blocks.Blocks
  | Tools.Tools
  | Files.Files
  | Analytics.Analytics
  | Logs.Logs

/**
 * The nine services over the `VapiClient` in context, for apps that build the client themselves.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerServices: Layer.Layer<Services, never, VapiClient.VapiClient> = Layer.mergeAll(
  Calls.layer,
  Assistants.layer,
  PhoneNumbers.layer,
  Squads.layer,
  Blocks.layer,
  Tools.layer,
  Files.layer,
  Analytics.layer,
  Logs.layer
)

/**
 * The nine services and their `VapiClient`, configured with `options`; the `HttpClient` comes from the
 * user (`FetchHttpClient.layer`, `NodeHttpClient.layerUndici`, or a test fake).
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Retry } from "@vapi-effect/http"
 * import { Vapi } from "@vapi-effect/client"
 * import { Layer, Redacted } from "effect"
 *
 * const VapiLive = Vapi.layer({ apiKey: Redacted.make("sk_..."), retry: Retry.make({ maxRetries: 5 }) }).pipe(
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export const layer = (
  options: VapiClient.Options
): Layer.Layer<Services | VapiClient.VapiClient, never, HttpClient.HttpClient> =>
  Layer.provideMerge(layerServices, VapiClient.layer(options))

/**
 * The nine services and their `VapiClient`, configured from `VAPI_API_KEY` (redacted) and `VAPI_BASE_URL`
 * (default `https://api.vapi.ai`) through `Config`.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { NodeHttpClient } from "@effect/platform-node"
 * import { Vapi } from "@vapi-effect/client"
 * import { Layer } from "effect"
 *
 * const VapiLive = Vapi.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici))
 * ```
 */
export const layerConfig = (
  options: Omit<VapiClient.Options, "apiKey" | "baseUrl"> = {}
): Layer.Layer<Services | VapiClient.VapiClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.provideMerge(layerServices, VapiClient.layerConfig(options))
