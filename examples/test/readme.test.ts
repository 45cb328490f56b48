import { assert, describe, it } from "@effect/vitest"
import * as Fs from "node:fs"
import * as Path from "node:path"

const root = Path.resolve(import.meta.dirname, "../..")
const readme = Fs.readFileSync(Path.join(root, "README.md"), "utf8")
const blocks = [...readme.matchAll(/```ts\n\/\/ (examples\/readme\/[\w.-]+\.ts)\n([\s\S]*?)```/g)]

describe("README", () => {
  it("has its complete programs in examples/readme, where `pnpm check` type-checks them", () => {
    assert.isAbove(blocks.length, 0)
    for (const [, file, code] of blocks) {
      assert.strictEqual(Fs.readFileSync(Path.join(root, file!), "utf8"), code, `${file} differs from the README`)
    }
  })

  it("shows the set-up commands that .ci/run runs", () => {
    const ci = Fs.readFileSync(Path.join(root, ".ci/run"), "utf8")
    for (const command of ["corepack enable && pnpm install && pnpm quickstart", "pnpm test"]) {
      assert.include(readme, `\`\`\`sh\n${command}\n\`\`\``)
      assert.include(ci.split("\n"), command)
    }
  })
})
