/**
 * The failure of one multipart part's content stream, tagged with the part's name so that the error
 * mapping can point at `body.<name>`.
 *
 * @internal
 */
import * as Predicate from "effect/Predicate"

/**
 * An `Error`, so that clients that wrap a failed request body keep it as the `cause` (fetch answers
 * `TypeError("fetch failed", { cause })`, but turns anything else into `Error("[object Object]")`).
 *
 * @internal
 */
export class PartError extends Error {
  readonly _tag = "PartError"
  constructor(
    readonly part: string,
    readonly detail: string
  ) {
    super(detail)
    this.name = "PartError"
  }
}

/** @internal */
export const isPartError = (u: unknown): u is PartError => Predicate.isTagged(u, "PartError") && u instanceof PartError

/**
 * The `PartError` in a chain of `cause`s, if any: node:http reports it as the cause of an `Encode` error,
 * undici as the cause of a `Transport` error, fetch one level deeper.
 *
 * @internal
 */
export const findPartError = (u: unknown): PartError | undefined => {
  let current: unknown = u
  for (let depth = 0; depth < 4; depth++) {
    if (isPartError(current)) return current
    if (!Predicate.hasProperty(current, "cause")) return undefined
    current = current.cause
  }
  return undefined
}
