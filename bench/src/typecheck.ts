/**
 * Type-check time: `tsc -p consumer/<name>/tsconfig.json` (noEmit, strict, skipLibCheck) in a fresh process,
 * wall clock. `ours` imports `@vapi-effect/client` as the workspace resolves it (the packages' TypeScript
 * sources, which `skipLibCheck` does not skip); `baseline` is the same program on effect + @effect/platform
 * alone; `official` uses `@vapi-ai/server-sdk`'s declarations.
 */
import * as ChildProcess from "node:child_process"
import * as Module from "node:module"
import * as Path from "node:path"
import { benchDir } from "./build.js"

export const consumers = ["ours", "baseline", "official"] as const

export interface TypecheckTime {
  readonly consumer: (typeof consumers)[number]
  readonly seconds: number
}

const tsc = Module.createRequire(import.meta.url).resolve("typescript/bin/tsc")

const run = (consumer: (typeof consumers)[number]): TypecheckTime => {
  const t0 = performance.now()
  const result = ChildProcess.spawnSync(process.execPath, [tsc, "-p", Path.join(benchDir, "consumer", consumer, "tsconfig.json")], {
    encoding: "utf8",
    timeout: 180_000
  })
  const seconds = (performance.now() - t0) / 1000
  if (result.status !== 0) throw new Error(`the ${consumer} consumer does not type-check:\n${result.stdout}${result.stderr}`)
  return { consumer, seconds }
}

/** `reps` runs of each consumer, alternating; a consumer that fails to type-check is dropped. */
export const measureTypecheck = (reps: number, only: ReadonlyArray<(typeof consumers)[number]> = consumers) => {
  const errors: Array<string> = []
  const samples: Array<TypecheckTime> = []
  let working: ReadonlyArray<(typeof consumers)[number]> = only
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? working : [...working].reverse()
    for (const consumer of order) {
      try {
        samples.push(run(consumer))
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error))
        working = working.filter((c) => c !== consumer)
      }
    }
  }
  return { samples, errors }
}
