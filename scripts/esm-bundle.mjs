// The ES modules a package publishes (dist/esm), written by build-package.mjs and, the same way, by the
// bench (bench/src/build.ts), so that the bench measures the published layout.
//
// Every top-level module of src/ is an entry point of one esbuild build with code splitting: the code the
// entries share goes into chunks (dist/esm/chunks/), one per set of entries that reach it, and an entry
// loads only the chunks it reaches. Node's loader pays per file (resolve, stat, read, compile, link): one
// file per source module made `import "@vapi-effect/client/Calls"` load 123 of ours and cost 184 ms above
// effect + @effect/platform on the bench machine (AMD EPYC, 2 cores), against 30 files and 77 ms so
// (medians of 9 runs; bench/ANALYSIS.md, round 7).
//
// The modules below src/ that are public (all but internal/: schema's `generated/<Name>`) stay importable
// on their own as one-line re-exports of the same bindings from the chunk (or entry) that holds them, so
// that `generated/Call`'s `Call` is the very value `Calls`'s `Call` is; `verify` checks it.
import * as fs from "node:fs"
import * as path from "node:path"
import * as url from "node:url"
import * as esbuild from "esbuild"

const tsFiles = (dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))

const isInternal = (relative) => relative.split(path.sep)[0] === "internal"

/**
 * The names each module exports, as esbuild reads them when bundling (so `export *` counts; type-only exports
 * are gone from JavaScript).
 */
const exportsOf = async (files, srcDir) => {
  const { metafile } = await esbuild.build({
    entryPoints: files,
    outbase: srcDir,
    outdir: "/",
    write: false,
    bundle: true,
    splitting: true,
    packages: "external",
    format: "esm",
    metafile: true,
    logLevel: "warning"
  })
  return new Map(
    Object.values(metafile.outputs).flatMap((output) =>
      output.entryPoint === undefined ? [] : [[path.resolve(output.entryPoint), output.exports]]
    )
  )
}

/**
 * Writes `outDir` (emptied first) from the TypeScript sources in `srcDir`; returns the entry points, chunks
 * and re-export modules written.
 */
export const bundleEsm = async ({ srcDir, outDir, target = "node20" }) => {
  fs.rmSync(outDir, { recursive: true, force: true })
  const files = tsFiles(srcDir)
  const relative = (file) => path.relative(srcDir, file)
  const entries = files.filter((file) => !relative(file).includes(path.sep))
  const nested = files.filter((file) => relative(file).includes(path.sep) && !isInternal(relative(file)))

  const { metafile } = await esbuild.build({
    entryPoints: entries,
    outbase: srcDir,
    outdir: outDir,
    bundle: true,
    splitting: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target,
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    logLevel: "warning"
  })
  const outputs = Object.entries(metafile.outputs).map(([file, output]) => ({ file: path.resolve(file), ...output }))
  const chunks = outputs.filter((output) => output.entryPoint === undefined)
  // An entry that exports a name, the smallest first: the fallback for a name no single chunk exports.
  const entryOutputs = outputs.filter((output) => output.entryPoint !== undefined).sort((a, b) => a.bytes - b.bytes)

  const names = await exportsOf(nested, srcDir)
  for (const file of nested) {
    const out = path.join(outDir, relative(file).replace(/\.ts$/, ".js"))
    const from = new Map()
    for (const name of names.get(path.resolve(file)) ?? []) {
      const holders = chunks.filter((chunk) => chunk.exports.includes(name))
      const holder = holders.length === 1 ? holders[0] : entryOutputs.find((entry) => entry.exports.includes(name))
      if (holder === undefined) throw new Error(`${relative(file)}: no chunk or entry exports ${name}`)
      const specifier = path.relative(path.dirname(out), holder.file).split(path.sep).join("/")
      from.set(specifier, [...(from.get(specifier) ?? []), name])
    }
    const lines = [...from].map(([specifier, list]) =>
      `export { ${list.join(", ")} } from "${specifier.startsWith(".") ? specifier : `./${specifier}`}"\n`
    )
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, lines.join(""))
  }
  return { entries: entries.length, chunks: chunks.length, reexports: nested.length }
}

/**
 * Imports every re-export module written by {@link bundleEsm} and checks that each of its names is the same
 * value as the one the bundle's entries export under that name (so no module was bundled twice). Returns
 * the mismatches. The entries must load under plain node: schema's do (they import only effect).
 */
export const verify = async ({ srcDir, outDir }) => {
  const files = tsFiles(srcDir).map((file) => path.relative(srcDir, file).replace(/\.ts$/, ".js"))
  const entries = files.filter((file) => !file.includes(path.sep))
  const nested = files.filter((file) => file.includes(path.sep) && !isInternal(file))
  // Nothing to compare, and nothing imported: in the workspace, an entry's imports of the other packages
  // resolve to their TypeScript sources, which node cannot load.
  if (nested.length === 0) return []
  const load = (file) => import(url.pathToFileURL(path.join(outDir, file)).href)
  const known = new Map()
  for (const entry of entries) {
    for (const [name, value] of Object.entries(await load(entry))) if (!known.has(name)) known.set(name, value)
  }
  const mismatches = []
  for (const file of nested) {
    for (const [name, value] of Object.entries(await load(file))) {
      if (known.has(name) && known.get(name) !== value) mismatches.push(`${file}: ${name}`)
    }
  }
  return mismatches
}
