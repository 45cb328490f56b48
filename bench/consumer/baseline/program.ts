// Type-check probe: the same consumer with effect + @effect/platform only (no SDK): the baseline.
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Effect, Option, Schema, Stream } from "effect"

const Call = Schema.Struct({ id: Schema.String, status: Schema.optional(Schema.String), createdAt: Schema.Date })
const Log = Schema.Struct({ type: Schema.String, time: Schema.Number })

const program = Effect.gen(function*() {
  const client = (yield* HttpClient.HttpClient).pipe(HttpClient.mapRequest(HttpClientRequest.bearerToken("sk_test")))
  const recent = yield* client.get("https://api.vapi.ai/call", { urlParams: { limit: 10 } }).pipe(
    Effect.flatMap(HttpClientResponse.schemaBodyJson(Schema.Array(Call)))
  )
  const call = yield* HttpClientRequest.post("https://api.vapi.ai/call").pipe(
    HttpClientRequest.bodyUnsafeJson({ assistantId: "asst_1", customer: { number: "+15550100" } }),
    client.execute,
    Effect.flatMap(HttpClientResponse.schemaBodyJson(Call))
  )
  yield* Stream.paginateEffect(1, (page) =>
    client.get("https://api.vapi.ai/logs", { urlParams: { page, callId: call.id } }).pipe(
      Effect.flatMap(HttpClientResponse.schemaBodyJson(Schema.Struct({ results: Schema.Array(Log) }))),
      Effect.map((body) => [body.results, body.results.length === 0 ? Option.none() : Option.some(page + 1)] as const)
    )).pipe(Stream.flattenIterables, Stream.runForEach((log) => Effect.log(log.type)))
  return recent.map((c) => c.status)
})

export const main = program.pipe(Effect.provide(FetchHttpClient.layer))
