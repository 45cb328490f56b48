/**
 * JSON values as they travel on the wire, with guards that check instead of cast.
 *
 * @internal
 */

/** @internal */
export type Json = string | number | boolean | null | ReadonlyArray<Json> | JsonObject

/** @internal */
export interface JsonObject {
  readonly [key: string]: Json
}

/** @internal */
export const isJson = (u: unknown): u is Json => {
  if (u === null || typeof u === "string" || typeof u === "boolean") return true
  if (typeof u === "number") return Number.isFinite(u)
  if (Array.isArray(u)) return u.every(isJson)
  return isJsonObject(u)
}

/** @internal */
export const isJsonObject = (u: unknown): u is JsonObject => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return false
  const proto: unknown = Object.getPrototypeOf(u)
  if (proto !== Object.prototype && proto !== null) return false
  return Object.values(u).every(isJson)
}

/** @internal */
export const getString = (record: JsonObject, key: string): string | undefined => {
  const value = record[key]
  return typeof value === "string" ? value : undefined
}

/** @internal */
export const getNumber = (record: JsonObject, key: string): number | undefined => {
  const value = record[key]
  return typeof value === "number" ? value : undefined
}

/** @internal */
export const isJsonArray = (u: Json | undefined): u is ReadonlyArray<Json> => Array.isArray(u)

/** Narrows a JSON value to an object, or `undefined`. @internal */
export const asObject = (u: Json | undefined): JsonObject | undefined =>
  u === undefined || u === null || typeof u !== "object" || isJsonArray(u) ? undefined : u

/** Reads a dotted path (`"costBreakdown.llm"`) inside a record. @internal */
export const getPath = (record: JsonObject, path: string): Json | undefined => {
  let current: Json | undefined = record
  for (const segment of path.split(".")) {
    const object = asObject(current)
    if (object === undefined) return undefined
    current = object[segment]
  }
  return current
}
