import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { type Call, CallsGet } from "../src/Calls.js"
import * as Fallback from "../src/Fallback.js"
import { CreateAssistantDTOStrict } from "../src/generated/CreateAssistantDTO.js"

const decode = Schema.decodeUnknownSync(CallsGet.success)
const encode = Schema.encodeSync(CallsGet.success)

// A call as the API sends it, with an inline assistant several levels deep.
const baseCall = () => ({
  id: "call_1",
  orgId: "org_1",
  createdAt: "2024-10-23T12:00:00.000Z",
  updatedAt: "2024-10-23T12:05:00.000Z",
  type: "outboundPhoneCall",
  status: "ended",
  assistant: {
    name: "Riley",
    transcriber: { provider: "deepgram", model: "nova-2", language: "en" },
    model: {
      provider: "openai",
      model: "gpt-4o",
      messages: [{ role: "system", content: "You are Riley." }],
      tools: [{ type: "endCall", async: false }]
    },
    voice: { provider: "11labs", voiceId: "burt", model: "eleven_turbo_v2_5" }
  },
  costs: [{ type: "transport", cost: 0.01, minutes: 1.5 }],
  artifact: {
    messages: [{ role: "bot", message: "Hello", time: 1, endTime: 2, secondsFromStart: 0.5, source: "" }]
  }
})

describe("forward compatibility of responses", () => {
  it("decodes the known shape and encodes back to the same JSON", () => {
    const wire = baseCall()
    const call = decode(wire)
    assert.instanceOf(call.createdAt, Date)
    assert.strictEqual(call.status, "ended")
    assert.deepStrictEqual(encode(call), wire)
  })

  it("drops unknown fields, at the top and deep inside", () => {
    const wire = baseCall()
    const withExtra = {
      ...wire,
      newTopLevelField: { any: "thing" },
      assistant: {
        ...wire.assistant,
        model: { ...wire.assistant.model, reasoningEffort: "high" },
        voice: { ...wire.assistant.voice, futureKnob: 3 }
      }
    }
    const call = decode(withExtra)
    assert.isFalse("newTopLevelField" in call)
    assert.deepStrictEqual(encode(call), wire)
  })

  it("decodes an unknown enum value deep inside to Fallback.UnknownEnum and encodes it back", () => {
    const wire = baseCall()
    wire.status = "teleported"
    wire.assistant.transcriber.language = "tlh"
    wire.assistant.voice.model = "eleven_v9"
    const call = decode(wire)
    assert.deepStrictEqual(call.status, new Fallback.UnknownEnum("teleported"))
    assert.isTrue(Fallback.isUnknownEnum(call.status))
    const transcriber = call.assistant?.transcriber
    assert.isTrue(transcriber !== undefined && !Fallback.isUnknownMember(transcriber) && transcriber.provider === "deepgram")
    if (transcriber !== undefined && !Fallback.isUnknownMember(transcriber) && transcriber.provider === "deepgram") {
      assert.deepStrictEqual(transcriber.language, new Fallback.UnknownEnum("tlh"))
    }
    assert.deepStrictEqual(encode(call), wire)
    assert.strictEqual(JSON.stringify(call.status), "\"teleported\"")
  })

  it("decodes an unknown union member deep inside to Fallback.UnknownMember keeping the raw JSON", () => {
    const wire = baseCall()
    const mistral = { provider: "mistral", model: "mistral-large", temperature: 0.2 }
    const unknownTool = { type: "sms", async: true, server: { url: "https://example.com" } }
    const narrator = { role: "narrator", message: "Meanwhile…", time: 3 }
    const futureCost = { type: "storage", cost: 0.001 }
    const withUnknown = {
      ...wire,
      assistant: { ...wire.assistant, model: mistral },
      costs: [...wire.costs, futureCost],
      artifact: { messages: [...wire.artifact.messages, narrator] }
    }
    const call = decode(withUnknown)
    assert.deepStrictEqual(call.assistant?.model, new Fallback.UnknownMember(mistral, "mistral"))
    assert.deepStrictEqual(call.costs?.[1], new Fallback.UnknownMember(futureCost, "storage"))
    assert.deepStrictEqual(call.artifact?.messages?.[1], new Fallback.UnknownMember(narrator, "narrator"))
    assert.deepStrictEqual(encode(call), withUnknown)

    const withUnknownTool = {
      ...wire,
      assistant: { ...wire.assistant, model: { ...wire.assistant.model, tools: [unknownTool] } }
    }
    const call2 = decode(withUnknownTool)
    const model = call2.assistant?.model
    assert.isTrue(model !== undefined && !Fallback.isUnknownMember(model))
    if (model !== undefined && !Fallback.isUnknownMember(model)) {
      assert.deepStrictEqual(model.tools?.[0], new Fallback.UnknownMember(unknownTool, "sms"))
    }
    assert.deepStrictEqual(encode(call2), withUnknownTool)
  })

  it("still fails on a known member that is malformed, naming the path", () => {
    const wire = baseCall()
    const broken = { ...wire, costs: [{ type: "transport", cost: "free", minutes: 1 }] }
    const result = Schema.decodeUnknownEither(CallsGet.success)(broken)
    assert.isTrue(Either.isLeft(result))
    if (Either.isLeft(result)) {
      assert.include(result.left.message, `["costs"]`)
      assert.include(result.left.message, `["cost"]`)
    }
  })

  it("lets users match fallbacks with a switch", () => {
    const describe = (call: Call): string => {
      const status = call.status
      switch (status) {
        case undefined:
          return "no status"
        case "queued":
        case "ringing":
        case "in-progress":
        case "forwarding":
        case "ended":
          return status
        default:
          return `unknown status ${status.value}`
      }
    }
    assert.strictEqual(describe(decode({ ...baseCall(), status: "paused" })), "unknown status paused")
    assert.strictEqual(describe(decode(baseCall())), "ended")
  })

  it("refuses to send fallbacks back in a request (strict variant), naming the path", () => {
    const wire = baseCall()
    const call = decode({ ...wire, assistant: { ...wire.assistant, model: { provider: "mistral", model: "x" } } })
    const result = Schema.encodeEither(CreateAssistantDTOStrict)(call.assistant!)
    assert.isTrue(Either.isLeft(result))
    if (Either.isLeft(result)) assert.include(result.left.message, `["model"]`)
    const known = decode(wire)
    assert.isTrue(Either.isRight(Schema.encodeEither(CreateAssistantDTOStrict)(known.assistant!)))
  })
})
