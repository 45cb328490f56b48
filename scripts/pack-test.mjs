#!/usr/bin/env node
// The packed-tarball test (`pnpm test:pack`): builds the public packages, packs each with `pnpm pack`,
// installs the tarballs with npm into a new project under the OS temp dir (outside the workspace, so
// nothing resolves to the sources), then, in that project:
//   - runs the same program as ES module (.mjs) and as CommonJS (.cjs): it starts MockServer from
//     @vapi-effect/testing and makes calls over HTTP with @vapi-effect/client, and checks the results;
//   - checks that internal modules and the ES bundle's chunks are not exported, and that a schema imported
//     on its own (`generated/Call`) is the same value as its resource module's;
//   - type-checks both programs against the published .d.ts (module nodenext, checkJs), and TypeScript
//     files under module node16 (.mts and .cts) and the older `moduleResolution: node10` (typesVersions);
//   - starts the `vapi-mock-server` command and makes one request to it.
// Options: --keep (leave the temp dir), --no-build (pack what dist/ holds).
import { execFileSync, spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

const workspace = path.resolve(import.meta.dirname, "..")
const packages = ["schema", "http", "client", "testing"]
const peers = {
  effect: "3.22.4",
  "@effect/platform": "0.97.2",
  "@effect/platform-node": "0.108.2",
  typescript: "5.9.3",
  "@types/node": "^20.19.0"
}
const keep = process.argv.includes("--keep")
const build = !process.argv.includes("--no-build")

const started = performance.now()
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`
const step = (message) => console.log(`[pack-test ${elapsed()}] ${message}`)
const failures = []
const check = (ok, message) => {
  if (!ok) failures.push(message)
  console.log(`  ${ok ? "ok  " : "FAIL"} ${message}`)
}
const run = (command, args, options = {}) =>
  execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options })

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vapi-effect-pack-"))
const tarballs = path.join(tmp, "tarballs")
const project = path.join(tmp, "project")
fs.mkdirSync(tarballs)
fs.mkdirSync(project)

const main = async () => {
  if (build) {
    step("pnpm build")
    execFileSync("pnpm", ["build"], {
      cwd: workspace,
      stdio: "inherit",
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" }
    })
  }

  step(`pnpm pack into ${tarballs}`)
  const packed = {}
  for (const name of packages) {
    const dir = path.join(workspace, "packages", name)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
    run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: dir })
    const file = path.join(tarballs, `${manifest.name.replace("@", "").replace("/", "-")}-${manifest.version}.tgz`)
    check(fs.existsSync(file), `${manifest.name}: ${path.basename(file)}`)
    const listing = run("tar", ["-tzf", file]).split("\n").filter(Boolean).map((entry) => entry.replace(/^package\//, ""))
    check(
      listing.every((entry) => /^(dist\/(esm|cjs|dts)\/|package\.json$|README\.md$|LICENSE)/.test(entry)),
      `${manifest.name}: only dist/{esm,cjs,dts}, package.json, README (${listing.length} files)`
    )
    for (const entry of ["dist/esm/index.js", "dist/cjs/index.js", "dist/dts/index.d.ts", "dist/cjs/package.json"]) {
      check(listing.includes(entry), `${manifest.name}: has ${entry}`)
    }
    const published = JSON.parse(run("tar", ["-xzOf", file, "package/package.json"]))
    check(published.exports["."].import === "./dist/esm/index.js", `${manifest.name}: exports point at dist`)
    check(!JSON.stringify(published).includes("workspace:"), `${manifest.name}: no workspace: ranges`)
    check(published.sideEffects === false, `${manifest.name}: sideEffects false`)
    check(published.peerDependencies?.effect !== undefined, `${manifest.name}: effect is a peer dependency`)
    packed[manifest.name] = { file, version: manifest.version }
  }

  // npm resolves the packages' dependencies on one another to the same tarballs through `overrides`.
  const tarballSpecs = Object.fromEntries(Object.entries(packed).map(([name, { file }]) => [name, `file:${file}`]))
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify(
      {
        name: "vapi-effect-pack-test",
        private: true,
        version: "0.0.0",
        dependencies: { ...tarballSpecs, ...peers },
        overrides: Object.fromEntries(Object.keys(tarballSpecs).map((name) => [name, `$${name}`]))
      },
      null,
      2
    )
  )
  step(`npm install in ${project}`)
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: project, timeout: 300_000 })

  for (const [file, source] of Object.entries(programs)) {
    fs.writeFileSync(path.join(project, file), source)
  }

  step("run the program as ES module and as CommonJS")
  const version = packed["@vapi-effect/http"].version
  for (const file of ["program.mjs", "program.cjs"]) {
    const result = await runNode([file], { cwd: project, timeout: 60_000 })
    check(
      result.code === 0 && result.stdout.includes(`pack-test ok: vapi-effect/${version}`),
      `node ${file} exits 0 (${result.code ?? result.signal})`
    )
    if (result.code !== 0) console.log(result.stdout + result.stderr)
  }
  const internal = await runNode(["-e", "require('@vapi-effect/client/internal/listStream')"], { cwd: project, timeout: 30_000 })
  check(internal.code !== 0 && internal.stderr.includes("ERR_PACKAGE_PATH_NOT_EXPORTED"), "internal modules are not exported")
  const chunks = await runNode(["-e", "import('@vapi-effect/schema/chunks/index').catch((e) => { console.error(e.code); process.exit(1) })"], { cwd: project, timeout: 30_000 })
  check(chunks.code !== 0 && chunks.stderr.includes("ERR_PACKAGE_PATH_NOT_EXPORTED"), "the bundle's chunks are not exported")
  // dist/esm is bundled (scripts/esm-bundle.mjs): a schema imported on its own is the resource module's.
  const same = await runNode([
    "-e",
    "Promise.all([import('@vapi-effect/schema/generated/Call'), import('@vapi-effect/schema/Calls'), import('@vapi-effect/schema')]).then(([a, b, c]) => process.exit(a.Call === b.Call && b.Call === c.Call && a.Call !== undefined ? 0 : 1))"
  ], { cwd: project, timeout: 30_000 })
  check(same.code === 0, "generated/Call, Calls and the index export the same Call (ES modules)")

  step("type-check against the published declarations")
  for (const tsconfig of ["tsconfig.json", "tsconfig.node16.json", "tsconfig.node10.json"]) {
    try {
      run(path.join(project, "node_modules", ".bin", "tsc"), ["-p", tsconfig], { cwd: project })
      check(true, `tsc -p ${tsconfig}`)
    } catch (error) {
      check(false, `tsc -p ${tsconfig}`)
      console.log(String(error.stdout) + String(error.stderr))
    }
  }

  step("the vapi-mock-server command")
  check(await tryBin(), "vapi-mock-server starts and answers GET /assistant")
}

const runNode = (args, { cwd, timeout }) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"], timeout })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => (stderr += chunk))
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }))
  })

const tryBin = () =>
  new Promise((resolve) => {
    const bin = path.join(project, "node_modules", ".bin", "vapi-mock-server")
    const child = spawn(bin, ["--port", "0", "--api-key", "pack-test-key"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    const done = (ok) => {
      clearTimeout(timer)
      child.kill("SIGINT")
      if (!ok) console.log(output)
      resolve(ok)
    }
    const timer = setTimeout(() => done(false), 30_000)
    child.stderr.on("data", (chunk) => (output += chunk))
    child.stdout.on("data", async (chunk) => {
      output += chunk
      const match = /VAPI_BASE_URL=(\S+)/.exec(output)
      if (match && /VAPI_API_KEY=/.test(output)) {
        child.stdout.removeAllListeners("data")
        try {
          const response = await fetch(`${match[1]}/assistant`, { headers: { authorization: "Bearer pack-test-key" } })
          done(response.status === 200 && Array.isArray(await response.json()))
        } catch (error) {
          output += String(error)
          done(false)
        }
      }
    })
    child.on("error", (error) => {
      output += String(error)
      done(false)
    })
  })

// One program, written once, imported two ways.
const imports = {
  esm: `import * as assert from "node:assert/strict"
import { Assistants, Calls } from "@vapi-effect/client"
import * as Node from "@vapi-effect/client/Node"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import { Call } from "@vapi-effect/schema/generated/Call"
import { MockServer } from "@vapi-effect/testing"
import { Effect, Layer, Schema } from "effect"
`,
  cjs: `const assert = require("node:assert/strict")
const { Assistants, Calls } = require("@vapi-effect/client")
const Node = require("@vapi-effect/client/Node")
const VapiClient = require("@vapi-effect/http/VapiClient")
const { Call } = require("@vapi-effect/schema/generated/Call")
const { MockServer } = require("@vapi-effect/testing")
const { Effect, Layer, Schema } = require("effect")
`
}
const body = `
const program = Effect.gen(function*() {
  const server = yield* MockServer.MockServer
  const assistants = yield* Assistants.Assistants
  const calls = yield* Calls.Calls
  const assistant = yield* assistants.create({ name: "pack-test" })
  const call = yield* calls.create({ assistantId: assistant.id, customer: { number: "+15550100" } })
  const renamed = yield* calls.update(call.id, { name: "renamed" })
  const fetched = yield* calls.get(call.id)
  const listed = yield* calls.list({ assistantId: assistant.id, limit: 10 })
  const missing = yield* calls.get("no-such-call").pipe(
    Effect.as("found"),
    Effect.catchTag("NotFound", (error) => Effect.succeed(error._tag))
  )
  yield* calls.delete(call.id)
  const afterDelete = yield* calls.list({ assistantId: assistant.id })
  const requests = yield* server.requests
  return { assistant, call, renamed, fetched, listed, missing, afterDelete, requests }
})

const VapiLive = Layer.unwrapEffect(
  Effect.map(MockServer.MockServer, (server) => Node.layer({ apiKey: server.apiKey, baseUrl: server.url }))
)
const MainLive = VapiLive.pipe(Layer.provideMerge(MockServer.layer({ seed: 1 })))

Effect.runPromise(program.pipe(Effect.provide(MainLive))).then(
  (result) => {
    assert.equal(result.assistant.name, "pack-test")
    assert.equal(result.call.assistantId, result.assistant.id)
    assert.equal(result.renamed.name, "renamed")
    assert.equal(result.fetched.name, "renamed")
    assert.ok(Schema.is(Call)(result.fetched))
    assert.deepEqual(result.listed.map((c) => c.id), [result.call.id])
    assert.equal(result.missing, "NotFound")
    assert.deepEqual(result.afterDelete, [])
    assert.deepEqual(
      result.requests.map((r) => \`\${r.method} \${r.status}\`),
      ["POST 201", "POST 201", "PATCH 200", "GET 200", "GET 200", "GET 404", "DELETE 200", "GET 200"]
    )
    console.log(\`pack-test ok: \${VapiClient.userAgent}\`)
  },
  (error) => {
    console.error(error)
    process.exitCode = 1
  }
)
`
const programs = {
  "program.mjs": imports.esm + body,
  "program.cjs": imports.cjs + body,
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        module: "nodenext",
        target: "es2022",
        strict: true,
        exactOptionalPropertyTypes: true,
        allowJs: true,
        checkJs: true,
        noEmit: true,
        skipLibCheck: false,
        types: ["node"]
      },
      files: ["program.mjs", "program.cjs"]
    },
    null,
    2
  ),
  "tsconfig.node16.json": JSON.stringify(
    {
      compilerOptions: { module: "node16", target: "es2022", strict: true, noEmit: true, skipLibCheck: true, types: ["node"] },
      files: ["types.mts", "types.cts"]
    },
    null,
    2
  ),
  "tsconfig.node10.json": JSON.stringify(
    {
      compilerOptions: {
        module: "commonjs",
        moduleResolution: "node10",
        target: "es2022",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"]
      },
      files: ["types.ts"]
    },
    null,
    2
  )
}
// TypeScript users: the root and subpath imports under node16 (ESM and CommonJS files) and node10.
const types = `import { Calls, Vapi } from "@vapi-effect/client"
import * as Node from "@vapi-effect/client/Node"
import { VapiClient } from "@vapi-effect/http"
import type { Call } from "@vapi-effect/schema/generated/Call"
import { MockServer } from "@vapi-effect/testing"
import { Effect, Layer } from "effect"

export const program: Effect.Effect<ReadonlyArray<Call>, unknown, Calls.Calls> = Effect.flatMap(
  Calls.Calls,
  (calls) => calls.list({ limit: 1 })
)
export const layer: Layer.Layer<Vapi.Services | VapiClient.VapiClient, unknown, MockServer.MockServer> =
  Layer.unwrapEffect(Effect.map(MockServer.MockServer, (server) => Node.layer({ apiKey: server.apiKey, baseUrl: server.url })))
`
for (const file of ["types.mts", "types.cts", "types.ts"]) programs[file] = types

try {
  await main()
} catch (error) {
  failures.push(String(error.message ?? error))
  console.error(error.stdout ?? "", error.stderr ?? "", error)
} finally {
  if (keep) console.log(`kept ${tmp}`)
  else fs.rmSync(tmp, { recursive: true, force: true })
}
step(failures.length === 0 ? "passed" : `${failures.length} failed:\n  ${failures.join("\n  ")}`)
process.exitCode = failures.length === 0 ? 0 : 1
