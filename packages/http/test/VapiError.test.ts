import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import * as Transport from "../src/Transport.js"
import * as VapiClient from "../src/VapiClient.js"
import * as VapiError from "../src/VapiError.js"
import * as Fake from "./utils/fake.js"
import * as Ops from "./utils/ops.js"

const ctx: VapiError.RequestContext = { operation: "calls.create", method: "POST", url: "https://api.vapi.test/call" }

const status = (code: number, body: string, headers: Record<string, string> = {}, now = 0) =>
  VapiError.fromFailure(ctx, { _tag: "Status", status: code, headers, body, now })

const nest = (message: string | ReadonlyArray<string>, statusCode = 400) =>
  JSON.stringify({ message, error: "Bad Request", statusCode })

const request = HttpClientRequest.post("https://api.vapi.test/call")

// What `Transport.fromHttpClient` fails with when the platform client does.
const clientError = (error: HttpClientError.HttpClientError) =>
  VapiError.fromFailure(ctx, { _tag: "Transport", error: new Transport.SendError({ cause: error }), now: 0 })

const transportError = (cause: unknown) =>
  clientError(new HttpClientError.RequestError({ request, reason: "Transport", cause }))

describe("VapiError.fromFailure", () => {
  it("maps each status to its tag, with the context fields", () => {
    const table: ReadonlyArray<readonly [number, VapiError.VapiError["_tag"]]> = [
      [400, "BadRequest"],
      [401, "Unauthorized"],
      [402, "PaymentRequired"],
      [403, "Forbidden"],
      [404, "NotFound"],
      [409, "Conflict"],
      [422, "UnprocessableEntity"],
      [429, "RateLimited"],
      [500, "ServerError"],
      [502, "ServerError"],
      [503, "ServerError"],
      [599, "ServerError"],
      [408, "UnexpectedStatus"],
      [418, "UnexpectedStatus"],
      [302, "UnexpectedStatus"],
      [600, "UnexpectedStatus"]
    ]
    for (const [code, tag] of table) {
      const error = status(code, nest("nope", code))
      assert.strictEqual(error._tag, tag, `status ${code}`)
      assert.isTrue(VapiError.isStatusError(error))
      if (!VapiError.isStatusError(error)) continue
      assert.strictEqual(error.status, code)
      assert.strictEqual(error.operation, "calls.create")
      assert.strictEqual(error.method, "POST")
      assert.strictEqual(error.url, "https://api.vapi.test/call")
      assert.deepStrictEqual(error.messages, ["nope"])
      assert.include(error.message, `${code}`)
      assert.include(error.message, "calls.create")
      assert.instanceOf(error, Error)
      assert.isTrue(VapiError.isVapiError(error))
    }
  })

  it("reads NestJS message lists and strings", () => {
    const list = status(400, nest(["assistantId must be a string", "customer.number must match /^\\+/"]))
    assert.strictEqual(list._tag, "BadRequest")
    if (list._tag !== "BadRequest") return
    assert.deepStrictEqual(list.messages, ["assistantId must be a string", "customer.number must match /^\\+/"])
    assert.include(list.message, "assistantId must be a string; customer.number must match")
    const single = status(422, nest("name is too long", 422))
    assert.strictEqual(single._tag, "UnprocessableEntity")
    if (single._tag !== "UnprocessableEntity") return
    assert.deepStrictEqual(single.messages, ["name is too long"])
    const html = status(502, "<html><body>Bad gateway</body></html>")
    assert.strictEqual(html._tag, "ServerError")
    if (html._tag !== "ServerError") return
    assert.deepStrictEqual(html.messages, [])
    assert.strictEqual(html.body, "<html><body>Bad gateway</body></html>")
    assert.include(html.message, "Bad gateway")
  })

  it("cuts body excerpts to about 200 characters", () => {
    const error = status(500, "x".repeat(5000))
    assert.strictEqual(error._tag, "ServerError")
    if (error._tag !== "ServerError") return
    assert.strictEqual(error.body, `${"x".repeat(200)}…`)
  })

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const seconds = status(429, "", { "retry-after": "7" })
    assert.strictEqual(seconds._tag, "RateLimited")
    if (seconds._tag !== "RateLimited") return
    assert.deepStrictEqual(seconds.retryAfter, Option.some(Duration.seconds(7)))
    assert.include(seconds.message, "retry after 7s")
    const now = Date.parse("2024-10-23T10:00:00Z")
    const dated = status(429, "", { "retry-after": "Wed, 23 Oct 2024 10:00:30 GMT" }, now)
    assert.strictEqual(dated._tag, "RateLimited")
    if (dated._tag !== "RateLimited") return
    assert.deepStrictEqual(dated.retryAfter, Option.some(Duration.millis(30_000)))
    const past = status(503, "", { "retry-after": "Wed, 23 Oct 2024 09:00:00 GMT" }, now)
    assert.strictEqual(past._tag, "ServerError")
    if (past._tag !== "ServerError") return
    assert.deepStrictEqual(past.retryAfter, Option.some(Duration.zero))
    const garbage = status(429, "", { "retry-after": "soon" })
    assert.strictEqual(garbage._tag, "RateLimited")
    if (garbage._tag !== "RateLimited") return
    assert.isTrue(Option.isNone(garbage.retryAfter))
    assert.isTrue(Option.isNone(VapiError.parseRetryAfter(undefined, 0)))
  })

  it("tells refused from reset connections", () => {
    const refused = transportError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))
    assert.strictEqual(refused._tag, "TransportError")
    if (refused._tag !== "TransportError") return
    assert.strictEqual(refused.reason, "ConnectionRefused")
    assert.strictEqual(refused.detail, "connect ECONNREFUSED 127.0.0.1:1")
    const aggregate = transportError(
      Object.assign(new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })], ""), {})
    )
    assert.strictEqual(aggregate._tag === "TransportError" && aggregate.reason, "ConnectionRefused")
    const fetchStyle = transportError(new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }))
    assert.strictEqual(fetchStyle._tag === "TransportError" && fetchStyle.reason, "ConnectionReset")
    const hangUp = transportError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))
    assert.strictEqual(hangUp._tag === "TransportError" && hangUp.reason, "ConnectionReset")
    const dns = transportError(Object.assign(new Error("getaddrinfo ENOTFOUND api.vapi.test"), { code: "ENOTFOUND" }))
    assert.strictEqual(dns._tag === "TransportError" && dns.reason, "Other")
    assert.include(dns.message, "ENOTFOUND")
  })

  it("maps invalid URLs and failing body streams to RequestValidationError, unreadable bodies to ResponseDecodeError", () => {
    const invalidUrl = clientError(new HttpClientError.RequestError({ request, reason: "InvalidUrl", cause: new TypeError("Invalid URL") }))
    assert.strictEqual(invalidUrl._tag, "RequestValidationError")
    assert.strictEqual(invalidUrl._tag === "RequestValidationError" && invalidUrl.path, "url")
    const encode = clientError(new HttpClientError.RequestError({ request, reason: "Encode", cause: new Error("disk on fire") }))
    assert.strictEqual(encode._tag === "RequestValidationError" && encode.issue, "disk on fire")
    const response = HttpClientResponse.fromWeb(request, new Response("", { status: 200 }))
    const unreadable = clientError(new HttpClientError.ResponseError({ request, response, reason: "Decode", cause: new Error("aborted") }))
    assert.strictEqual(unreadable._tag, "ResponseDecodeError")
    if (unreadable._tag !== "ResponseDecodeError") return
    assert.strictEqual(unreadable.status, 200)
    assert.include(unreadable.issue, "aborted")
  })

  it("scrubs the secrets given by the context from every text it keeps", () => {
    const scrubbing = { ...ctx, scrub: (text: string) => text.split("sk_secret").join("<redacted>") }
    const error = VapiError.fromFailure(scrubbing, {
      _tag: "Status",
      status: 401,
      headers: {},
      body: nest(["Invalid key sk_secret"], 401),
      now: 0
    })
    assert.strictEqual(error._tag, "Unauthorized")
    if (error._tag !== "Unauthorized") return
    assert.deepStrictEqual(error.messages, ["Invalid key <redacted>"])
    assert.notInclude(error.body, "sk_secret")
  })

  it("renders errors readably", () => {
    const timeout = new VapiError.Timeout({ ...ctx, kind: "attempt", duration: Duration.seconds(30) })
    assert.strictEqual(timeout.message, "[calls.create] POST https://api.vapi.test/call -> timed out after 30s (attempt timeout)")
    assert.strictEqual(String(timeout), `Timeout: ${timeout.message}`)
    const invalid = new VapiError.RequestValidationError({ ...ctx, path: "body.customer.number", issue: "Expected a string" })
    assert.strictEqual(
      invalid.message,
      "[calls.create] POST https://api.vapi.test/call -> invalid input at body.customer.number: Expected a string"
    )
    assert.isFalse(VapiError.isVapiError(new Error("other")))
    assert.isFalse(VapiError.isVapiError({ _tag: "Timeout" }))
  })
})

describe("errors through VapiClient.execute", () => {
  it.effect("every status error carries the operation, method, URL and messages", () => {
    const fake = Fake.layer((request) => {
      const code = Number(request.url.searchParams.get("limit"))
      return Fake.json(code, { message: [`status ${code}`], error: "x", statusCode: code }, { "retry-after": "3" })
    })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const codes = [400, 401, 402, 403, 404, 409, 422, 429, 500, 503, 418]
      const errors = yield* Effect.forEach(codes, (limit) => Effect.flip(client.execute(Ops.CallsList, { query: { limit } })))
      assert.deepStrictEqual(errors.map((e) => e._tag), [
        "BadRequest",
        "Unauthorized",
        "PaymentRequired",
        "Forbidden",
        "NotFound",
        "Conflict",
        "UnprocessableEntity",
        "RateLimited",
        "ServerError",
        "ServerError",
        "UnexpectedStatus"
      ])
      errors.forEach((error, i) => {
        assert.strictEqual(error.operation, "calls.list")
        assert.strictEqual(error.method, "GET")
        assert.strictEqual(error.url, `${Fake.BASE_URL}/call?limit=${codes[i]}`)
        assert.isTrue(VapiError.isStatusError(error))
        if (VapiError.isStatusError(error)) assert.deepStrictEqual(error.messages, [`status ${codes[i]}`])
      })
      const limited = errors[7]
      assert.isTrue(limited._tag === "RateLimited" && Option.isSome(limited.retryAfter))
    }).pipe(Effect.provide(fake.layer))
  })

  it.effect("Timeout carries its kind and duration", () => {
    const fake = Fake.layer(() => ({ _tag: "Hang" }), { timeout: { attempt: "2 seconds", total: "1 minute" } })
    return Effect.gen(function*() {
      const client = yield* VapiClient.VapiClient
      const fiber = yield* Effect.fork(Effect.flip(client.execute(Ops.CallsGet, { path: { id: "c1" } })))
      yield* TestClock.adjust("2 seconds")
      const error = yield* fiber.await.pipe(Effect.flatten)
      assert.strictEqual(error._tag, "Timeout")
      if (error._tag !== "Timeout") return
      assert.strictEqual(error.kind, "attempt")
      assert.deepStrictEqual(error.duration, Duration.seconds(2))
      assert.strictEqual(error.url, `${Fake.BASE_URL}/call/c1`)
    }).pipe(Effect.provide(fake.layer))
  })
})
