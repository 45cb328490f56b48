/**
 * A fake `HttpClient` that records every request and answers from a script.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as Retry from "../../src/Retry.js"
import * as VapiClient from "../../src/VapiClient.js"

export const API_KEY = "sk_test_fake_0123456789"
export const BASE_URL = "https://api.vapi.test"

export interface Recorded {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
  readonly signal: AbortSignal
}

export type Reply =
  | { readonly _tag: "Response"; readonly status: number; readonly body?: string; readonly headers?: Record<string, string> }
  | { readonly _tag: "Transport"; readonly code: string; readonly message: string }
  | { readonly _tag: "Hang" }

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  _tag: "Response",
  status,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers }
})

export const text = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  _tag: "Response",
  status,
  body,
  headers
})

export const transport = (code: string): Reply => ({ _tag: "Transport", code, message: `connect ${code} 10.0.0.1:443` })

const bodyBytes = (request: HttpClientRequest.HttpClientRequest): Effect.Effect<Uint8Array> => {
  const body = request.body
  switch (body._tag) {
    case "Uint8Array":
      return Effect.succeed(body.body)
    case "Stream":
      return Stream.runCollect(body.stream).pipe(
        Effect.map((chunks) => Buffer.concat(Chunk.toReadonlyArray(chunks))),
        Effect.orDie
      )
    default:
      return Effect.succeed(new Uint8Array())
  }
}

/**
 * A fake client: `respond` gets each request and its index (0-based) and returns the reply.
 */
export const make = (respond: (request: Recorded, index: number) => Reply) => {
  const requests: Array<Recorded> = []
  const client = HttpClient.make((request, url, signal) =>
    Effect.flatMap(bodyBytes(request), (body) => {
      const recorded: Recorded = { method: request.method, url, headers: request.headers, body, signal }
      const index = requests.length
      requests.push(recorded)
      const reply = respond(recorded, index)
      switch (reply._tag) {
        case "Hang":
          return Effect.never
        case "Transport":
          return Effect.fail(
            new HttpClientError.RequestError({
              request,
              reason: "Transport",
              cause: Object.assign(new Error(reply.message), { code: reply.code })
            })
          )
        case "Response": {
          const nullBody = reply.status === 204 || reply.status === 304
          return Effect.succeed(HttpClientResponse.fromWeb(
            request,
            new Response(nullBody ? null : reply.body ?? "", { status: reply.status, headers: reply.headers ?? {} })
          ))
        }
      }
    })
  )
  return { client, requests }
}

/** The fake as an `HttpClient` layer plus a `VapiClient` on it (no retries unless told). */
export const layer = (
  respond: (request: Recorded, index: number) => Reply,
  options: Partial<VapiClient.Options> = {}
) => {
  const fake = make(respond)
  const live = VapiClient.layer({
    apiKey: Redacted.make(API_KEY),
    baseUrl: BASE_URL,
    retry: Retry.none,
    ...options
  }).pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, fake.client)))
  return { layer: live, requests: fake.requests }
}

export const utf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)
