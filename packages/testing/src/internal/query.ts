/**
 * Query strings of the list endpoints and `/logs`, read and checked as the API does (NestJS messages).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type * as Store from "../Store.js"
import { BadRequest } from "./errors.js"
import { rangeKeys } from "./filters.js"

/** Query parameters as they arrive. @internal */
export type WireQuery = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/

class Reader {
  readonly errors: Array<string> = []
  constructor(readonly query: WireQuery) {}

  string(key: string): string | undefined {
    const value = this.query[key]
    if (value === undefined || typeof value === "string") return value
    this.errors.push(`${key} must be a string`)
    return undefined
  }

  number(key: string, options: { readonly min: number; readonly max?: number; readonly integer?: boolean }) {
    const raw = this.string(key)
    if (raw === undefined) return undefined
    const value = raw.trim() === "" ? NaN : Number(raw)
    if (!Number.isFinite(value)) {
      this.errors.push(
        options.integer ? `${key} must be an integer number` : `${key} must be a number conforming to the specified constraints`
      )
      return undefined
    }
    if (options.integer && !Number.isInteger(value)) this.errors.push(`${key} must be an integer number`)
    if (value < options.min) this.errors.push(`${key} must not be less than ${options.min}`)
    if (options.max !== undefined && value > options.max) this.errors.push(`${key} must not be greater than ${options.max}`)
    return value
  }

  date(key: string): Date | undefined {
    const raw = this.string(key)
    if (raw === undefined) return undefined
    const millis = Date.parse(raw)
    if (!ISO_8601.test(raw) || Number.isNaN(millis)) {
      this.errors.push(`${key} must be a valid ISO 8601 date string`)
      return undefined
    }
    return new Date(millis)
  }

  oneOf<const A extends string>(key: string, values: ReadonlyArray<A>): A | undefined {
    const raw = this.string(key)
    if (raw === undefined) return undefined
    const found = values.find((value) => value === raw)
    if (found === undefined) this.errors.push(`${key} must be one of the following values: ${values.join(", ")}`)
    return found
  }

  range() {
    return Object.fromEntries(rangeKeys.flatMap((key) => {
      const value = this.date(key)
      return value === undefined ? [] : [[key, value]]
    }))
  }

  done<A>(value: A): Effect.Effect<A, BadRequest> {
    return this.errors.length === 0 ? Effect.succeed(value) : Effect.fail(new BadRequest({ messages: this.errors }))
  }
}

/** The parameters of a list endpoint; `assistantId` is read for calls only. @internal */
export const listParams = (query: WireQuery, withAssistantId: boolean): Effect.Effect<Store.ListParams, BadRequest> => {
  const r = new Reader(query)
  const limit = r.number("limit", { min: 0, max: 1000 })
  const assistantId = withAssistantId ? r.string("assistantId") : undefined
  const range = r.range()
  return r.done({ ...range, limit, assistantId })
}

/** The parameters of `GET /logs`. @internal */
export const logsParams = (query: WireQuery): Effect.Effect<Store.LogsParams, BadRequest> => {
  const r = new Reader(query)
  const params: Store.LogsParams = {
    orgId: r.string("orgId"),
    type: r.oneOf("type", ["API", "Webhook", "Call", "Provider"]),
    assistantId: r.string("assistantId"),
    phoneNumberId: r.string("phoneNumberId"),
    customerId: r.string("customerId"),
    squadId: r.string("squadId"),
    callId: r.string("callId"),
    page: r.number("page", { min: 1, integer: true }),
    sortOrder: r.oneOf("sortOrder", ["ASC", "DESC"]),
    limit: r.number("limit", { min: 0, max: 1000 }),
    ...r.range()
  }
  return r.done(params)
}
