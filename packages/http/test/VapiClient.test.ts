import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import packageJson from "../package.json" with { type: "json" }
import * as Multipart from "../src/Multipart.js"
import * as VapiClient from "../src/VapiClient.js"
import * as Fake from "./utils/fake.js"
import * as Ops from "./utils/ops.js"
import * as TestTracer from "./utils/tracer.js"

const call = Fake.json(200, Ops.callJson("call_1"))

// Compile-time checks of `Input`: never run, checked by `pnpm check`.
export const typeChecks = (client: VapiClient.Service) => [
  client.execute(Ops.CallsGet, { path: { id: "call_1" } }),
  // @ts-expect-error the path is required for an operation with path parameters
  client.execute(Ops.CallsGet, {}),
  // @ts-expect-error unknown path parameter
  client.execute(Ops.CallsGet, { path: { callId: "x" } }),
  client.execute(Ops.CallsCreate, { body: { assistantId: "asst_1" } }),
  // @ts-expect-error the body must match the body schema's Type
  client.execute(Ops.CallsCreate, { body: { assistantId: 1 } }),
  // @ts-expect-error a JSON operation does not take a multipart body
  client.execute(Ops.CallsCreate, { body: Multipart.make([]) }),
  client.execute(Ops.CallsList, { query: { createdAtGt: new Date(), ids: ["a"] } }),
  // @ts-expect-error dates are `Date`s in the query Type
  client.execute(Ops.CallsList, { query: { createdAtGt: "2024-01-01" } }),
  // @ts-expect-error no body for a GET without a body schema
  client.execute(Ops.CallsList, { body: {} }),
  client.execute(Ops.FilesCreate, { body: Multipart.make([Multipart.field("a", "b")]) }),
  client.execute(Ops.AssistantsGet, { path: { id: "asst_1" } })
] as const

describe("VapiClient", () => {
  it.effect("sends auth, accept, user agent and the JSON body encoded through the body schema", () => {
    const fake = Fake.layer(() => call)
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const result = yield* client.execute(Ops.CallsCreate, {
        body: { assistantId: "asst_1", customer: { number: "+15550100" }, scheduledAt: new Date("2024-10-02T03:04:05Z") }
      })
      assert.strictEqual(result.id, "call_1")
      assert.instanceOf(result.createdAt, Date)
      assert.strictEqual(result.createdAt.toISOString(), "2024-10-01T12:00:00.000Z")
      assert.strictEqual(fake.requests.length, 1)
      const [request] = fake.requests
      assert.strictEqual(request.method, "POST")
      assert.strictEqual(request.url.toString(), `${Fake.BASE_URL}/call`)
      assert.strictEqual(request.headers["authorization"], `Bearer ${Fake.API_KEY}`)
      assert.strictEqual(request.headers["accept"], "application/json")
      assert.strictEqual(request.headers["user-agent"], `vapi-effect/${packageJson.version} (effect)`)
      assert.strictEqual(request.headers["content-type"], "application/json")
      // The request runs inside the operation's span, whose trace context is not sent to Vapi.
      assert.deepStrictEqual(Object.keys(request.headers).filter((name) => ["traceparent", "b3"].includes(name)), [])
      assert.deepStrictEqual(JSON.parse(Fake.utf8(request.body)), {
        assistantId: "asst_1",
        customer: { number: "+15550100" },
        scheduledAt: "2024-10-02T03:04:05.000Z"
      })
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("encodes the query: dates as ISO strings, arrays as repeated keys, undefined omitted", () => {
    const fake = Fake.layer(() => Fake.json(200, [Ops.callJson("a"), Ops.callJson("b")]))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const calls = yield* client.execute(Ops.CallsList, {
        query: {
          assistantId: "asst 1&x",
          limit: 10,
          createdAtGt: new Date("2024-10-01T00:00:00Z"),
          ids: ["a", "b"],
          archived: false,
          createdAtLe: undefined
        }
      })
      assert.deepStrictEqual(calls.map((c) => c.id), ["a", "b"])
      const url = fake.requests[0].url
      assert.strictEqual(url.pathname, "/call")
      assert.deepStrictEqual([...url.searchParams.entries()], [
        ["assistantId", "asst 1&x"],
        ["limit", "10"],
        ["createdAtGt", "2024-10-01T00:00:00.000Z"],
        ["ids", "a"],
        ["ids", "b"],
        ["archived", "false"]
      ])
      assert.isFalse(url.searchParams.has("createdAtLe"))
      assert.strictEqual(fake.requests[0].body.length, 0)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("sends Date values left by the query schema (DateFromSelf) as ISO strings; rejects nested objects", () => {
    const fake = Fake.layer(() => Fake.json(200, []))
    const op = {
      ...Ops.CallsList,
      query: Schema.Struct({ at: Schema.DateFromSelf, filter: Schema.optional(Schema.Struct({ a: Schema.String })) })
    }
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      yield* client.execute(op, { query: { at: new Date("2024-10-01T00:00:00Z") } })
      assert.strictEqual(fake.requests[0].url.search, "?at=2024-10-01T00%3A00%3A00.000Z")
      const error = yield* Effect.flip(client.execute(op, { query: { at: new Date(0), filter: { a: "x" } } }))
      assert.strictEqual(error._tag, "RequestValidationError")
      assert.isTrue(error._tag === "RequestValidationError" && error.path === "query.filter")
      assert.strictEqual(fake.requests.length, 1)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("URL-encodes path parameters", () => {
    const fake = Fake.layer(() => call)
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      yield* client.execute(Ops.CallsGet, { path: { id: "a/b c?d#e" } })
      assert.strictEqual(fake.requests[0].url.pathname, "/call/a%2Fb%20c%3Fd%23e")
      assert.strictEqual(fake.requests[0].url.search, "")
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("rejects invalid input with a RequestValidationError naming the path, sending nothing", () => {
    const fake = Fake.layer(() => call)
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const error = yield* Effect.flip(
        client.execute(Ops.CallsCreate, { body: { assistantId: "asst_1", customer: { number: "555-0100" } } })
      )
      assert.strictEqual(error._tag, "RequestValidationError")
      if (error._tag !== "RequestValidationError") return
      assert.strictEqual(error.path, "body.customer.number")
      assert.strictEqual(error.operation, "calls.create")
      assert.strictEqual(error.method, "POST")
      assert.strictEqual(error.url, `${Fake.BASE_URL}/call`)
      assert.include(error.message, "body.customer.number")
      const empty = yield* Effect.flip(client.execute(Ops.AssistantsGet, { path: { id: "" } }))
      assert.strictEqual(empty._tag, "RequestValidationError")
      assert.include(empty.message, "path.id")
      assert.strictEqual(empty.url, `${Fake.BASE_URL}/assistant/{id}`)
      const missing = yield* Effect.flip(client.execute(Ops.AssistantsGet, {}))
      assert.include(missing.message, "path.id")
      const badDate = yield* Effect.flip(client.execute(Ops.CallsList, { query: { createdAtGt: new Date("nope") } }))
      assert.strictEqual(badDate._tag, "RequestValidationError")
      assert.include(badDate.message, "query.createdAtGt")
      assert.strictEqual(fake.requests.length, 0)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("rejects an id that is not one path segment (\".\", \"..\", a lone surrogate), sending nothing", () => {
    const fake = Fake.layer(() => call)
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      for (const [id, why] of [[".", "must not be \".\""], ["..", "must not be \"..\""], ["c\uD800", "lone surrogate"]]) {
        // A defect (what a lone surrogate was) would fail the test here rather than come out as the error.
        const error = yield* Effect.flip(client.execute(Ops.CallsDelete, { path: { id } }))
        assert.isTrue(error._tag === "RequestValidationError" && error.path === "path.id", `${id}: ${error._tag}`)
        assert.include(error.message, why)
      }
      // Anything else is one segment, encoded.
      yield* client.execute(Ops.CallsDelete, { path: { id: "a/../b" } })
      assert.deepStrictEqual(fake.requests.map((r) => String(r.url)), [`${Fake.BASE_URL}/call/a%2F..%2Fb`])
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("decodes responses, dropping unknown fields", () => {
    const fake = Fake.layer(() =>
      Fake.json(200, Ops.callJson("call_1", { futureField: { nested: true }, messages: [{ role: "user", message: "hi" }] }))
    )
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const result = yield* client.execute(Ops.CallsGet, { path: { id: "call_1" } })
      assert.deepStrictEqual(result, {
        id: "call_1",
        createdAt: new Date("2024-10-01T12:00:00.000Z"),
        messages: [{ role: "user", message: "hi" }]
      })
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("fails with ResponseDecodeError naming the path inside the body", () => {
    const messages = [{ role: "user", message: "a" }, { role: "user", message: "b" }, { role: "user", message: "c" }, {
      role: "tool",
      message: "d"
    }]
    const fake = Fake.layer(() => Fake.json(200, Ops.callJson("call_1", { messages, padding: "x".repeat(500) })))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "call_1" } }))
      assert.strictEqual(error._tag, "ResponseDecodeError")
      if (error._tag !== "ResponseDecodeError") return
      assert.strictEqual(error.path, "messages[3].role")
      assert.strictEqual(error.status, 200)
      assert.strictEqual(error.operation, "calls.get")
      assert.strictEqual(error.url, `${Fake.BASE_URL}/call/call_1`)
      assert.include(error.issue, "\"tool\"")
      assert.isAtMost(error.body.length, 201)
      assert.isTrue(error.body.startsWith("{\"id\":\"call_1\""))
      assert.include(error.message, "messages[3].role")
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("fails with ResponseDecodeError on a non-JSON 2xx body", () => {
    const fake = Fake.layer(() => Fake.text(200, "<html>gateway</html>"))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "call_1" } }))
      assert.strictEqual(error._tag, "ResponseDecodeError")
      if (error._tag !== "ResponseDecodeError") return
      assert.include(error.issue, "not valid JSON")
      assert.strictEqual(error.body, "<html>gateway</html>")
      assert.strictEqual(error.path, "")
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("accepts an empty 2xx body when the success schema accepts undefined", () => {
    const fake = Fake.layer((request) => request.url.pathname === "/ping" ? Fake.text(204, "") : Fake.text(200, ""))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const result = yield* client.execute(Ops.Ping, {})
      assert.isUndefined(result)
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c" } }))
      assert.strictEqual(error._tag, "ResponseDecodeError")
      assert.strictEqual(fake.requests.length, 2)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("applies baseUrl (trailing slash dropped), extra headers and transformClient", () => {
    const fake = Fake.layer(() => call, {
      baseUrl: "https://eu.vapi.test/v1/",
      headers: { "x-team": "voice", "user-agent": "custom/1.0" },
      transformClient: HttpClient.mapRequest(HttpClientRequest.setHeader("x-transformed", "yes"))
    })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      yield* client.execute(Ops.CallsGet, { path: { id: "c1" } })
      const [request] = fake.requests
      assert.strictEqual(request.url.toString(), "https://eu.vapi.test/v1/call/c1")
      assert.strictEqual(request.headers["x-team"], "voice")
      assert.strictEqual(request.headers["user-agent"], "custom/1.0")
      assert.strictEqual(request.headers["x-transformed"], "yes")
      assert.strictEqual(request.headers["authorization"], `Bearer ${Fake.API_KEY}`)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("sends a multipart body for a multipart operation and rejects anything else", () => {
    const fake = Fake.layer(() => Fake.json(201, { id: "file_1", name: "a.txt", bytes: 5 }))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const body = Multipart.make([Multipart.file({ filename: "a.txt", contentType: "text/plain", content: new TextEncoder().encode("hello") })])
      const file = yield* client.execute(Ops.FilesCreate, { body })
      assert.deepStrictEqual(file, { id: "file_1", name: "a.txt", bytes: 5 })
      const [request] = fake.requests
      const contentType = request.headers["content-type"] ?? ""
      const boundary = contentType.replace("multipart/form-data; boundary=", "")
      assert.match(boundary, /^----vapi-effect-[0-9a-f]{24}$/)
      assert.strictEqual(
        Fake.utf8(request.body),
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n` +
          `Content-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`
      )
      assert.strictEqual(request.headers["content-length"], String(request.body.length))
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("rejects a missing or hand-built multipart body before sending (descriptor from Operation.make)", () => {
    const fake = Fake.layer(() => Fake.json(201, { id: "file_1", name: "a.txt", bytes: 5 }))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const error = yield* Effect.flip(client.execute(Ops.FilesCreateLoose, {}))
      assert.strictEqual(error._tag, "RequestValidationError")
      if (error._tag !== "RequestValidationError") return
      assert.strictEqual(error.path, "body")
      assert.include(error.message, "multipart")
      // The shape of a body without `Multipart.make`: it has no encoder, so it is refused too.
      const handBuilt: Multipart.Body = { [Multipart.TypeId]: Multipart.TypeId, parts: [Multipart.field("a", "b")] }
      const refused = yield* Effect.flip(client.execute(Ops.FilesCreateLoose, { body: handBuilt }))
      assert.isTrue(refused._tag === "RequestValidationError" && refused.path === "body")
      assert.strictEqual(fake.requests.length, 0)
      const file = yield* client.execute(Ops.FilesCreateLoose, { body: Multipart.make([Multipart.field("a", "b")]) })
      assert.strictEqual(file.id, "file_1")
      assert.strictEqual(fake.requests.length, 1)
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("layerConfig reads VAPI_API_KEY and VAPI_BASE_URL", () => {
    const fake = Fake.make(() => call)
    const provider = ConfigProvider.fromMap(new Map([["VAPI_API_KEY", "sk_from_config"], ["VAPI_BASE_URL", "http://local.test"]]))
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      yield* client.execute(Ops.CallsGet, { path: { id: "c1" } })
      assert.strictEqual(fake.requests[0].url.toString(), "http://local.test/call/c1")
      assert.strictEqual(fake.requests[0].headers["authorization"], "Bearer sk_from_config")
    }).pipe(
      Effect.provide(VapiClient.layerConfig().pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, fake.client)))),
      Effect.withConfigProvider(provider)
    )
  })

  it.effect("layerConfig defaults the base URL and fails without a key", () => {
    const fake = Fake.make(() => call)
    const clientLayer = VapiClient.layerConfig().pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, fake.client)))
    return Effect.gen(function*() {
      const client = yield* Effect.provide(VapiClient.VapiClient, clientLayer).pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["VAPI_API_KEY", "k"]])))
      )
      yield* client.execute(Ops.CallsGet, { path: { id: "c1" } })
      assert.strictEqual(fake.requests[0].url.origin, VapiClient.defaultBaseUrl)
      const missing = yield* Effect.flip(
        Effect.provide(VapiClient.VapiClient, clientLayer).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map())))
      )
      assert.include(String(missing), "VAPI_API_KEY")
    })
  })

  it.effect("opens one span per operation with its attributes, the platform span as a child", () => {
    const fake = Fake.layer((request) =>
      request.url.pathname.endsWith("/missing") ? Fake.json(404, { message: "Call not found" }) : call
    )
    const recorder = TestTracer.make()
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      yield* client.execute(Ops.CallsGet, { path: { id: "call_42" } })
      const span = recorder.spans.find((s) => s.name === "Vapi.calls.get")
      assert.isDefined(span)
      if (span === undefined) return
      assert.strictEqual(span.kind, "client")
      assert.strictEqual(span.attributes.get("vapi.operation"), "calls.get")
      assert.strictEqual(span.attributes.get("http.request.method"), "GET")
      assert.strictEqual(span.attributes.get("url.template"), "/call/{id}")
      assert.strictEqual(span.attributes.get("vapi.path.id"), "call_42")
      assert.strictEqual(span.attributes.get("http.response.status_code"), 200)
      assert.strictEqual(span.attributes.get("vapi.attempts"), 1)
      // It ends as a success without holding the decoded response; a failure ends it with its cause.
      assert.deepStrictEqual(span.exit, Option.some(Exit.void))
      const error = yield* Effect.flip(client.execute(Ops.CallsGet, { path: { id: "missing" } }))
      const failed = recorder.spans.find((s) => s.name === "Vapi.calls.get" && s.attributes.get("vapi.path.id") === "missing")
      assert.deepStrictEqual(failed?.exit, Option.some(Exit.fail(error)))
      const child = recorder.spans.find((s) => s.name === "http.client GET")
      assert.isDefined(child)
      if (child === undefined) return
      assert.strictEqual(Option.getOrUndefined(Option.map(child.parent, (p) => p.spanId)), span.spanId)
      assert.notInclude(String(child.attributes.get("http.request.header.authorization")), Fake.API_KEY)
      assert.strictEqual(String(child.attributes.get("http.request.header.authorization")), "<redacted>")
      const values = recorder.spans.flatMap((s) => [...s.attributes.values()].map(String))
      assert.isFalse(values.some((value) => value.includes(Fake.API_KEY)))
    }).pipe(Effect.provide(fake.layer), Effect.withTracer(recorder.tracer))
  })

  it.effect("ends the span of an interrupted operation with the interruption", () => {
    const fake = Fake.layer(() => ({ _tag: "Hang" }))
    const recorder = TestTracer.make()
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(client.execute(Ops.CallsGet, { path: { id: "call_1" } }))
      yield* Effect.yieldNow().pipe(Effect.repeat({ until: () => fake.requests.length > 0, times: 100 }))
      assert.strictEqual(fake.requests.length, 1)
      const span = recorder.spans.find((s) => s.name === "Vapi.calls.get")
      assert.isTrue(span !== undefined && Option.isNone(span.exit))
      yield* Fiber.interrupt(fiber)
      const exit = span?.exit
      assert.isTrue(exit !== undefined && Option.isSome(exit) && Exit.isInterrupted(exit.value))
    }).pipe(Effect.provide(fake.layer), Effect.withTracer(recorder.tracer))
  })

  it("exposes the version and user agent", () => {
    assert.strictEqual(VapiClient.version, packageJson.version)
    assert.strictEqual(VapiClient.userAgent, `vapi-effect/${packageJson.version} (effect)`)
  })
})
