/**
 * Corrections to Vapi's OpenAPI document of 2024-10-23, as data. Each one names what is wrong and why the
 * fix is right; `Patch.apply` fails if a target has moved, so a newer document forces a review here.
 *
 * @since 0.1.0
 */
import type { Patch } from "./Patch.js"

const schemas = "/components/schemas"

const allowedRegex = (component: string, property: string): Patch => ({
  op: "remove",
  path: `${schemas}/${component}/properties/${property}/pattern`,
  reason: "`ALLOWED_REGEX` is the name of a server-side constant, not a regular expression"
})

const arrayEnum = (component: string, property: string): Patch => ({
  op: "remove",
  path: `${schemas}/${component}/properties/${property}/enum`,
  reason: "an array-level `enum` lists item values (the items already carry the same enum)"
})

const nullExample = (component: string, property: string): Patch => ({
  op: "add",
  path: `${schemas}/${component}/properties/${property}/nullable`,
  value: true,
  reason: "the document's own example is `null`: the API sends and accepts null for 'not set'"
})

const messageRole = (component: string, role: string): Patch => ({
  op: "add",
  path: `${schemas}/${component}/properties/role/enum`,
  value: [role],
  reason: "the API tags call messages with `role`; without it the five message shapes overlap and an ordered " +
    "union decodes a bot message as a user message"
})

const optionalBody = (path: string, method: string): Patch => ({
  op: "replace",
  path: `/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}/requestBody/required`,
  value: false,
  reason: "every field of this body is optional, so `{}` is a valid body"
})

/**
 * The patches, applied in order before anything else reads the document.
 *
 * @since 0.1.0
 */
export const patches: ReadonlyArray<Patch> = [
  allowedRegex("Condition", "value"),
  allowedRegex("Condition", "operator"),
  allowedRegex("Condition", "param"),
  allowedRegex("RuleBasedCondition", "operator"),
  allowedRegex("RuleBasedCondition", "leftSide"),
  allowedRegex("RuleBasedCondition", "rightSide"),
  allowedRegex("AssignmentMutation", "value"),
  {
    op: "replace",
    path: `${schemas}/DeepgramTranscriber/properties/keywords/items/pattern`,
    value: "^\\p{L}[\\p{L}\\d]*(?::[+-]?\\d+)?$",
    reason: "written as a JavaScript regex literal `/…/u`; the source goes in `pattern`, the flag below"
  },
  {
    op: "add",
    path: `${schemas}/DeepgramTranscriber/properties/keywords/items/x-pattern-flags`,
    value: "u",
    reason: "`\\p{L}` needs the unicode flag of the original literal"
  },
  {
    op: "replace",
    path: `${schemas}/OpenAIFunction/properties/name/pattern`,
    value: "^[a-zA-Z0-9_-]{1,64}$",
    reason: "written as a JavaScript regex literal `/…/`; as a pattern the slashes would have to match"
  },
  arrayEnum("OpenAIModel", "fallbackModels"),
  arrayEnum("ChunkPlan", "punctuationBoundaries"),
  arrayEnum("TwilioVoicemailDetection", "voicemailDetectionTypes"),
  arrayEnum("CreateAssistantDTO", "clientMessages"),
  arrayEnum("CreateAssistantDTO", "serverMessages"),
  arrayEnum("AssistantOverrides", "clientMessages"),
  arrayEnum("AssistantOverrides", "serverMessages"),
  arrayEnum("Assistant", "clientMessages"),
  arrayEnum("Assistant", "serverMessages"),
  arrayEnum("UpdateAssistantDTO", "clientMessages"),
  arrayEnum("UpdateAssistantDTO", "serverMessages"),
  arrayEnum("AnalyticsQuery", "groupBy"),
  arrayEnum("AzureOpenAICredential", "models"),
  arrayEnum("CreateAzureOpenAICredentialDTO", "models"),
  arrayEnum("UpdateAzureOpenAICredentialDTO", "models"),
  arrayEnum("SyncVoiceLibraryDTO", "providers"),
  {
    op: "remove",
    path: `${schemas}/OpenAIVoice/properties/voiceId/enum`,
    reason: "an `enum` beside the `oneOf` would forbid the custom voice ids that the oneOf's second member allows"
  },
  {
    op: "replace",
    path: `${schemas}/VoiceLibrary/properties/provider/type`,
    value: "string",
    reason: "declared `type: object` but its enum values are strings"
  },
  {
    op: "add",
    path: `${schemas}/GladiaTranscriber/properties/model/oneOf/0/type`,
    value: "string",
    reason: "an enum of strings without a `type`"
  },
  nullExample("LMNTVoice", "speed"),
  nullExample("OpenAIVoice", "speed"),
  nullExample("PlayHTVoice", "speed"),
  nullExample("PlayHTVoice", "temperature"),
  nullExample("PlayHTVoice", "emotion"),
  nullExample("PlayHTVoice", "voiceGuidance"),
  nullExample("PlayHTVoice", "styleGuidance"),
  nullExample("PlayHTVoice", "textGuidance"),
  nullExample("RimeAIVoice", "speed"),
  nullExample("CreateCustomerDTO", "extension"),
  messageRole("UserMessage", "user"),
  messageRole("SystemMessage", "system"),
  messageRole("BotMessage", "bot"),
  messageRole("ToolCallMessage", "tool_calls"),
  messageRole("ToolCallResultMessage", "tool_call_result"),
  optionalBody("/call", "post"),
  optionalBody("/call/{id}", "patch"),
  optionalBody("/assistant", "post"),
  optionalBody("/assistant/{id}", "patch"),
  optionalBody("/phone-number/{id}", "patch"),
  optionalBody("/block/{id}", "patch"),
  optionalBody("/tool/{id}", "patch"),
  optionalBody("/file/{id}", "patch"),
  {
    op: "add",
    path: `${schemas}/ErrorResponse`,
    value: {
      type: "object",
      description: "The body of an error response (NestJS style), which the document does not describe: " +
        "`message` is one string or, for validation errors (400), one string per failed constraint.",
      properties: {
        message: {
          description: "What went wrong.",
          oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }]
        },
        error: { type: "string", description: "The HTTP status text, e.g. `Bad Request`." },
        statusCode: { type: "number", description: "The HTTP status code." }
      },
      required: ["message"]
    },
    reason: "no operation declares an error body; the API answers errors as `{ message, error, statusCode }`"
  }
]
