#!/usr/bin/env node
// Builds the package in the current directory (run as its `build` script):
//   dist/esm  ES modules: the top-level modules of src/ bundled with code splitting, and the other public
//             modules as re-exports (scripts/esm-bundle.mjs says why)
//   dist/dts  the declarations, one set for both formats, from `tsc -b tsconfig.build.json`; that config
//             has `noCheck`: `pnpm check` type-checks the sources (with the tests), the pack test the output
//   dist/cjs  CommonJS: tsc's JavaScript (dist/files, one file per module, not published) converted file by
//             file with esbuild, with a `{ "type": "commonjs" }` package.json so Node reads it as CommonJS
// The published package.json points at these through `publishConfig` (exports, main, types, bin).
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import * as esbuild from "esbuild"
import { bundleEsm, verify } from "./esm-bundle.mjs"

const root = process.cwd()
const dist = path.join(root, "dist")
const started = performance.now()

// The version constant that stands in for the package.json import (see scripts/version.mjs).
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const versionFile = path.join(root, "src", "internal", "version.ts")
if (fs.existsSync(versionFile) && !fs.readFileSync(versionFile, "utf8").includes(JSON.stringify(manifest.version))) {
  console.error(`${manifest.name}: src/internal/version.ts is not ${manifest.version}: run \`node scripts/version.mjs\` (\`pnpm run version\` does)`)
  process.exit(1)
}

const listFiles = (dir, suffix) =>
  fs.existsSync(dir)
    ? fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
      .map((entry) => path.join(entry.parentPath, entry.name))
    : []

// tsc -b re-emits only what changed since dist/.tsbuildinfo and never deletes: drop the output of
// sources that are gone. dist/cjs is rebuilt from scratch.
for (const [dir, suffix] of [["files", ".js"], ["dts", ".d.ts"]]) {
  for (const file of listFiles(path.join(dist, dir), suffix)) {
    const source = path.join(root, "src", path.relative(path.join(dist, dir), file).slice(0, -suffix.length) + ".ts")
    if (!fs.existsSync(source)) fs.rmSync(file)
  }
}
fs.rmSync(path.join(dist, "cjs"), { recursive: true, force: true })

execFileSync("tsc", ["-b", "tsconfig.build.json"], { stdio: "inherit" })

const perFile = path.join(dist, "files")
const files = listFiles(perFile, ".js")

await esbuild.build({
  entryPoints: files,
  outbase: perFile,
  outdir: path.join(dist, "cjs"),
  format: "cjs",
  platform: "node",
  target: "node20",
  bundle: false,
  logLevel: "warning"
})

const src = path.join(root, "src")
const esm = await bundleEsm({ srcDir: src, outDir: path.join(dist, "esm") })
fs.writeFileSync(path.join(dist, "esm", "package.json"), JSON.stringify({ type: "module", sideEffects: false }, null, 2) + "\n")
fs.writeFileSync(path.join(dist, "cjs", "package.json"), JSON.stringify({ type: "commonjs", sideEffects: false }, null, 2) + "\n")
// One set of declarations serves both: read as CommonJS (like effect's own dist/dts), TypeScript lets ES
// modules import them and CommonJS files require them under every moduleResolution, node16 included.
fs.writeFileSync(path.join(dist, "dts", "package.json"), JSON.stringify({ type: "commonjs" }, null, 2) + "\n")

// Command entry points: the sources run under tsx in the workspace, the built files under node.
for (const format of ["esm", "cjs"]) {
  const bin = path.join(dist, format, "bin.js")
  if (fs.existsSync(bin)) {
    const text = fs.readFileSync(bin, "utf8")
    fs.writeFileSync(bin, text.replace(/^#!.*\n/, "#!/usr/bin/env node\n"))
    fs.chmodSync(bin, 0o755)
  }
}

const mismatches = await verify({ srcDir: src, outDir: path.join(dist, "esm") })
if (mismatches.length > 0) {
  console.error(`${manifest.name}: dist/esm re-exports other values than its entries under the same names: ${mismatches.join(", ")}`)
  process.exit(1)
}

console.log(`${manifest.name}: ${files.length} modules; esm ${esm.entries} entries, ${esm.chunks} chunks, ${esm.reexports} re-exports; cjs + dts in ${((performance.now() - started) / 1000).toFixed(1)}s`)
