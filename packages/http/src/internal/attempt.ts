/**
 * What the transports share: one attempt, from sending to the end of the body, resuming its fiber once.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Transport from "../Transport.js"
import { maxTimerMillis } from "./timer.js"

/**
 * One attempt of a transport: it resumes the fiber once, with the response, a `SendError` or `TimedOut`.
 * Its timer calls `abort` at the attempt's timeout (a timeout beyond what `setTimeout` takes counts as none);
 * an interruption ends it without resuming the fiber and calls `abort` too. What aborting means is the
 * transport's.
 *
 * @internal
 */
export class Attempt {
  private done = false
  private timedOut = false
  private readonly timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly resume: (effect: Effect.Effect<Transport.Response, Transport.TransportError>) => void,
    timeoutMillis: number,
    private readonly abort: () => void
  ) {
    this.timer = timeoutMillis <= maxTimerMillis
      ? setTimeout(() => {
        this.timedOut = true
        this.abort()
        this.fail(undefined)
      }, Math.max(0, timeoutMillis))
      : undefined
  }

  /** Whether the attempt is over: answered, failed, timed out or interrupted. */
  get settled(): boolean {
    return this.done
  }

  succeed(response: Transport.Response): void {
    if (this.settle()) this.resume(Effect.succeed(response))
  }

  /** Fails with `TimedOut` once the timer fired, with a `SendError` (and the status, when known) otherwise. */
  fail(cause: unknown, response?: Transport.SendError["response"]): void {
    if (!this.settle()) return
    this.resume(Effect.fail(
      this.timedOut
        ? new Transport.TimedOut()
        : new Transport.SendError(response === undefined ? { cause } : { cause, response })
    ))
  }

  /** Ends the attempt without resuming the fiber (it was interrupted) and aborts it. */
  interrupt(): void {
    this.settle()
    this.abort()
  }

  private settle(): boolean {
    if (this.done) return false
    this.done = true
    if (this.timer !== undefined) clearTimeout(this.timer)
    return true
  }
}
