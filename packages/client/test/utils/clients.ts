/**
 * The real HTTP stacks the wire tests run over: `Node.layer` (NodeTransport, with the undici `HttpClient` for
 * uploads), `Vapi.layer` over the platform's undici and fetch `HttpClient`s, and `Fetch.layer` (FetchTransport, with
 * the fetch `HttpClient` for uploads).
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Layer from "effect/Layer"
import * as Fetch from "../../src/Fetch.js"
import * as Node from "../../src/Node.js"
import * as Vapi from "../../src/Vapi.js"

/** Builds the nine services and their client from the client's options. */
export type Stack = (options: VapiClient.Options) => Layer.Layer<Vapi.Services | VapiClient.VapiClient>

const over = (http: Layer.Layer<HttpClient.HttpClient>): Stack => (options) =>
  Vapi.layer(options).pipe(Layer.provide(http))

export const all: ReadonlyArray<readonly [string, Stack]> = [
  ["Node.layer", Node.layer],
  ["undici", over(NodeHttpClient.layerUndici)],
  ["fetch", over(FetchHttpClient.layer)],
  ["FetchTransport", Fetch.layer]
]
