/**
 * Prepares `bench/.build/`: every measuring process runs plain `node` on JavaScript, never through a
 * TypeScript loader, so no transpile time or loader hook counts in any figure.
 *
 * - `@vapi-effect/schema`, `http` and `client` are built as they are published (`dist/esm`, by the same
 *   `scripts/esm-bundle.mjs`: the top-level modules bundled with code splitting, the other public modules as
 *   re-exports) into `.build/node_modules/@vapi-effect/<name>/src`, with `exports` pointing at the `.js`
 *   files. `effect` and `@effect/platform` resolve from `bench/node_modules`, the same copies the workspace
 *   uses.
 * - `bench/src` (server, workers, import probes) is transpiled one file per module (esbuild, no bundling)
 *   into `.build/src`, so that its imports of `@vapi-effect/*` find the built packages.
 */
import * as Fs from "node:fs"
import * as Path from "node:path"
import * as Url from "node:url"
import * as Esbuild from "esbuild"
import { bundleEsm } from "../../scripts/esm-bundle.mjs"

/** `bench/` */
export const benchDir = Path.resolve(Path.dirname(Url.fileURLToPath(import.meta.url)), "..")
/** `bench/.build/` */
export const buildDir = Path.join(benchDir, ".build")
/** the repository root */
export const rootDir = Path.resolve(benchDir, "..")

/** The packages transpiled for the measuring processes. */
export const packages = ["schema", "http", "client"] as const

const sources = (dir: string): Array<string> =>
  (Fs.readdirSync(dir, { recursive: true }) as Array<string>)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => Path.join(dir, file))

const transpile = async (srcDir: string, outDir: string) => {
  const entryPoints = sources(srcDir)
  await Esbuild.build({
    entryPoints,
    outdir: outDir,
    outbase: srcDir,
    bundle: false,
    format: "esm",
    platform: "node",
    target: "node20.19",
    logLevel: "warning"
  })
  return entryPoints.length
}

/** Builds `.build/` from scratch; returns the number of modules written. */
export const build = async (): Promise<number> => {
  Fs.rmSync(buildDir, { recursive: true, force: true })
  let modules = 0
  for (const name of packages) {
    const pkgDir = Path.join(rootDir, "packages", name)
    const outDir = Path.join(buildDir, "node_modules", "@vapi-effect", name)
    const esm = await bundleEsm({ srcDir: Path.join(pkgDir, "src"), outDir: Path.join(outDir, "src"), target: "node20.19" })
    modules += esm.entries + esm.chunks + esm.reexports
    const manifest = JSON.parse(Fs.readFileSync(Path.join(pkgDir, "package.json"), "utf8")) as Record<string, unknown>
    manifest["exports"] = { ".": "./src/index.js", "./*": "./src/*.js", "./internal/*": null }
    Fs.writeFileSync(Path.join(outDir, "package.json"), JSON.stringify(manifest, null, 2))
  }
  modules += await transpile(Path.join(benchDir, "src"), Path.join(buildDir, "src"))
  Fs.writeFileSync(Path.join(buildDir, "package.json"), JSON.stringify({ type: "module", private: true }))
  return modules
}
