/**
 * Deterministic uuid-like ids drawn from a seeded `Random`.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type * as Random from "effect/Random"

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0")

/** A version 4 uuid whose 122 random bits come from `random`. @internal */
export const uuid = (random: Random.Random): Effect.Effect<string> =>
  Effect.map(
    Effect.all([
      random.nextIntBetween(0, 0x10000),
      random.nextIntBetween(0, 0x10000),
      random.nextIntBetween(0, 0x10000),
      random.nextIntBetween(0, 0x1000),
      random.nextIntBetween(0, 0x4000),
      random.nextIntBetween(0, 0x10000),
      random.nextIntBetween(0, 0x10000),
      random.nextIntBetween(0, 0x10000)
    ]),
    ([a, b, c, d, e, f, g, h]) =>
      `${hex(a, 4)}${hex(b, 4)}-${hex(c, 4)}-4${hex(d, 3)}-${hex(0x8000 | e, 4)}-${hex(f, 4)}${hex(g, 4)}${hex(h, 4)}`
  )
