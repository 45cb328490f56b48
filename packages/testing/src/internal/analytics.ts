/**
 * `POST /analytics` over the stored calls: filter by time range, group by columns and time step, aggregate.
 *
 * @internal
 */
import * as Schema from "effect/Schema"
import type * as Store from "../Store.js"
import { getPath, type Json, type JsonObject } from "./json.js"

/** A stored call with its creation time in milliseconds. @internal */
export interface CallRow {
  readonly record: JsonObject
  readonly createdAt: number
}

const DAY = 24 * 60 * 60 * 1000

const truncate = (millis: number, step: Store.AnalyticsStep): number => {
  const d = new Date(millis)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  switch (step) {
    case "minute":
      return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes())
    case "hour":
      return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours())
    case "day":
      return Date.UTC(y, m, d.getUTCDate())
    case "week":
      return Date.UTC(y, m, d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
    case "month":
      return Date.UTC(y, m, 1)
    case "quarter":
      return Date.UTC(y, m - (m % 3), 1)
    case "year":
      return Date.UTC(y, 0, 1)
    case "decade":
      return Date.UTC(Math.floor(y / 10) * 10, 0, 1)
    case "century":
      return Date.UTC(Math.floor((y - 1) / 100) * 100 + 1, 0, 1)
    case "millennium":
      return Date.UTC(Math.floor((y - 1) / 1000) * 1000 + 1, 0, 1)
  }
}

const columnValue = (record: JsonObject, column: string): Json | undefined => {
  if (column === "duration") {
    const started = getPath(record, "startedAt")
    const ended = getPath(record, "endedAt")
    if (typeof started !== "string" || typeof ended !== "string") return undefined
    const seconds = (Date.parse(ended) - Date.parse(started)) / 1000
    return Number.isFinite(seconds) ? seconds : undefined
  }
  return getPath(record, column)
}

const aggregate = (operation: Store.AnalyticsOperation["operation"], values: ReadonlyArray<Json | undefined>): Json => {
  if (operation === "count") return values.filter((v) => v !== undefined && v !== null).length
  const numbers = values.filter((v): v is number => typeof v === "number")
  if (numbers.length === 0) return null
  switch (operation) {
    case "sum":
      return numbers.reduce((a, b) => a + b, 0)
    case "avg":
      return numbers.reduce((a, b) => a + b, 0) / numbers.length
    case "min":
      return Math.min(...numbers)
    case "max":
      return Math.max(...numbers)
  }
}

/** The key of an operation's value in a result row: its alias, else `sumDuration`-style. @internal */
export const resultKey = (op: Store.AnalyticsOperation): string =>
  op.alias ?? `${op.operation}${op.column.charAt(0).toUpperCase()}${op.column.slice(1)}`

const groupValue = (record: JsonObject, column: string): Json => {
  const value = getPath(record, column)
  return value === undefined ? null : value
}

/** Answers one query over the calls, `now` giving the default range (the last 7 days). @internal */
export const run = (
  calls: ReadonlyArray<CallRow>,
  query: Store.AnalyticsQuery,
  now: number
): Store.AnalyticsResult => {
  const range = query.timeRange ?? {}
  const start = range.start === undefined ? now - 7 * DAY : new Date(range.start).getTime()
  const end = range.end === undefined ? now : new Date(range.end).getTime()
  const groupBy = query.groupBy ?? []
  const step = range.step
  const selected = calls
    .filter((call) => call.createdAt >= start && call.createdAt <= end)
    .slice()
    .sort((a, b) => a.createdAt - b.createdAt)
  const groups = new Map<string, { readonly keys: JsonObject; readonly order: number; readonly rows: Array<JsonObject> }>()
  for (const call of selected) {
    const keys: Record<string, Json> = {}
    if (step !== undefined) keys.date = new Date(truncate(call.createdAt, step)).toISOString()
    for (const column of groupBy) keys[column] = groupValue(call.record, column)
    const id = JSON.stringify(keys)
    const group = groups.get(id)
    if (group === undefined) groups.set(id, { keys, order: groups.size, rows: [call.record] })
    else group.rows.push(call.record)
  }
  if (groups.size === 0 && step === undefined && groupBy.length === 0) {
    groups.set("{}", { keys: {}, order: 0, rows: [] })
  }
  const result = Array.from(groups.values())
    .sort((a, b) => {
      const da = a.keys.date
      const db = b.keys.date
      if (typeof da === "string" && typeof db === "string" && da !== db) return da < db ? -1 : 1
      return a.order - b.order
    })
    .map((group): JsonObject => {
      const row: Record<string, Json> = { ...group.keys }
      for (const op of query.operations) {
        row[resultKey(op)] = aggregate(op.operation, group.rows.map((record) => columnValue(record, op.column)))
      }
      return row
    })
  return {
    name: query.name,
    timeRange: {
      ...(step === undefined ? {} : { step }),
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      timezone: range.timezone ?? "UTC"
    },
    result
  }
}

const Step = Schema.Literal("minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century", "millennium")

/** The shape of an analytics request body, read leniently (the request schema has the last word). @internal */
export const Body = Schema.Struct({
  queries: Schema.Array(Schema.Struct({
    table: Schema.Literal("call"),
    name: Schema.String,
    groupBy: Schema.optional(Schema.Array(Schema.String)),
    timeRange: Schema.optional(Schema.Struct({
      step: Schema.optional(Step),
      start: Schema.optional(Schema.String),
      end: Schema.optional(Schema.String),
      timezone: Schema.optional(Schema.String)
    })),
    operations: Schema.Array(Schema.Struct({
      operation: Schema.Literal("sum", "avg", "min", "max", "count"),
      column: Schema.String,
      alias: Schema.optional(Schema.String)
    }))
  }))
})
