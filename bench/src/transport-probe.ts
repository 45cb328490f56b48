/**
 * A quick loopback probe of the transport alone, for one process and no orchestration: CPU µs per request
 * (c = 1, sequential) of `get` and `create` (and `list` with `--list`) for raw `fetch`, raw `undici.request`,
 * our client over `NodeHttpClient.layerUndici` (the platform path), over `Node.layer` (NodeTransport) and
 * over `FetchHttpClient`. The load server runs in its own process, so only client CPU counts. Rounds
 * alternate the clients; the figure is the median of the rounds.
 *
 *     pnpm exec tsx src/transport-probe.ts [--requests 2000] [--rounds 3] [--list]
 *     node .build/src/transport-probe.js ...   (after a `pnpm bench` has built `.build/`)
 *
 * Prefer the transpiled copy: tsx's transform names every function (`__name`), which costs CPU per closure.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Calls from "@vapi-effect/client/Calls"
import * as Node from "@vapi-effect/client/Node"
import * as Vapi from "@vapi-effect/client/Vapi"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as ChildProcess from "node:child_process"
import * as Path from "node:path"
import * as Readline from "node:readline"
import * as Url from "node:url"
import * as FetchClient from "./clients/fetch.js"
import * as UndiciClient from "./clients/undici.js"
import { callId, createBody } from "./payloads.js"

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback
}
const requests = Number(arg("requests", "2000"))
const rounds = Number(arg("rounds", "3"))
const ops = process.argv.includes("--list") ? (["get", "create", "list"] as const) : (["get", "create"] as const)
type Op = (typeof ops)[number]
const apiKey = "sk_probe"

/** The load server next to this module: `server.ts` under tsx, `server.js` in a transpiled copy. */
const here = Url.fileURLToPath(import.meta.url)
const serverModule = Path.join(Path.dirname(here), `server${Path.extname(here)}`)

const startServer = async () => {
  const child = ChildProcess.spawn(
    process.execPath,
    [...process.execArgv, serverModule, "--logs", "1000"],
    { stdio: ["pipe", "pipe", "inherit"] }
  )
  const line = await new Promise<string>((resolve) => Readline.createInterface({ input: child.stdout! }).once("line", resolve))
  return { url: (JSON.parse(line) as { url: string }).url, stop: () => child.kill("SIGTERM") }
}

/** Runs `n` requests back to back, after a warm-up of as many; resolves with the CPU µs per request. */
type Run = Record<Op, (n: number) => Promise<number>>

const cpuPerRequest = (cpu0: NodeJS.CpuUsage, n: number) => {
  const cpu = process.cpuUsage(cpu0)
  return (cpu.user + cpu.system) / n
}

const promiseClient = (client: ReturnType<typeof FetchClient.make>): Run => {
  const loop = (f: () => Promise<unknown>) => async (n: number) => {
    for (let i = 0; i < n; i++) await f()
    const cpu0 = process.cpuUsage()
    for (let i = 0; i < n; i++) await f()
    return cpuPerRequest(cpu0, n)
  }
  return { get: loop(client.get), create: loop(client.create), list: loop(client.list) }
}

/** As the bench's workers do: the loop itself is an Effect, run once per window. */
const effectClient = (layer: Layer.Layer<Vapi.Services>) => {
  const runtime = ManagedRuntime.make(layer)
  const loop = (f: (calls: Calls.Service) => Effect.Effect<unknown, unknown>) => (n: number) =>
    runtime.runPromise(Effect.gen(function*() {
      const calls = yield* Calls.Calls
      const op = f(calls)
      for (let i = 0; i < n; i++) yield* op
      const cpu0 = process.cpuUsage()
      for (let i = 0; i < n; i++) yield* op
      return cpuPerRequest(cpu0, n)
    }).pipe(Effect.orDie))
  const run: Run = {
    get: loop((calls) => calls.get(callId)),
    create: loop((calls) => calls.create(createBody)),
    list: loop((calls) => calls.list({ limit: 100 }))
  }
  return { run, dispose: () => runtime.dispose() }
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const main = async () => {
  const server = await startServer()
  const options = { apiKey: Redacted.make(apiKey), baseUrl: server.url }
  const platform = effectClient(Vapi.layer(options).pipe(Layer.provide(NodeHttpClient.layerUndici)))
  const node = effectClient(Node.layer(options))
  const fetchOurs = effectClient(Vapi.layer(options).pipe(Layer.provide(FetchHttpClient.layer)))
  const clients: ReadonlyArray<readonly [string, Run]> = [
    ["raw fetch + JSON.parse", promiseClient(FetchClient.make(server.url, apiKey))],
    ["raw undici.request + JSON.parse", promiseClient(UndiciClient.make(server.url, apiKey))],
    ["ours, Vapi.layer + NodeHttpClient.layerUndici", platform.run],
    ["ours, Node.layer (NodeTransport)", node.run],
    ["ours, Vapi.layer + FetchHttpClient", fetchOurs.run]
  ]
  const samples = new Map<string, Array<number>>()
  try {
    for (let round = 0; round < rounds; round++) {
      for (const op of ops) {
        for (const [name, run] of clients) {
          const n = op === "list" ? Math.max(50, Math.floor(requests / 20)) : requests
          const us = await run[op](n)
          const key = `${op}\t${name}`
          samples.set(key, [...(samples.get(key) ?? []), us])
        }
      }
    }
  } finally {
    await Promise.all([platform.dispose(), node.dispose(), fetchOurs.dispose()])
    server.stop()
  }
  const fetchFor = (op: Op) => median(samples.get(`${op}\traw fetch + JSON.parse`)!)
  for (const [key, values] of samples) {
    const op = key.split("\t")[0] as Op
    const us = median(values)
    process.stdout.write(
      `${key}\t${us.toFixed(0)} µs\t${(us / fetchFor(op)).toFixed(2)}x fetch\t[${values.map((v) => v.toFixed(0)).join(", ")}]\n`
    )
  }
}

void main()
