/**
 * The `createdAt`/`updatedAt` range filters shared by every list endpoint and `/logs`.
 *
 * @internal
 */

/** @internal */
export type DateInput = Date | string | number

/** @internal */
export interface DateRange {
  readonly createdAtGt?: DateInput | undefined
  readonly createdAtLt?: DateInput | undefined
  readonly createdAtGe?: DateInput | undefined
  readonly createdAtLe?: DateInput | undefined
  readonly updatedAtGt?: DateInput | undefined
  readonly updatedAtLt?: DateInput | undefined
  readonly updatedAtGe?: DateInput | undefined
  readonly updatedAtLe?: DateInput | undefined
}

/** Milliseconds since the epoch, `NaN` for an unreadable input. @internal */
export const toMillis = (input: DateInput): number =>
  input instanceof Date ? input.getTime() : typeof input === "number" ? input : Date.parse(input)

const check = (
  bound: DateInput | undefined,
  value: number,
  ok: (value: number, bound: number) => boolean
): boolean => bound === undefined || ok(value, toMillis(bound))

/** Whether a record with these timestamps passes every bound of the range. @internal */
export const inRange = (range: DateRange, createdAt: number, updatedAt: number): boolean =>
  check(range.createdAtGt, createdAt, (v, b) => v > b) &&
  check(range.createdAtLt, createdAt, (v, b) => v < b) &&
  check(range.createdAtGe, createdAt, (v, b) => v >= b) &&
  check(range.createdAtLe, createdAt, (v, b) => v <= b) &&
  check(range.updatedAtGt, updatedAt, (v, b) => v > b) &&
  check(range.updatedAtLt, updatedAt, (v, b) => v < b) &&
  check(range.updatedAtGe, updatedAt, (v, b) => v >= b) &&
  check(range.updatedAtLe, updatedAt, (v, b) => v <= b)

/** The names of the eight range parameters, as on the wire. @internal */
export const rangeKeys = [
  "createdAtGt",
  "createdAtLt",
  "createdAtGe",
  "createdAtLe",
  "updatedAtGt",
  "updatedAtLt",
  "updatedAtGe",
  "updatedAtLe"
] as const

/** Clamps a `limit` to the API's bounds (default 100, at most 1000). @internal */
export const clampLimit = (limit: number | undefined): number =>
  limit === undefined || Number.isNaN(limit) ? 100 : Math.max(0, Math.min(1000, Math.floor(limit)))
