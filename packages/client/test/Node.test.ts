import { assert, describe, it } from "@effect/vitest"
import * as Retry from "@vapi-effect/http/Retry"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import * as Files from "../src/Files.js"
import * as Node from "../src/Node.js"
import { nineRequests, oneOfEach, received } from "./utils/nine.js"
import * as Wire from "./utils/wire.js"

/**
 * Uploads a temp file by path. The file is written with node:fs, so that the only `FileSystem` around is
 * the one the layer under test brings.
 */
const uploadFromDisk = Effect.gen(function*() {
  const dir = yield* Effect.acquireRelease(
    Effect.sync(() => Fs.mkdtempSync(Path.join(Os.tmpdir(), "vapi-node-test-"))),
    (dir) => Effect.sync(() => Fs.rmSync(dir, { recursive: true, force: true }))
  )
  yield* Effect.sync(() => Fs.writeFileSync(Path.join(dir, "hello.md"), "# Hello"))
  const files = yield* Files.Files
  return yield* files.create({ path: Path.join(dir, "hello.md") })
}).pipe(Effect.scoped)

describe("Node", () => {
  it.live("layerConfig brings undici and the FileSystem, configured from VAPI_API_KEY and VAPI_BASE_URL", () =>
    Effect.gen(function*() {
      yield* oneOfEach
      const file = yield* uploadFromDisk
      assert.deepStrictEqual([file.originalName, file.mimetype, file.bytes], ["hello.md", "text/markdown", 7])
      assert.deepStrictEqual(yield* received, [...nineRequests, "POST /file?"])
    }).pipe(Effect.provide(
      Layer.unwrapEffect(Effect.map(Wire.Wire, (wire) =>
        Node.layerConfig({ retry: Retry.none }).pipe(
          Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(
            new Map([["VAPI_API_KEY", Wire.API_KEY], ["VAPI_BASE_URL", wire.url]])
          )))
        ))).pipe(Layer.provideMerge(Wire.layer()))
    )))

  it.live("layer takes the options directly", () =>
    Effect.gen(function*() {
      yield* oneOfEach
      assert.deepStrictEqual(yield* received, nineRequests)
    }).pipe(Effect.provide(
      Layer.unwrapEffect(Effect.map(Wire.Wire, (wire) =>
        Node.layer({ apiKey: Redacted.make(Wire.API_KEY), baseUrl: wire.url, retry: Retry.none })
      )).pipe(Layer.provideMerge(Wire.layer()))
    )))
})
