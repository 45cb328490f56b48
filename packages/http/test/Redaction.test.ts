/**
 * THE REDACTION TEST: every kind of error, triggered with a distinctive API key against a server that echoes
 * the Authorization header back; the key must appear in no message, serialisation, rendering, log line or
 * span attribute.
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { inspect } from "node:util"
import * as Multipart from "../src/Multipart.js"
import * as Retry from "../src/Retry.js"
import * as VapiClient from "../src/VapiClient.js"
import type * as VapiError from "../src/VapiError.js"
import * as Ops from "./utils/ops.js"
import * as Server from "./utils/server.js"
import * as TestTracer from "./utils/tracer.js"

const KEY = "sk_live_CANARY_9f8e7d6c5b4a3210"

const allTags: ReadonlyArray<VapiError.VapiError["_tag"]> = [
  "BadRequest",
  "Unauthorized",
  "PaymentRequired",
  "Forbidden",
  "NotFound",
  "Conflict",
  "UnprocessableEntity",
  "RateLimited",
  "ServerError",
  "UnexpectedStatus",
  "TransportError",
  "Timeout",
  "RequestValidationError",
  "ResponseDecodeError"
]

const echoServer = Effect.gen(function*() {
  const authorizations: Array<string> = []
  const server = yield* Server.start((request) =>
    Effect.gen(function*() {
      const auth = request.headers["authorization"] ?? ""
      authorizations.push(auth)
      const path = new URL(request.url, "http://127.0.0.1").pathname
      const status = /^\/call\/status-(\d+)$/.exec(path)
      if (status !== null) {
        const code = Number(status[1])
        return HttpServerResponse.unsafeJson(
          { message: [`you sent ${auth}`, auth], error: `key ${auth}`, statusCode: code },
          { status: code, headers: { "retry-after": "0", "x-echo": auth } }
        )
      }
      switch (path) {
        case "/call/decode":
          return HttpServerResponse.unsafeJson({ id: 42, createdAt: auth, note: auth })
        case "/call/notjson":
          return HttpServerResponse.text(`<html>${auth}</html>`)
        case "/call/reset":
          return yield* Effect.sync(() => NodeHttpServerRequest.toServerResponse(request).socket?.destroy()).pipe(
            Effect.zipRight(Effect.interruptible(Effect.never)),
            Effect.as(HttpServerResponse.empty())
          )
        default:
          return yield* Effect.interruptible(Effect.never)
      }
    })
  )
  return { server, authorizations }
})

describe("redaction", () => {
  it.scopedLive("the API key appears in no error, log line or span", () => {
    const lines: Array<string> = []
    const logger = Logger.make((options) => {
      lines.push(Logger.logfmtLogger.log(options))
      lines.push(Logger.structuredLogger.log(options) === undefined ? "" : JSON.stringify(Logger.structuredLogger.log(options)))
    })
    const recorder = TestTracer.make()
    return Effect.gen(function*() {
      // The test server's own spans would record the echo: only the client's spans are under test.
      const { authorizations, server } = yield* Effect.withTracerEnabled(echoServer, false)
      const refusedPort = yield* Server.closedPort
      const clientOf = (baseUrl: string) =>
        Server.build(
          VapiClient.layer({
            apiKey: Redacted.make(KEY),
            baseUrl,
            retry: Retry.make({ maxRetries: 1, baseDelay: "5 millis" }),
            timeout: { attempt: "2 seconds", total: "5 seconds" }
          }).pipe(Layer.provide(NodeHttpClient.layer))
        )
      const client = yield* clientOf(server.baseUrl)
      const refused = yield* clientOf(`http://127.0.0.1:${refusedPort}`)
      const get = (id: string) => client.execute(Ops.CallsGet, { path: { id } })
      const leakyStream = Stream.concat(Stream.make(new Uint8Array([1])), Stream.fail(new Error(`cannot read ${KEY}`)))
      // The key across the 200th character, where messages are cut: scrubbed before the cut, none of it shows.
      const longLeak = Stream.fail(new Error(`cannot read ${"p".repeat(166)} with ${KEY}`))

      const attempts: ReadonlyArray<Effect.Effect<unknown, VapiError.VapiError>> = [
        ...[400, 401, 402, 403, 404, 409, 422, 429, 500, 503, 418].map((code) => get(`status-${code}`)),
        get("decode"),
        get("notjson"),
        get("reset"),
        refused.execute(Ops.CallsCreate, { body: { assistantId: "a" } }),
        get("hang").pipe(VapiClient.withTimeout({ attempt: "150 millis" })),
        get("hang").pipe(VapiClient.withTimeout({ attempt: "10 seconds", total: "150 millis" })),
        client.execute(Ops.CallsCreate, { body: { assistantId: "a", customer: { number: "bad" } } }),
        client.execute(Ops.CallsList, { query: { createdAtGt: new Date(Number.NaN) } }),
        client.execute(Ops.FilesCreate, {
          body: Multipart.make([Multipart.file({ filename: "a", content: leakyStream })])
        }),
        client.execute(Ops.FilesCreate, {
          body: Multipart.make([Multipart.file({ filename: "a", content: longLeak })])
        })
      ]
      const errors = yield* Effect.forEach(attempts, (attempt) =>
        Effect.flip(attempt).pipe(Effect.tap((error) => Effect.logError("request failed", Cause.fail(error)))))

      // The key really was in play: sent on the wire and echoed back in bodies and headers.
      assert.isTrue(authorizations.length > 10)
      assert.isTrue(authorizations.every((auth) => auth === `Bearer ${KEY}`))
      assert.deepStrictEqual([...new Set(errors.map((error) => error._tag))].sort(), [...allTags].sort())

      const renderings = errors.flatMap((error) => [
        error.message,
        JSON.stringify(error),
        String(error),
        Cause.pretty(Cause.fail(error)),
        inspect(error, { depth: 10 }),
        error.stack ?? ""
      ])
      const spanTexts = recorder.spans.flatMap((span) => [
        span.name,
        ...[...span.attributes.entries()].map(([key, value]) => `${key}=${String(value)}`),
        ...span.events.map(([name, attributes]) => `${name} ${JSON.stringify(attributes)}`),
        Option.match(span.exit, {
          onNone: () => "",
          onSome: (exit) => (exit._tag === "Failure" ? Cause.pretty(exit.cause) : "")
        })
      ])
      assert.isTrue(recorder.spans.some((span) => span.attributes.has("http.request.header.authorization")))
      assert.isTrue(recorder.spans.some((span) => span.attributes.has("http.response.header.x-echo")))
      assert.isFalse(recorder.spans.some((span) => span.name.startsWith("http.server")))
      assert.isTrue(lines.some((line) => line.includes("retry")), "retries were logged")
      assert.isTrue(lines.length >= errors.length)
      for (const text of [...renderings, ...spanTexts, ...lines]) {
        assert.notInclude(text, KEY)
        assert.notInclude(text, KEY.slice(0, 16))
      }
      const echoed = errors.find((error) => error._tag === "BadRequest")
      assert.isTrue(echoed?._tag === "BadRequest" && echoed.messages.includes("Bearer <redacted>"))
    }).pipe(
      Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
      Logger.withMinimumLogLevel(LogLevel.Debug),
      Effect.withTracer(recorder.tracer)
    )
  })
})
