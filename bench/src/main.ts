/**
 * `pnpm bench [--quick] [--rounds N] [--cpu-prof] [--no-results-md]`: the benchmark suite. `--cpu-prof`
 * profiles the measured window of every client process into `results/profiles/` (read them with
 * `tsx src/profile.ts <file>`); its figures are then not comparable.
 *
 * 1. builds `.build/` (plain JavaScript for every measuring process) and checks the payloads against the
 *    generated schemas;
 * 2. starts the load server in its own process on 127.0.0.1 and checks what it serves;
 * 3. for every round, configuration and client (in an order that rotates each round), runs the client in a
 *    fresh process and collects its figures;
 * 4. measures cold import, bundle size and type-check time;
 * 5. prints the tables, writes `bench/results/<time>.json` (and `latest.json`) and, for a full run,
 *    `bench/RESULTS.md`.
 *
 * Every loop is bounded by a count and a time; the only traffic goes to the server on 127.0.0.1.
 */
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import * as Readline from "node:readline"
import { benchDir, build, buildDir } from "./build.js"
import { fullPlan, type Plan, quickPlan, roundProcesses } from "./plan.js"
import { clientLabels, clients, type Sample, type Task } from "./protocol.js"
import {
  type Config,
  configKey,
  importTable,
  loadTables,
  type Run,
  sizeTable,
  summarize,
  summarizeImports,
  summarizeTypecheck,
  targets,
  targetTable,
  typecheckTable
} from "./report.js"
import { checkPayloads, checkServer } from "./selfcheck.js"
import { bundle, type BundleSize } from "./size.js"
import { measureImports } from "./startup.js"
import { measureTypecheck } from "./typecheck.js"

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const quick = flag("quick")
const cpuProf = flag("cpu-prof")

const base = quick ? quickPlan : fullPlan
const plan: Plan = { ...base, rounds: Number(option("rounds") ?? base.rounds) }
const apiKey = "bench-key"
const started = Date.now()
const log = (line: string) => process.stdout.write(`${line}\n`)
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`

/** Starts the load server and resolves with its URL once it listens. */
const startServer = (logs: number) =>
  new Promise<{ url: string; process: ChildProcess.ChildProcess }>((resolve, reject) => {
    const child = ChildProcess.spawn(process.execPath, [Path.join(buildDir, "src", "server.js"), "--logs", String(logs)], {
      stdio: ["pipe", "pipe", "inherit"]
    })
    const timer = setTimeout(() => reject(new Error("the load server did not start in 60 s")), 60_000)
    child.once("exit", (code) => reject(new Error(`the load server exited (${code})`)))
    Readline.createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer)
      resolve({ url: (JSON.parse(line) as { url: string }).url, process: child })
    })
  })

/** Runs one task in a fresh process: one sample per window. */
const runWorker = (task: Task) =>
  new Promise<Array<Sample>>((resolve, reject) => {
    const profDir = Path.join(benchDir, "results", "profiles")
    if (cpuProf) Fs.mkdirSync(profDir, { recursive: true })
    const env = cpuProf
      ? { ...process.env, BENCH_CPU_PROFILE: Path.join(profDir, `${task.client}-${task.op}-${task.rows || ""}c${task.concurrencies.join("-")}-${Date.now()}.cpuprofile`) }
      : process.env
    const child = ChildProcess.spawn(process.execPath, [Path.join(buildDir, "src", "worker.js"), JSON.stringify(task)], {
      stdio: ["ignore", "pipe", "pipe"],
      env
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill("SIGKILL"), 180_000)
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      const line = stdout.trim().split("\n").at(-1)
      if (code === 0 && line !== undefined && line !== "") resolve(JSON.parse(line) as Array<Sample>)
      else reject(new Error(`${task.client} ${task.op} c=${task.concurrencies.join(",")}: exit ${code ?? signal}\n${stderr.trim()}`))
    })
  })

const short = (s: Sample) => {
  const perS = s.rows === null ? `${(s.requests / (s.wallMs / 1000)).toFixed(0)} req/s` : `${(s.rows / (s.wallMs / 1000)).toFixed(0)} rows/s`
  return `${perS.padStart(14)}  ${(s.cpuUs / s.requests).toFixed(0).padStart(6)} µs CPU/req  ${(s.maxRssKb / 1024).toFixed(0).padStart(4)} MB`
}

const machine = () => ({
  nproc: Os.availableParallelism?.() ?? Os.cpus().length,
  cpu: Os.cpus()[0]?.model ?? "unknown",
  memoryGb: Math.round(Os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${Os.type()} ${Os.release()} ${Os.arch()}`
})

const main = async () => {
  log(`vapi-effect bench (${plan.mode}): ${plan.rounds} round(s), ${plan.configs.length} configurations, ${clients.length} clients`)
  const modules = await build()
  log(`built .build/ (${modules} modules, plain JavaScript for every measuring process)`)
  const payloads = checkPayloads()
  log(`payloads decode and re-encode with the generated schemas: call ${payloads.callBytes} B, list ${payloads.listBytes} B, logs page ${payloads.logsPageBytes} B`)

  const logs = Math.max(...plan.configs.map((c) => c.rows), plan.warmupRows)
  const server = await startServer(logs)
  const runs: Array<Run> = []
  try {
    await checkServer(server.url, apiKey, logs)
    log(`load server on ${server.url} serves exactly those payloads (${logs} logs)`)

    for (let round = 0; round < plan.rounds; round++) {
      for (const { client, configs, task } of roundProcesses(plan, round, { url: server.url, apiKey, logs })) {
        const label = (config: Config) =>
          `[${elapsed().padStart(4)} r${round + 1}] ${configKey(config).padEnd(22)} ${clientLabels[client].padEnd(40)}`
        const load = Os.loadavg()[0]!
        try {
          const samples = await runWorker(task)
          configs.forEach((config, i) => {
            const sample = samples[i] ?? null
            runs.push({ round, config, client, sample, error: sample === null ? "no sample" : null, load })
            log(`${label(config)} ${sample === null ? "no sample" : short(sample)}`)
          })
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          for (const config of configs) runs.push({ round, config, client, sample: null, error: message, load })
          log(`${label(configs[0]!)} FAILED\n${message}`)
        }
      }
    }
  } finally {
    server.process.kill("SIGTERM")
  }

  const problems: Array<string> = []
  const attempt = async <A>(what: string, run: () => A | Promise<A>, fallback: A): Promise<A> => {
    try {
      return await run()
    } catch (error) {
      const message = `${what}: ${error instanceof Error ? error.message : String(error)}`
      problems.push(message)
      log(`FAILED ${message}`)
      return fallback
    }
  }
  const phaseLoad: Record<string, number> = {}
  phaseLoad["import"] = Os.loadavg()[0]!
  log(`[${elapsed()}] cold import (${plan.importReps} runs each)`)
  const importRun = measureImports(plan.importReps, plan.importWarmPass)
  for (const error of importRun.errors) {
    problems.push(`import: ${error}`)
    log(`FAILED import: ${error}`)
  }
  const imports = summarizeImports(importRun.samples)
  log(`[${elapsed()}] bundle sizes`)
  const sizes: Array<BundleSize> = []
  for (const app of ["calls", "all", "official-calls", "official-all"]) {
    const size = await attempt(`bundle ${app}`, () => bundle(app), null)
    if (size !== null) sizes.push(size)
  }
  phaseLoad["typecheck"] = Os.loadavg()[0]!
  log(`[${elapsed()}] type-check (${plan.typecheckReps} run(s) each)`)
  const typecheckRun = measureTypecheck(plan.typecheckReps, plan.typecheckConsumers)
  for (const error of typecheckRun.errors) {
    problems.push(`type-check: ${error}`)
    log(`FAILED type-check: ${error}`)
  }
  const typecheck = summarizeTypecheck(typecheckRun.samples)

  const rows = summarize(plan.configs, runs)
  const checks = targets(rows, imports, sizes)
  const seconds = (Date.now() - started) / 1000
  const date = new Date().toISOString()
  const host = machine()
  const loads = runs.map((r) => r.load).sort((a, b) => a - b)
  const loadNote = loads.length === 0 ? "" : `load average (1 min) when the client processes started: median ${
    loads[Math.floor(loads.length / 2)]!.toFixed(2)
  }, max ${loads.at(-1)!.toFixed(2)} (the load server and the client under test account for up to 2)`
  const failures = [...runs.flatMap((r) => r.error === null ? [] : [r.error]), ...problems]

  const tables = [
    "### Throughput, latency, CPU and memory",
    "",
    `Medians over ${plan.rounds} round(s); in parentheses, the median over rounds of the figure divided by raw fetch's in the same round.`,
    "",
    loadTables(rows),
    "### Cold import",
    "",
    `Load average (1 min) when this phase started: ${phaseLoad["import"]!.toFixed(2)}.`,
    "",
    importTable(imports),
    "### Bundle size (esbuild, minified, platform node, gzip -9)",
    "",
    sizeTable(sizes),
    "### Type-check time of a small consumer (tsc --noEmit)",
    "",
    `Load average (1 min) when this phase started: ${phaseLoad["typecheck"]!.toFixed(2)}.`,
    "",
    typecheckTable(typecheck),
    "### Targets",
    "",
    targetTable(checks)
  ].join("\n")
  log("")
  log(tables)
  log(loadNote)
  log(`${plan.mode} run: ${seconds.toFixed(0)} s on ${host.nproc} × ${host.cpu}, node ${host.node}; ${failures.length} failure(s)`)

  const results = { date, mode: plan.mode, seconds, machine: host, plan, payloads, runs, rows, imports, sizes, typecheck, targets: checks, failures, loadNote, phaseLoad }
  const resultsDir = Path.join(benchDir, "results")
  Fs.mkdirSync(resultsDir, { recursive: true })
  const file = Path.join(resultsDir, `${date.replace(/[:.]/g, "-")}-${plan.mode}.json`)
  Fs.writeFileSync(file, JSON.stringify(results, null, 2))
  Fs.writeFileSync(Path.join(resultsDir, "latest.json"), JSON.stringify(results, null, 2))
  log(`results: ${Path.relative(process.cwd(), file)}`)

  if (plan.mode === "full" && !cpuProf && !flag("no-results-md") && failures.length === 0) {
    const md = [
      "# Benchmark results",
      "",
      `The latest full run of \`pnpm bench\` (method: [README.md](README.md); where the time goes and what would`,
      `fix it: [ANALYSIS.md](ANALYSIS.md)).`,
      "",
      `- date: ${date}`,
      `- machine: ${host.nproc} × ${host.cpu}, ${host.memoryGb} GB, ${host.os}`,
      `- node: ${host.node}`,
      `- run: ${plan.rounds} rounds; a process per client and request op measures one ${plan.measureMs} ms window per concurrency, after ${plan.warmupMs} ms of warm-up (${plan.rewarmMs} ms more before each later window); a logs walk has its process, after a walk of ${plan.warmupRows} rows; ${seconds.toFixed(0)} s in all`,
      `- ${loadNote}`,
      `- payloads: call ${payloads.callBytes} B, list of 100 ${payloads.listBytes} B, logs page of 100 ${payloads.logsPageBytes} B`,
      "",
      tables
    ].join("\n")
    Fs.writeFileSync(Path.join(benchDir, "RESULTS.md"), md)
    log("wrote bench/RESULTS.md")
  }
  if (failures.length > 0) process.exitCode = 1
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
