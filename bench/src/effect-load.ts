/**
 * The measuring loop for the Effect-based clients (ours, and the platform `HttpClient` alone), as `load.ts`
 * is for the Promise-based ones: `concurrency` fibers issue requests back to back until the window closes or
 * the request cap is reached, one window per concurrency of the task, and only the windows after the warm-ups count.
 */
import * as Effect from "effect/Effect"
import { Recorder, requestSample, startProfile, stopProfile, type Window } from "./load.js"
import type { Sample, Task } from "./protocol.js"

/** CPU and wall clock around an effect, as `measure` does for Promises. */
export const measureEffect = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<Window, E> =>
  Effect.gen(function*() {
    const maxRssBeforeKb = process.resourceUsage().maxRSS
    yield* Effect.promise(startProfile)
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    yield* effect
    const wallMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    yield* Effect.promise(stopProfile)
    return { wallMs, cpuUs: cpu.user + cpu.system, maxRssBeforeKb }
  })

/** Runs a request task (`get`, `create` or `list`), one sample per window: `op` is one request. */
export const runRequests = <E>(task: Task, op: Effect.Effect<unknown, E>): Effect.Effect<Array<Sample>, E> =>
  Effect.gen(function*() {
    const recorder = new Recorder(task.maxRequests)
    const drive = (concurrency: number, deadline: number) => {
      const worker = Effect.gen(function*() {
        while (performance.now() < deadline && !recorder.full) {
          const t0 = performance.now()
          yield* op
          recorder.push(performance.now() - t0)
        }
      })
      return Effect.all(Array.from({ length: concurrency }, () => worker), {
        concurrency: "unbounded",
        discard: true
      })
    }
    const samples: Array<Sample> = []
    for (const [i, concurrency] of task.concurrencies.entries()) {
      yield* drive(concurrency, performance.now() + (i === 0 ? task.warmupMs : task.rewarmMs))
      recorder.count = 0
      const window = yield* measureEffect(Effect.suspend(() => drive(concurrency, performance.now() + task.measureMs)))
      samples.push(requestSample(task, concurrency, recorder, window))
    }
    return samples
  })
