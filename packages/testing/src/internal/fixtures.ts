/**
 * Fixtures read from JSON (an admin request body or a file given to the serve command).
 *
 * @internal
 */
import type * as Store from "../Store.js"
import * as Json from "./json.js"

const keys = ["calls", "assistants", "phoneNumbers", "squads", "blocks", "tools", "files", "logs"] as const

/** Problems with a fixtures object, NestJS-style; empty when it can be used. @internal */
export const problems = (json: Json.Json): ReadonlyArray<string> => {
  const object = Json.asObject(json)
  if (object === undefined) return ["body must be an object of arrays of records"]
  return Object.entries(object).flatMap(([key, value]) => {
    if (!keys.some((k) => k === key)) return [`property ${key} should not exist`]
    return Json.isJsonArray(value) && value.every(Json.isJsonObject) ? [] : [`${key} must be an array of objects`]
  })
}

/** The fixtures in a JSON value (records of unknown collections and non-objects are left out). @internal */
export const fromJson = (json: Json.Json): Store.Fixtures => {
  const object = Json.asObject(json) ?? {}
  return Object.fromEntries(keys.flatMap((key) => {
    const records = object[key]
    return Json.isJsonArray(records) ? [[key, records.filter(Json.isJsonObject)]] : []
  }))
}
