/**
 * Measures what packages/schema/README.md reports: the type-check time of a small program using `Call` and
 * `CreateAssistantDTO`, and the bundled size (esbuild, platform node, minified, gzipped) of a program that
 * decodes one `Call` versus one that imports everything. Run with `pnpm measure`.
 */
import * as ChildProcess from "node:child_process"
import * as Module from "node:module"
import * as Path from "node:path"
import * as Url from "node:url"
import * as Zlib from "node:zlib"
import * as Esbuild from "esbuild"

const here = Path.dirname(Url.fileURLToPath(import.meta.url))
const tsc = Module.createRequire(import.meta.url).resolve("typescript/bin/tsc")

const typecheck = (): number => {
  const start = process.hrtime.bigint()
  const result = ChildProcess.spawnSync(process.execPath, [tsc, "-p", Path.join(here, "typecheck/tsconfig.json")], { stdio: "inherit" })
  if (result.status !== 0) throw new Error("the type-check program does not type-check")
  return Number(process.hrtime.bigint() - start) / 1e9
}

const bundle = async (entry: string) => {
  const result = await Esbuild.build({
    entryPoints: [Path.join(here, "size", entry)],
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    write: false,
    logLevel: "silent"
  })
  const code = result.outputFiles[0].contents
  return { minified: code.length, gzipped: Zlib.gzipSync(code, { level: 9 }).length }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`

const runs = [typecheck(), typecheck(), typecheck()].sort((a, b) => a - b)
console.log(`type-check (tsc --noEmit), 3 runs: ${runs.map((s) => `${s.toFixed(2)} s`).join(", ")} (median ${runs[1].toFixed(2)} s)`)
for (const entry of ["baseline.ts", "one-call.ts", "everything.ts"]) {
  const size = await bundle(entry)
  console.log(`${entry}: ${kb(size.minified)} minified, ${kb(size.gzipped)} gzipped`)
}
