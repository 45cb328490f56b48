/**
 * Small operation descriptors for the tests, shaped like the generated ones.
 */
import * as Operation from "@vapi-effect/schema/Operation"
import * as Schema from "effect/Schema"

export const Message = Schema.Struct({
  role: Schema.Literal("user", "assistant"),
  message: Schema.String
})

export const Call = Schema.Struct({
  id: Schema.String,
  createdAt: Schema.Date,
  status: Schema.optional(Schema.String),
  messages: Schema.optional(Schema.Array(Message))
})

export const CreateCall = Schema.Struct({
  assistantId: Schema.String,
  customer: Schema.optional(Schema.Struct({ number: Schema.String.pipe(Schema.pattern(/^\+\d+$/)) })),
  scheduledAt: Schema.optional(Schema.Date)
})

export const ListCalls = Schema.Struct({
  assistantId: Schema.optional(Schema.String),
  limit: Schema.optional(Schema.Number),
  createdAtGt: Schema.optional(Schema.Date),
  createdAtLe: Schema.optional(Schema.Date),
  ids: Schema.optional(Schema.Array(Schema.String)),
  archived: Schema.optional(Schema.Boolean)
})

export const CallsCreate = {
  name: "calls.create",
  method: "POST",
  path: "/call",
  pathParams: [],
  query: undefined,
  body: CreateCall,
  bodyEncoding: "json",
  success: Call
} as const satisfies Operation.Operation

export const CallsList = {
  name: "calls.list",
  method: "GET",
  path: "/call",
  pathParams: [],
  query: ListCalls,
  body: undefined,
  bodyEncoding: "none",
  success: Schema.Array(Call)
} as const satisfies Operation.Operation

export const CallsGet = {
  name: "calls.get",
  method: "GET",
  path: "/call/{id}",
  pathParams: ["id"],
  query: undefined,
  body: undefined,
  bodyEncoding: "none",
  success: Call
} as const satisfies Operation.Operation

export const CallsUpdate = {
  name: "calls.update",
  method: "PATCH",
  path: "/call/{id}",
  pathParams: ["id"],
  query: undefined,
  body: Schema.Struct({ name: Schema.optional(Schema.String) }),
  bodyEncoding: "json",
  success: Call
} as const satisfies Operation.Operation

export const CallsDelete = {
  name: "calls.delete",
  method: "DELETE",
  path: "/call/{id}",
  pathParams: ["id"],
  query: undefined,
  body: undefined,
  bodyEncoding: "none",
  success: Call
} as const satisfies Operation.Operation

export const FilesCreate = {
  name: "files.create",
  method: "POST",
  path: "/file",
  pathParams: [],
  query: undefined,
  body: undefined,
  bodyEncoding: "multipart",
  success: Schema.Struct({ id: Schema.String, name: Schema.String, bytes: Schema.Number })
} as const satisfies Operation.Operation

export const Ping = {
  name: "ping.get",
  method: "GET",
  path: "/ping",
  pathParams: [],
  query: undefined,
  body: undefined,
  bodyEncoding: "none",
  success: Schema.Void
} as const satisfies Operation.Operation

/** Built with `Operation.make`, as generated descriptors are: `pathParams` and `bodyEncoding` are not literals. */
export const AssistantsGet = Operation.make({
  name: "assistants.get",
  method: "GET",
  path: "/assistant/{id}",
  pathParams: ["id"],
  query: undefined,
  body: undefined,
  bodyEncoding: "none",
  success: Schema.Struct({ id: Schema.String })
})

/** A multipart upload built with `Operation.make`: `bodyEncoding` is the wide union. */
export const FilesCreateLoose = Operation.make({ ...FilesCreate, pathParams: [], bodyEncoding: "multipart" })

export const callJson = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  createdAt: "2024-10-01T12:00:00.000Z",
  ...extra
})
