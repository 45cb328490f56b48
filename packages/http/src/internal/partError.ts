/**
 * The failure of one multipart part's content stream, tagged with the part's name so that the error
 * mapping can point at `body.<name>`.
 *
 * @internal
 */
import * as Predicate from "effect/Predicate"

/** @internal */
export class PartError {
  readonly _tag = "PartError"
  constructor(
    readonly part: string,
    readonly detail: string
  ) {}
}

/** @internal */
export const isPartError = (u: unknown): u is PartError => Predicate.isTagged(u, "PartError") && u instanceof PartError
