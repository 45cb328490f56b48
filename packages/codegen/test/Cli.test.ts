import { afterAll, assert, describe, it } from "@effect/vitest"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { run } from "../src/Cli.js"

// These run the generator on the real document (read from ../../../shared/vapi-openapi/).
const temp = Fs.mkdtempSync(Path.join(Os.tmpdir(), "vapi-codegen-"))
afterAll(() => Fs.rmSync(temp, { recursive: true, force: true }))

const readAll = (dir: string): Map<string, Buffer> => {
  const out = new Map<string, Buffer>()
  const visit = (sub: string) => {
    for (const entry of Fs.readdirSync(Path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub === "" ? entry.name : `${sub}/${entry.name}`
      if (entry.isDirectory()) visit(rel)
      else out.set(rel, Fs.readFileSync(Path.join(dir, rel)))
    }
  }
  visit("")
  return out
}

const quiet = () => {
  const lines: Array<string> = []
  return { log: (line: string) => void lines.push(line), lines }
}

describe("codegen command", () => {
  it("is deterministic: two runs give byte-identical files", async () => {
    const a = Path.join(temp, "a")
    const b = Path.join(temp, "b")
    assert.strictEqual(await run(["--out", a], quiet().log), 0)
    assert.strictEqual(await run(["--out", b], quiet().log), 0)
    const filesA = readAll(a)
    const filesB = readAll(b)
    assert.isAbove(filesA.size, 300)
    assert.deepStrictEqual([...filesA.keys()], [...filesB.keys()])
    for (const [path, content] of filesA) assert.isTrue(content.equals(filesB.get(path)!), path)
  })

  it("--check passes on the committed output of @vapi-effect/schema", async () => {
    const out = quiet()
    assert.strictEqual(await run(["--check"], out.log), 0, out.lines.join("\n"))
  })

  it("--check fails on a changed, a missing or an extra file", async () => {
    const dir = Path.join(temp, "c")
    assert.strictEqual(await run(["--out", dir], quiet().log), 0)
    assert.strictEqual(await run(["--check", "--out", dir], quiet().log), 0)

    Fs.appendFileSync(Path.join(dir, "Call.ts"), "// hand edit\n")
    const changed = quiet()
    assert.strictEqual(await run(["--check", "--out", dir], changed.log), 1)
    assert.include(changed.lines.join("\n"), "differs: Call.ts")

    Fs.rmSync(Path.join(dir, "Call.ts"))
    Fs.writeFileSync(Path.join(dir, "Stale.ts"), "")
    const missing = quiet()
    assert.strictEqual(await run(["--check", "--out", dir], missing.log), 1)
    assert.include(missing.lines.join("\n"), "missing: Call.ts")
    assert.include(missing.lines.join("\n"), "not generated: Stale.ts")

    assert.strictEqual(await run(["--out", dir], quiet().log), 0)
    assert.strictEqual(await run(["--check", "--out", dir], quiet().log), 0)
  })
})
