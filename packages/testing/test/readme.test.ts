// The README's examples are test files: each ```ts block in README.md follows a comment naming its file
// under test/readme/, and is that file, byte for byte. Those files run with the other tests.
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { assert, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))

it.effect("every README example is a file under test/readme/, verbatim", () =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const readme = yield* fs.readFileString(`${root}README.md`)
    const blocks = Array.from(readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm), (match) => {
      const before = readme.slice(0, match.index).trimEnd()
      const path = /<!-- (test\/readme\/[\w.-]+\.test\.ts) -->$/.exec(before)?.[1]
      return { path, code: match[1] ?? "" }
    })
    assert.deepStrictEqual(blocks.filter((block) => block.path === undefined).map((block) => block.code), [])
    const files = (yield* fs.readDirectory(`${root}test/readme`)).filter((name) => name.endsWith(".test.ts"))
    assert.deepStrictEqual(
      blocks.map((block) => block.path).sort(),
      files.map((name) => `test/readme/${name}`).sort(),
      "one README block per file"
    )
    for (const block of blocks) {
      assert.strictEqual(block.code, yield* fs.readFileString(`${root}${block.path}`), block.path)
    }
  }).pipe(Effect.provide(NodeFileSystem.layer)))
