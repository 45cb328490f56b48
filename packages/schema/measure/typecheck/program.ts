// A small program using `Call` and `CreateAssistantDTO`, to measure how long type-checking it takes.
import * as Schema from "effect/Schema"
import { type CreateAssistantDTO, CreateAssistantDTOStrict } from "../../src/Assistants.js"
import { type Call, CallsGet } from "../../src/Calls.js"
import * as Fallback from "../../src/Fallback.js"

export const assistant: CreateAssistantDTO = {
  name: "Riley",
  firstMessage: "Hello!",
  model: { provider: "openai", model: "gpt-4o", messages: [{ role: "system", content: "You are Riley." }] },
  voice: { provider: "11labs", voiceId: "burt" },
  transcriber: { provider: "deepgram", model: "nova-2", language: "en" }
}

export const body = Schema.encodeSync(CreateAssistantDTOStrict)(assistant)

export const status = (call: Call): string => {
  if (call.status === undefined) return "unknown"
  if (Fallback.isUnknownEnum(call.status)) return `new: ${call.status.value}`
  return call.status
}

export const decodeCall = Schema.decodeUnknownSync(CallsGet.success)
export const startedAt = (input: unknown): Date | undefined => decodeCall(input).startedAt
