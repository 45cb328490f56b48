import { assert, describe, it } from "@effect/vitest"
import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as Analytics from "../src/Analytics.js"
import * as Assistants from "../src/Assistants.js"
import * as Blocks from "../src/Blocks.js"
import * as Calls from "../src/Calls.js"
import * as Files from "../src/Files.js"
import * as Index from "../src/index.js"
import * as Logs from "../src/Logs.js"
import { operations } from "../src/Operations.js"
import * as PhoneNumbers from "../src/PhoneNumbers.js"
import * as Squads from "../src/Squads.js"
import * as Tools from "../src/Tools.js"

const crud = (group: string, path: string) => [
  [`${group}.create`, "POST", path, []],
  [`${group}.list`, "GET", path, []],
  [`${group}.get`, "GET", `${path}/{id}`, ["id"]],
  [`${group}.update`, "PATCH", `${path}/{id}`, ["id"]],
  [`${group}.delete`, "DELETE", `${path}/{id}`, ["id"]]
] as const

describe("operation descriptors", () => {
  it("describe the 37 operations with their SDK names, methods and path templates", () => {
    const expected = [
      ...crud("calls", "/call"),
      ...crud("assistants", "/assistant"),
      ...crud("phoneNumbers", "/phone-number"),
      ...crud("squads", "/squad"),
      ...crud("blocks", "/block"),
      ...crud("tools", "/tool"),
      ...crud("files", "/file"),
      ["analytics.get", "POST", "/analytics", []],
      ["logs.get", "GET", "/logs", []]
    ]
    const actual = operations.map((o) => [o.name, o.method, o.path, o.pathParams] as const)
    assert.strictEqual(actual.length, 37)
    assert.sameDeepMembers(actual as Array<unknown>, expected as Array<unknown>)
  })

  it("are exported from the resource modules and the index under <Group><Method>", () => {
    const modules = { Calls, Assistants, PhoneNumbers, Squads, Blocks, Tools, Files } as Record<string, Record<string, unknown>>
    for (const [group, module] of Object.entries(modules)) {
      for (const method of ["List", "Create", "Get", "Update", "Delete"]) {
        assert.isDefined(module[`${group}${method}`], `${group}${method}`)
        assert.strictEqual((Index as Record<string, unknown>)[`${group}${method}`], module[`${group}${method}`])
      }
    }
    assert.strictEqual(Analytics.AnalyticsGet.name, "analytics.get")
    assert.strictEqual(Logs.LogsGet.name, "logs.get")
    assert.strictEqual(Index.Calls.CallsList, Calls.CallsList)
  })

  it("carry the query, body and success schemas", () => {
    assert.strictEqual(Calls.CallsList.query, Calls.CallsListParams)
    assert.strictEqual(Logs.LogsGet.query, Logs.LogsGetParams)
    assert.strictEqual(Calls.CallsGet.query, undefined)
    assert.strictEqual(Calls.CallsCreate.body, Calls.CreateCallDTO)
    assert.strictEqual(Assistants.AssistantsCreate.body, Assistants.CreateAssistantDTOStrict)
    assert.strictEqual(Calls.CallsGet.success, Calls.Call)
    assert.strictEqual(Calls.CallsGet.body, undefined)
    assert.strictEqual(Calls.CallsGet.bodyEncoding, "none")
    assert.strictEqual(Calls.CallsCreate.bodyEncoding, "json")
    assert.strictEqual(PhoneNumbers.PhoneNumbersGet.success, PhoneNumbers.PhoneNumber)
    assert.strictEqual(PhoneNumbers.PhoneNumbersCreate.body, PhoneNumbers.CreatePhoneNumberDTO)
    assert.strictEqual(Blocks.BlocksGet.success, Blocks.Block)
    assert.strictEqual(Blocks.BlocksCreate.body, Blocks.CreateBlockDTO)
    assert.strictEqual(Tools.ToolsGet.success, Tools.Tool)
    assert.strictEqual(Tools.ToolsCreate.body, Tools.CreateToolDTO)
    assert.strictEqual(Logs.LogsGet.success, Logs.LogsPaginatedResponse)
  })

  it("list responses and analytics are arrays", () => {
    const isArrayOf = (schema: Schema.Schema.AnyNoContext, item: Schema.Schema.AnyNoContext) =>
      AST.isTupleType(schema.ast) && schema.ast.rest.length === 1 && schema.ast.rest[0].type === item.ast
    assert.isTrue(isArrayOf(Calls.CallsList.success, Calls.Call))
    assert.isTrue(isArrayOf(Tools.ToolsList.success, Tools.Tool))
    assert.isTrue(isArrayOf(Analytics.AnalyticsGet.success, Analytics.AnalyticsQueryResult))
    assert.strictEqual(Analytics.AnalyticsGet.body, Analytics.AnalyticsQueryDTO)
  })

  it("uploads files as multipart, without a body schema", () => {
    assert.strictEqual(Files.FilesCreate.bodyEncoding, "multipart")
    assert.strictEqual(Files.FilesCreate.body, undefined)
    assert.strictEqual(Files.FilesCreate.success, Files.File)
  })
})
