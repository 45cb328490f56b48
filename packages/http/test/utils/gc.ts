/**
 * A full garbage collection on demand, for tests that check what stays reachable: `--expose-gc` set at run
 * time, its `gc` taken from a fresh context.
 */
import * as Effect from "effect/Effect"
import * as V8 from "node:v8"
import * as Vm from "node:vm"

V8.setFlagsFromString("--expose-gc")
const gc: unknown = Vm.runInNewContext("gc")

/**
 * Collects everything unreachable. It first waits for the next macrotask: a `WeakRef` made in the current job
 * holds its target until that job ends.
 */
export const collectGarbage: Effect.Effect<void> = Effect.zipRight(
  Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve))),
  typeof gc === "function" ? Effect.sync(() => void gc()) : Effect.dieMessage("no gc: --expose-gc was not taken")
)
