/**
 * What a run does: the plans (`pnpm bench` and `--quick`), which client processes a round starts, in which
 * order, and the `Task` each of them gets. Pure: `main.ts` runs the processes, `test/plan.test.ts` checks the
 * schedule.
 */
import type { Config } from "./report.js"
import { type ClientName, clients, runsIn, type Task } from "./protocol.js"
import { consumers } from "./typecheck.js"

/** A run of the suite: its configurations, rounds and the length of each warm-up and window. */
export interface Plan {
  readonly mode: "full" | "quick"
  readonly rounds: number
  readonly configs: ReadonlyArray<Config>
  /** the warm-up of a process, then the one before each of its later windows (see `Task`) */
  readonly warmupMs: number
  readonly rewarmMs: number
  readonly measureMs: number
  readonly maxRequests: number
  readonly warmupRows: number
  readonly importReps: number
  /** whether an unrecorded pass of the import probes warms the file cache first */
  readonly importWarmPass: boolean
  readonly typecheckReps: number
  readonly typecheckConsumers: ReadonlyArray<(typeof consumers)[number]>
}

/** `pnpm bench`: under 10 minutes on a slow 2-core machine. */
export const fullPlan: Plan = {
  mode: "full",
  rounds: 3,
  configs: [
    { op: "get", concurrency: 1, rows: 0 },
    { op: "get", concurrency: 8, rows: 0 },
    { op: "get", concurrency: 64, rows: 0 },
    { op: "create", concurrency: 1, rows: 0 },
    { op: "create", concurrency: 8, rows: 0 },
    { op: "list", concurrency: 1, rows: 0 },
    { op: "list", concurrency: 8, rows: 0 },
    { op: "logs-stream", concurrency: 1, rows: 100_000 },
    { op: "logs-stream", concurrency: 8, rows: 100_000 },
    { op: "logs-stream", concurrency: 1, rows: 10_000 }
  ],
  warmupMs: 1_500,
  rewarmMs: 300,
  measureMs: 1_000,
  maxRequests: 200_000,
  warmupRows: 10_000,
  importReps: 5,
  importWarmPass: true,
  typecheckReps: 2,
  typecheckConsumers: consumers
}

/** `pnpm bench --quick`: every client and operation once, with windows too short for the JIT to settle (CI). */
export const quickPlan: Plan = {
  mode: "quick",
  rounds: 1,
  configs: [
    { op: "get", concurrency: 1, rows: 0 },
    { op: "create", concurrency: 1, rows: 0 },
    { op: "list", concurrency: 1, rows: 0 },
    { op: "logs-stream", concurrency: 1, rows: 10_000 }
  ],
  warmupMs: 100,
  rewarmMs: 50,
  measureMs: 150,
  maxRequests: 50_000,
  warmupRows: 1_000,
  importReps: 1,
  importWarmPass: false,
  typecheckReps: 1,
  typecheckConsumers: ["ours"]
}

/**
 * The configurations each client process runs: those of one request op together (one window per
 * concurrency, see `Task`), the highest concurrency first, so that c = 1, the one that warms the JIT
 * slowest (fewest requests a second), is measured after the longest warm-up; every logs walk alone.
 */
export const processGroups = (configs: ReadonlyArray<Config>): Array<ReadonlyArray<Config>> => {
  const groups: Array<Array<Config>> = []
  for (const config of configs) {
    const group = config.op === "logs-stream" ? undefined : groups.find((g) => g[0]!.op === config.op)
    if (group === undefined) groups.push([config])
    else group.push(config)
  }
  return groups.map((group) => [...group].sort((a, b) => b.concurrency - a.concurrency))
}

/** The client order of a round: rotated by the round number, reversed every other round. */
export const orderOf = (round: number): ReadonlyArray<ClientName> => {
  const rotated = clients.map((_, i) => clients[(i + round) % clients.length]!)
  return round % 2 === 1 ? rotated.reverse() : rotated
}

/** One client process of a round: the configurations it measures, one window each, and its task. */
export interface Process {
  readonly client: ClientName
  readonly configs: ReadonlyArray<Config>
  readonly task: Task
}

/**
 * The client processes of round `round`, in the order they run, against the load server at `url` (which
 * serves `logs` log entries).
 */
export const roundProcesses = (
  plan: Plan,
  round: number,
  server: { readonly url: string; readonly apiKey: string; readonly logs: number }
): Array<Process> =>
  processGroups(plan.configs).flatMap((group) =>
    orderOf(round).flatMap((client): Array<Process> => {
      const configs = group.filter((config) => runsIn(client, config, server.logs))
      const first = configs[0]
      if (first === undefined) return []
      // A client that skips the op's first windows warms up as long as they last, so that each window
      // comes after the same load in every client's process.
      const skipped = group.indexOf(first)
      return [{
        client,
        configs,
        task: {
          client,
          op: first.op,
          concurrencies: configs.map((config) => config.concurrency),
          url: server.url,
          apiKey: server.apiKey,
          warmupMs: plan.warmupMs + skipped * (plan.measureMs + plan.rewarmMs),
          rewarmMs: plan.rewarmMs,
          measureMs: plan.measureMs,
          maxRequests: plan.maxRequests,
          rows: first.rows,
          warmupRows: Math.min(plan.warmupRows, first.rows || plan.warmupRows)
        }
      }]
    })
  )
