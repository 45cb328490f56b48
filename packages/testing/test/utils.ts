import { assert } from "@effect/vitest"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as MockServer from "../src/MockServer.js"

/** A server and a Node HTTP client (no keep-alive, so resets and hangs stay per request). */
export const serverLayer = (options: MockServer.Options = {}) =>
  Layer.merge(
    MockServer.layer(options),
    NodeHttpClient.layerWithoutAgent.pipe(Layer.provide(NodeHttpClient.makeAgentLayer({ keepAlive: false })))
  )

export interface Sent {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
  readonly json: unknown
}

export interface SendOptions {
  readonly body?: unknown
  /** `null` sends no Authorization header; a string replaces the server's key. */
  readonly token?: string | null
  readonly formData?: FormData
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Sends a raw request to the server under test. */
export const send = (method: "GET" | "POST" | "PATCH" | "DELETE", path: string, options: SendOptions = {}) =>
  Effect.gen(function*() {
    const server = yield* MockServer.MockServer
    const client = yield* HttpClient.HttpClient
    let request = HttpClientRequest.make(method)(`${server.url}${path}`)
    if (options.token !== null) {
      request = HttpClientRequest.bearerToken(request, options.token ?? Redacted.value(server.apiKey))
    }
    if (options.body !== undefined) request = HttpClientRequest.bodyUnsafeJson(request, options.body)
    if (options.formData !== undefined) request = HttpClientRequest.bodyFormData(request, options.formData)
    const response = yield* client.execute(request)
    const text = yield* response.text
    return { status: response.status, headers: response.headers, text, json: parse(text) } satisfies Sent
  })

/** Reads a field of a JSON object answer. */
export const field = (json: unknown, key: string): unknown =>
  typeof json === "object" && json !== null ? Object.entries(json).find(([k]) => k === key)?.[1] : undefined

/** The elements of a JSON array answer (fails the test otherwise). */
export const items = (json: unknown): ReadonlyArray<unknown> => {
  if (!Array.isArray(json)) assert.fail(`expected an array, got ${JSON.stringify(json)}`)
  return json
}
