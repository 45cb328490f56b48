/**
 * Bundle size: each app in `src/apps` bundled with esbuild (minified, platform node, ESM) from the
 * workspace sources, then gzipped (level 9). What our SDK adds to an app is measured inside that same
 * bundle: the source map tells which bytes of the output come from `packages/{schema,http,client}`; the
 * rest is the app's own `effect` + `@effect/platform` baseline (plus esbuild's glue). Reported:
 * gzip(bundle) - gzip(bundle without our bytes), and our minified bytes.
 */
import * as Path from "node:path"
import * as Zlib from "node:zlib"
import * as Esbuild from "esbuild"
import { benchDir } from "./build.js"

const vlq = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
const vlqValue = new Map([...vlq].map((c, i) => [c, i]))

/** Decodes a source map's `mappings` into, per generated line, `[column, sourceIndex | -1]` pairs. */
const decodeMappings = (mappings: string): Array<Array<readonly [number, number]>> => {
  const lines: Array<Array<readonly [number, number]>> = []
  let source = 0
  for (const line of mappings.split(";")) {
    const segments: Array<readonly [number, number]> = []
    let column = 0
    for (const segment of line.split(",")) {
      if (segment === "") continue
      const fields: Array<number> = []
      let value = 0
      let shift = 0
      for (const char of segment) {
        const digit = vlqValue.get(char)!
        value += (digit & 31) << shift
        if (digit & 32) {
          shift += 5
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      column += fields[0]!
      if (fields.length >= 4) {
        source += fields[1]!
        segments.push([column, source])
      } else {
        segments.push([column, -1])
      }
    }
    lines.push(segments)
  }
  return lines
}

const ours = /packages\/(schema|http|client)\/src\//

const gzip = (text: string) => Zlib.gzipSync(Buffer.from(text), { level: 9 }).length

export interface BundleSize {
  readonly app: string
  readonly minifiedBytes: number
  readonly gzipBytes: number
  /** our SDK's share of the minified output */
  readonly oursMinifiedBytes: number
  /** gzip(bundle) - gzip(bundle without our bytes) */
  readonly oursGzipBytes: number
  /** gzip of the rest: the app's effect + @effect/platform baseline */
  readonly baselineGzipBytes: number
}

/** Bundles one app of `src/apps` and splits its bytes into ours and the rest. */
export const bundle = async (app: string): Promise<BundleSize> => {
  const result = await Esbuild.build({
    entryPoints: [Path.join(benchDir, "src", "apps", `${app}.ts`)],
    outfile: Path.join(benchDir, ".build", "bundles", `${app}.js`),
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "es2022",
    sourcemap: "external",
    write: false,
    logLevel: "error"
  })
  const code = result.outputFiles.find((f) => f.path.endsWith(".js"))!.text
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith(".js.map"))!.text) as {
    sources: Array<string>
    mappings: string
  }
  const isOurs = map.sources.map((source) => ours.test(source.replaceAll("\\", "/")))
  const lines = code.split("\n")
  const decoded = decodeMappings(map.mappings)
  let rest = ""
  let mine = ""
  lines.forEach((line, i) => {
    const segments = decoded[i] ?? []
    let cursor = 0
    let owner = false
    for (const [column, source] of segments) {
      const text = line.slice(cursor, column)
      if (owner) mine += text
      else rest += text
      cursor = column
      owner = source >= 0 && isOurs[source] === true
    }
    const tail = line.slice(cursor)
    if (owner) mine += tail
    else rest += tail
    if (i < lines.length - 1) rest += "\n"
  })
  const gzipBytes = gzip(code)
  const baselineGzipBytes = gzip(rest)
  return {
    app,
    minifiedBytes: Buffer.byteLength(code),
    gzipBytes,
    oursMinifiedBytes: Buffer.byteLength(mine),
    oursGzipBytes: gzipBytes - baselineGzipBytes,
    baselineGzipBytes
  }
}
