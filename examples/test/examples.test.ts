import { assert, describe, it } from "@effect/vitest"
import * as ChildProcess from "node:child_process"
import * as Path from "node:path"

const run = (file: string, args: ReadonlyArray<string> = []) => {
  const env = { ...process.env }
  delete env.VAPI_API_KEY
  delete env.VAPI_BASE_URL
  return ChildProcess.spawnSync(process.execPath, ["--import", "tsx", file, ...args], {
    cwd: Path.resolve(import.meta.dirname, ".."),
    env,
    encoding: "utf8",
    timeout: 60_000
  })
}

describe("examples run against the embedded server", () => {
  it("quickstart: every step succeeds, the NotFound is handled, everything is deleted", () => {
    const result = run("quickstart/main.ts")
    assert.strictEqual(result.status, 0, result.stderr)
    const lines = result.stdout.split("\n")
    assert.include(lines[0], "the embedded Vapi-compatible server at http://127.0.0.1:")
    assert.notInclude(result.stdout, "✗")
    for (const label of ["create tool", "create squad", "upload file", "place call", "rename call", "stream call logs"]) {
      assert.isTrue(lines.some((line) => line.startsWith(`  ✓ ${label}`)), label)
    }
    const created = lines.filter((line) => /✓ (create|upload|place) /.test(line)).length
    const deleted = lines.filter((line) => line.includes("✓ delete ")).length
    assert.strictEqual(created, 7)
    assert.strictEqual(deleted, created)
    assert.match(result.stdout, /rename call\s+now "Order follow-up"/)
    assert.match(result.stdout, /analytics by assistant\s+Support: 1 call\(s\)/)
    assert.match(result.stdout, /get deleted assistant\s+404 NotFound, handled with catchTag/)
  })

  it("calls-only: one service layer over one VapiClient", () => {
    const result = run("calls-only.ts")
    assert.strictEqual(result.status, 0, result.stderr)
    assert.match(result.stdout, /created [0-9a-f-]{36} \("follow-up"\), 1 call\(s\) for asst_1/)
  })

  it("retry-and-timeout: retries two 503s, times out a hung request", () => {
    const result = run("retry-and-timeout.ts")
    assert.strictEqual(result.status, 0, result.stderr)
    assert.include(result.stdout, "get Patient after two 503s: 2 retried")
    assert.include(result.stdout, "list calls on a hung connection: Timeout after attempt limit")
  })
})
