/**
 * Node: the `Vapi` layers with undici and Node's `FileSystem` built in, for apps on Node that do not bring
 * their own. Requests go out through `NodeTransport` (undici's `Dispatcher.dispatch`, without the platform
 * client's per-request work); multipart uploads through the platform's undici `HttpClient`, over the same
 * undici `Agent`.
 *
 * @since 0.1.0
 */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodeTransport from "@vapi-effect/http/NodeTransport"
import type * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import * as Vapi from "./Vapi.js"

const node = Layer.merge(NodeTransport.layerUndici, NodeFileSystem.layer)

/**
 * {@link Vapi.layer} over undici (`NodeTransport` and the undici `HttpClient`), with the `FileSystem` that
 * `Files.create({ path })` reads from. With `transformClient` set, every request goes through the
 * `HttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: VapiClient.Options): Layer.Layer<Vapi.Services | VapiClient.VapiClient> =>
  Layer.provide(Vapi.layer(options), node)

/**
 * {@link Vapi.layerConfig} over undici (`NodeTransport` and the undici `HttpClient`), with the `FileSystem`
 * that `Files.create({ path })` reads from.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { Calls } from "@vapi-effect/client"
 * import * as Node from "@vapi-effect/client/Node"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Calls.Calls, (calls) => calls.list({ limit: 5 }))
 * program.pipe(Effect.provide(Node.layerConfig()))
 * ```
 */
export const layerConfig = (
  options: Omit<VapiClient.Options, "apiKey" | "baseUrl"> = {}
): Layer.Layer<Vapi.Services | VapiClient.VapiClient, ConfigError.ConfigError> =>
  Layer.provide(Vapi.layerConfig(options), node)
