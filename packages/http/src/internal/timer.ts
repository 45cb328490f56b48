/**
 * Timers for attempts: the longest delay `setTimeout` takes, and a timeout over an effect that costs one
 * forked fiber and one timer.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"

/** The longest delay `setTimeout` takes (about 24.8 days); a longer one would fire at once. */
export const maxTimerMillis = 2_147_483_647

/** The clock every fiber has unless another (a `TestClock`) is provided. */
const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

/**
 * `Effect.timeoutFail` with the same outcome, for the attempts over a platform `HttpClient`. On the live
 * clock, the effect runs in a child fiber, and a plain timer interrupts it, waits for its end and fails with
 * `onTimeout()`: this skips `Effect.timeoutFail`'s race of two fibers (the effect and a `sleep`) and the
 * interruption of the loser, ~120 µs of CPU a request over `FetchHttpClient`. On any other clock (a
 * `TestClock`) it is `Effect.timeoutFail`, so that the clock decides when the attempt times out. A timeout
 * beyond what `setTimeout` takes counts as none; interrupting the caller interrupts the child and waits for it.
 *
 * @internal
 */
export const timeoutFail = <A, E, R, E1>(
  effect: Effect.Effect<A, E, R>,
  millis: number,
  onTimeout: () => E1
): Effect.Effect<A, E | E1, R> =>
  millis > maxTimerMillis ? effect : Effect.clockWith((clock) =>
    clock === liveClock
      ? onLiveClock(effect, Math.max(0, millis), onTimeout)
      : Effect.timeoutFail(effect, { duration: Math.max(0, millis), onTimeout })
  )

const onLiveClock = <A, E, R, E1>(
  effect: Effect.Effect<A, E, R>,
  millis: number,
  onTimeout: () => E1
): Effect.Effect<A, E | E1, R> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(Effect.fork(restore(effect)), (fiber) =>
      restore(Effect.async<A, E | E1>((resume) => {
        const timer = setTimeout(() => {
          resume(Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(onTimeout())))
        }, millis)
        // The child's end, however it ends (an interruption too), clears the timer.
        fiber.addObserver((exit) => {
          clearTimeout(timer)
          resume(exit)
        })
        return Effect.asVoid(Fiber.interrupt(fiber))
      })))
  )
