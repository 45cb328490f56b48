/**
 * How the quickstart prints: one aligned line per step with its duration, and a progress line for steps that
 * walk pages.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

const width = 26

/**
 * Runs `effect` as a numbered step and prints `✓ label  summary  (n ms)`, or `✗ label  error` before
 * failing with the same error.
 *
 * @since 0.1.0
 */
export const step = <A, E, R>(
  label: string,
  effect: Effect.Effect<A, E, R>,
  summary: (a: A) => string
): Effect.Effect<A, E, R> =>
  Effect.gen(function*() {
    const start = yield* Clock.currentTimeMillis
    const result = yield* Effect.either(effect)
    const took = `${(yield* Clock.currentTimeMillis) - start} ms`
    if (result._tag === "Left") {
      yield* Console.log(`  ✗ ${label.padEnd(width)} ${String(result.left)}`)
      return yield* Effect.fail(result.left)
    }
    yield* Console.log(`  ✓ ${label.padEnd(width)} ${summary(result.right).padEnd(58)} ${took.padStart(7)}`)
    return result.right
  })

/**
 * Prints a line that is not a step (a heading, a skipped step, a note).
 *
 * @since 0.1.0
 */
export const note = (text: string): Effect.Effect<void> => Console.log(`  · ${text}`)

/**
 * Reports progress of a long step: rewrites one line on a terminal, prints nothing elsewhere (CI logs stay
 * short).
 *
 * @since 0.1.0
 */
export const progress = (label: string, done: number): Effect.Effect<void> =>
  Effect.sync(() => {
    if (process.stdout.isTTY) process.stdout.write(`\r  … ${label.padEnd(width)} ${done}\x1b[K\r`)
  })

/**
 * Shortens an id for display (`a88c38cf…`).
 *
 * @since 0.1.0
 */
export const short = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id)
