import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { field, items } from "./utils.js"

const packageDir = Path.resolve(import.meta.dirname, "..")
const tsx = Path.join(packageDir, "node_modules", ".bin", "tsx")

interface Running {
  readonly child: ChildProcess.ChildProcess
  readonly url: string
  readonly key: string
  readonly output: () => string
}

/** Spawns the command, waits (at most 20 s) for it to print its URL and key, and kills it with the scope. */
const serve = (args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  Effect.acquireRelease(
    Effect.async<Running, Error>((resume) => {
      const child = ChildProcess.spawn(tsx, ["src/bin.ts", ...args], {
        cwd: packageDir,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"]
      })
      let output = ""
      const timer = setTimeout(() => {
        child.kill("SIGKILL")
        resume(Effect.fail(new Error(`no URL printed within 20 s: ${output}`)))
      }, 20_000)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const url = /VAPI_BASE_URL=(\S+)/.exec(output)?.[1]
        const key = /VAPI_API_KEY=(\S+)/.exec(output)?.[1]
        if (url !== undefined && key !== undefined) {
          clearTimeout(timer)
          resume(Effect.succeed({ child, url, key, output: () => output }))
        }
      }
      child.stdout.on("data", onData)
      child.stderr.on("data", onData)
      child.on("exit", (code) => {
        clearTimeout(timer)
        resume(Effect.fail(new Error(`exited with ${code}: ${output}`)))
      })
    }),
    (running) =>
      Effect.async<void>((resume) => {
        if (running.child.exitCode !== null) return resume(Effect.void)
        const timer = setTimeout(() => running.child.kill("SIGKILL"), 5_000)
        running.child.once("exit", () => {
          clearTimeout(timer)
          resume(Effect.void)
        })
        running.child.kill("SIGINT")
      })
  )

/** Runs the command to completion (at most 20 s): exit code and output. */
const runToExit = (args: ReadonlyArray<string>) =>
  Effect.async<{ readonly code: number | null; readonly output: string }>((resume) => {
    const child = ChildProcess.spawn(tsx, ["src/bin.ts", ...args], { cwd: packageDir, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resume(Effect.succeed({ code, output }))
    })
  })

const request = (url: string, init: RequestInit = {}) =>
  Effect.promise(() => fetch(url, init).then(async (r) => ({ status: r.status, json: await r.json() })))

describe("serve command", () => {
  it.scopedLive("prints a URL on 127.0.0.1 and a key that works, and stops on SIGINT", () =>
    Effect.gen(function*() {
      const running = yield* serve(["--seed", "bin-test"])
      assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.notStrictEqual(running.url, "http://127.0.0.1:0")
      const auth = { authorization: `Bearer ${running.key}` }
      const created = yield* request(`${running.url}/assistant`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ name: "from bin" })
      })
      assert.strictEqual(created.status, 201)
      assert.strictEqual(field(created.json, "name"), "from bin")
      assert.strictEqual((yield* request(`${running.url}/assistant`)).status, 401)
      const faulted = yield* request(`${running.url}/__admin/faults`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ fault: { _tag: "Status", status: 503 }, times: 1 })
      })
      assert.strictEqual(faulted.status, 201)
      assert.strictEqual((yield* request(`${running.url}/assistant`, { headers: auth })).status, 503)
      assert.strictEqual((yield* request(`${running.url}/assistant`, { headers: auth })).status, 200)
      const exit = yield* Effect.async<{ readonly code: number | null; readonly signal: string | null }>((resume) => {
        running.child.once("exit", (code, signal) => resume(Effect.succeed({ code, signal })))
        running.child.kill("SIGINT")
      }).pipe(Effect.timeout("5 seconds"))
      assert.notStrictEqual(exit.signal, "SIGKILL")
      const after = yield* Effect.either(Effect.tryPromise(() => fetch(`${running.url}/assistant`, { headers: auth })))
      assert.strictEqual(after._tag, "Left", "the port is closed once the command stopped")
    }), { timeout: 60_000 })

  it.scopedLive("takes the port from --port or PORT, the key from --api-key, fixtures from a file", () =>
    Effect.gen(function*() {
      const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "vapi-mock-"))
      const file = Path.join(dir, "fixtures.json")
      Fs.writeFileSync(file, JSON.stringify({ assistants: [{ id: "asst_file", name: "From file" }] }))
      yield* Effect.addFinalizer(() => Effect.sync(() => Fs.rmSync(dir, { recursive: true, force: true })))
      const first = yield* serve(["--api-key", "sk-bin", "--fixtures", file])
      assert.strictEqual(first.key, "sk-bin")
      const listed = yield* request(`${first.url}/assistant`, { headers: { authorization: "Bearer sk-bin" } })
      assert.deepStrictEqual(items(listed.json).map((a) => field(a, "id")), ["asst_file"])
      assert.strictEqual((yield* request(`${first.url}/assistant`, { headers: { authorization: "Bearer other" } })).status, 401)
      const port = Number(new URL(first.url).port) + 1
      const byFlag = yield* serve([`--port=${port}`])
      assert.strictEqual(byFlag.url, `http://127.0.0.1:${port}`)
      const byEnv = yield* serve([], { PORT: String(port + 1) })
      assert.strictEqual(byEnv.url, `http://127.0.0.1:${port + 1}`)
    }), { timeout: 60_000 })

  it.live("fails with a usage message on an unknown option", () =>
    Effect.gen(function*() {
      const result = yield* runToExit(["--nope"])
      assert.notStrictEqual(result.code, 0)
      assert.include(result.output, "Unknown argument --nope")
    }), { timeout: 30_000 })
})
