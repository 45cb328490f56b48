/**
 * Cli: the `codegen` command, `pnpm codegen [document] [--overrides file] [--out dir] [--check]`.
 *
 * Writes `packages/schema/src/generated` from the document (a path or URL; the 2024-10-23 document by
 * default). With `--check` it writes nothing and exits 1 if the files on disk differ from a fresh run.
 *
 * @since 0.1.0
 */
import * as Fs from "node:fs/promises"
import * as Path from "node:path"
import { config, defaultDocument, defaultOutDir, defaultOverrides } from "./config.js"
import * as Document from "./Document.js"
import * as Generate from "./Generate.js"
import { patches } from "./patches.js"

const usage = "usage: codegen [document] [--overrides file] [--out dir] [--check]"

interface Args {
  readonly document: string
  readonly overrides: string
  readonly out: string
  readonly check: boolean
}

const parseArgs = (argv: ReadonlyArray<string>): Args => {
  let document = defaultDocument
  let overrides = defaultOverrides
  let out = defaultOutDir
  let check = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === "--check") check = true
    else if (arg === "--out") out = Path.resolve(argv[++i] ?? usage)
    else if (arg === "--overrides") overrides = argv[++i] ?? usage
    else if (arg === "--help" || arg === "-h") {
      console.log(usage)
      process.exit(0)
    } else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}\n${usage}`)
    else document = /^https?:\/\//.test(arg) ? arg : Path.resolve(arg)
  }
  return { document, overrides, out, check }
}

const listFiles = async (dir: string, prefix = ""): Promise<Array<string>> => {
  const entries = await Fs.readdir(dir, { withFileTypes: true }).catch(() => [])
  const out: Array<string> = []
  for (const entry of entries) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) out.push(...(await listFiles(Path.join(dir, entry.name), rel)))
    else out.push(rel)
  }
  return out.sort()
}

/**
 * Runs the command.
 *
 * @since 0.1.0
 */
export const run = async (argv: ReadonlyArray<string>, log: (line: string) => void = console.log): Promise<number> => {
  const args = parseArgs(argv)
  const document = await Document.load(args.document)
  const overrides = await Document.loadOverrides(args.overrides)
  const files = Generate.generate({ document, overrides, patches, config, source: Document.sourceName(args.document) })
  const existing = await listFiles(args.out)
  if (args.check) {
    const problems: Array<string> = []
    for (const [path, content] of files) {
      const current = await Fs.readFile(Path.join(args.out, path), "utf8").catch(() => undefined)
      if (current === undefined) problems.push(`missing: ${path}`)
      else if (current !== content) problems.push(`differs: ${path}`)
    }
    for (const path of existing) if (!files.has(path)) problems.push(`not generated: ${path}`)
    if (problems.length > 0) {
      log(`${args.out} is not current (run pnpm codegen):\n${problems.slice(0, 50).join("\n")}`)
      return 1
    }
    log(`${files.size} generated files are current.`)
    return 0
  }
  for (const path of existing) {
    if (!files.has(path)) await Fs.rm(Path.join(args.out, path))
  }
  for (const [path, content] of files) {
    const target = Path.join(args.out, path)
    await Fs.mkdir(Path.dirname(target), { recursive: true })
    const current = await Fs.readFile(target, "utf8").catch(() => undefined)
    if (current !== content) await Fs.writeFile(target, content)
  }
  log(`wrote ${files.size} files to ${Path.relative(process.cwd(), args.out) || "."}`)
  return 0
}
