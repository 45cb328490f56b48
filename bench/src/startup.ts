/**
 * Cold import: each scenario in a fresh `node` process running `.build/src/probe.js`, which times the
 * import of a baseline group and then of the target, with node's own ESM loader on plain JavaScript (our
 * packages built as their `dist/esm` is published; the official SDK's own `dist/esm`). Scenarios run
 * in alternating order; one unrecorded pass first warms the file system cache.
 */
import * as ChildProcess from "node:child_process"
import * as Path from "node:path"
import { buildDir } from "./build.js"

export interface Scenario {
  readonly name: string
  readonly baseline: ReadonlyArray<string>
  readonly target: ReadonlyArray<string>
}

/** The effect + @effect/platform baseline an Effect app has already loaded. */
export const effectBaseline = ["effect", "@effect/platform"]

export const scenarios: ReadonlyArray<Scenario> = [
  { name: "ours: @vapi-effect/client/Calls", baseline: effectBaseline, target: ["@vapi-effect/client/Calls"] },
  { name: "ours: @vapi-effect/client (all)", baseline: effectBaseline, target: ["@vapi-effect/client"] },
  { name: "official: @vapi-ai/server-sdk/calls", baseline: [], target: ["@vapi-ai/server-sdk/calls"] },
  { name: "official: @vapi-ai/server-sdk", baseline: [], target: ["@vapi-ai/server-sdk"] }
]

export interface ImportTime {
  readonly name: string
  /** ms to import the baseline group (effect + @effect/platform, or nothing) */
  readonly baselineMs: number
  /** ms to import the target after the baseline */
  readonly targetMs: number
}

const probe = (scenario: Scenario): ImportTime => {
  const group = (specifiers: ReadonlyArray<string>) => specifiers.length === 0 ? "-" : specifiers.join(",")
  const result = ChildProcess.spawnSync(
    process.execPath,
    [Path.join(buildDir, "src", "probe.js"), group(scenario.baseline), group(scenario.target)],
    { encoding: "utf8", timeout: 60_000 }
  )
  if (result.status !== 0) throw new Error(`import probe ${scenario.name} failed: ${result.stderr}`)
  const [baselineMs, targetMs] = JSON.parse(result.stdout) as [number, number]
  return { name: scenario.name, baselineMs, targetMs }
}

/**
 * `reps` samples of every scenario, alternating the order between passes, after an unrecorded warm-up pass
 * (or with the first pass recorded when `warmPass` is false); a scenario whose first probe fails is dropped
 * and its error returned.
 */
export const measureImports = (reps: number, warmPass: boolean = true) => {
  const errors: Array<string> = []
  const samples: Array<ImportTime> = []
  const working = scenarios.filter((scenario) => {
    try {
      const first = probe(scenario)
      if (!warmPass) samples.push(first)
      return true
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error))
      return false
    }
  })
  for (let rep = warmPass ? 0 : 1; rep < reps; rep++) {
    const order = rep % 2 === 0 ? working : [...working].reverse()
    for (const scenario of order) samples.push(probe(scenario))
  }
  return { samples, errors }
}
