import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { AnalyticsGet } from "../src/Analytics.js"
import { AssistantsCreate, AssistantsList, AssistantsListParams } from "../src/Assistants.js"
import { CallsCreate, CallsListParams } from "../src/Calls.js"
import * as Fallback from "../src/Fallback.js"
import { LogsGetParams } from "../src/Logs.js"
import { PhoneNumbersCreate } from "../src/PhoneNumbers.js"
import { ToolsCreate } from "../src/Tools.js"

const failure = <A, I>(schema: Schema.Schema<A, I>, direction: "decode" | "encode", input: unknown): string => {
  const result: Either.Either<unknown, ParseResult.ParseError> = direction === "decode" ?
    Schema.decodeUnknownEither(schema, { errors: "all" })(input) :
    Schema.encodeUnknownEither(schema, { errors: "all" })(input)
  return Either.match(result, {
    onLeft: (error) => error.message,
    onRight: () => assert.fail(`expected ${direction} to fail for ${JSON.stringify(input)}`)
  })
}

const assistantBody = AssistantsCreate.body

describe("requests are strict and name the failing path", () => {
  for (const direction of ["decode", "encode"] as const) {
    it(`${direction}: wrong type`, () => {
      const message = failure(assistantBody, direction, { name: 42 })
      assert.include(message, `["name"]`)
      assert.include(message, "Expected string, actual 42")
    })

    it(`${direction}: missing required field`, () => {
      const message = failure(AnalyticsGet.body, direction, {})
      assert.include(message, `["queries"]`)
      assert.include(message, "is missing")
      const nested = failure(assistantBody, direction, { model: { provider: "openai" } })
      assert.include(nested, `["model"]`)
      assert.include(nested, "is missing")
    })

    it(`${direction}: value over maxLength`, () => {
      const message = failure(assistantBody, direction, { name: "R".repeat(41) })
      assert.include(message, `["name"]`)
      assert.include(message, "at most 40 character(s)")
    })

    it(`${direction}: value out of range, deep inside`, () => {
      const message = failure(CallsCreate.body, direction, {
        assistant: { voice: { provider: "11labs", voiceId: "burt", stability: 2 } }
      })
      assert.include(message, `["assistant"]`)
      assert.include(message, `["voice"]`)
      assert.include(message, `["stability"]`)
    })

    it(`${direction}: unknown enum value and unknown union member`, () => {
      assert.include(failure(assistantBody, direction, { firstMessageMode: "assistant-sings" }), `["firstMessageMode"]`)
      assert.include(failure(assistantBody, direction, { model: { provider: "mistral", model: "x" } }), `["model"]`)
      assert.include(failure(PhoneNumbersCreate.body, direction, { provider: "telnyx", number: "+1" }), "provider")
      assert.include(failure(ToolsCreate.body, direction, { type: "sms" }), "type")
    })
  }

  it("encode: a fallback read from a response cannot be sent", () => {
    const message = failure(assistantBody, "encode", { firstMessageMode: new Fallback.UnknownEnum("assistant-sings") })
    assert.include(message, `["firstMessageMode"]`)
  })

  it("accepts valid bodies", () => {
    const body = { name: "Riley", model: { provider: "openai" as const, model: "gpt-4o" as const } }
    assert.deepStrictEqual(Schema.encodeSync(assistantBody)(body), body)
    assert.deepStrictEqual(Schema.encodeSync(CallsCreate.body)({}), {})
  })
})

describe("query parameters", () => {
  it("encode dates to ISO strings and numbers to decimal strings", () => {
    assert.deepStrictEqual(
      Schema.encodeSync(CallsListParams)({ assistantId: "asst_1", limit: 10, createdAtGt: new Date("2024-10-01") }),
      { assistantId: "asst_1", limit: "10", createdAtGt: "2024-10-01T00:00:00.000Z" }
    )
    assert.deepStrictEqual(
      Schema.encodeSync(LogsGetParams)({ type: "Call", page: 2, sortOrder: "ASC" }),
      { type: "Call", page: "2", sortOrder: "ASC" }
    )
    assert.strictEqual(AssistantsList.query, AssistantsListParams)
  })

  it("decode from the URL's strings", () => {
    const params = Schema.decodeUnknownSync(LogsGetParams)({ page: "3", createdAtLt: "2024-10-23T00:00:00.000Z" })
    assert.strictEqual(params.page, 3)
    assert.deepStrictEqual(params.createdAtLt, new Date("2024-10-23T00:00:00.000Z"))
  })

  it("check the document's bounds before anything is sent", () => {
    assert.include(failure(CallsListParams, "encode", { limit: 1001 }), `["limit"]`)
    assert.include(failure(CallsListParams, "encode", { limit: -1 }), `["limit"]`)
    assert.include(failure(LogsGetParams, "encode", { page: 0 }), `["page"]`)
    assert.include(failure(LogsGetParams, "encode", { page: 1.5 }), `["page"]`)
    assert.include(failure(LogsGetParams, "encode", { type: "Nope" }), `["type"]`)
    assert.include(failure(CallsListParams, "encode", { createdAtGt: new Date("not a date") }), `["createdAtGt"]`)
  })
})
