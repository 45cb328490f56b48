/**
 * `tsx src/profile.ts <file.cpuprofile> [top]`: where the time of a `--cpu-prof` profile goes (run
 * `pnpm bench --cpu-prof` to write one per process of our SDK to `results/profiles/`). Prints self time by
 * package and the functions with the most self time.
 */
import * as Fs from "node:fs"

interface Node {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly children?: ReadonlyArray<number>
}
interface Profile {
  readonly nodes: ReadonlyArray<Node>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

const file = process.argv[2]
if (file === undefined) throw new Error("usage: profile.ts <file.cpuprofile> [top] [--callers <function>]")
const top = Number(process.argv[3] ?? "40")
const callersOf = process.argv.includes("--callers") ? process.argv[process.argv.indexOf("--callers") + 1] : undefined
const profile = JSON.parse(Fs.readFileSync(file, "utf8")) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)

const packageOf = (url: string) => {
  if (url === "") return "(native/vm)"
  const pnpm = url.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (pnpm) return pnpm[1]!
  const build = url.match(/\.build\/node_modules\/(@vapi-effect\/[^/]+)/)
  if (build) return build[1]!
  if (url.startsWith("node:")) return "node:internal"
  return url.replace(/^file:\/\/.*\/bench\//, "bench/")
}

const sum = (key: (n: Node) => string) => {
  const out = new Map<string, number>()
  for (const [id, t] of self) {
    const node = byId.get(id)!
    const k = key(node)
    out.set(k, (out.get(k) ?? 0) + t)
  }
  return [...out.entries()].sort((a, b) => b[1] - a[1])
}
const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`
const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
const where = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "")}:${n.callFrame.lineNumber + 1}`

if (callersOf !== undefined) {
  const stacks = new Map<string, number>()
  for (const [id, t] of self) {
    const node = byId.get(id)!
    if (node.callFrame.functionName !== callersOf) continue
    const chain: Array<string> = []
    let p = parent.get(id)
    while (p !== undefined && chain.length < 8) {
      chain.push(where(byId.get(p)!))
      p = parent.get(p)
    }
    const key = chain.join("\n      <- ")
    stacks.set(key, (stacks.get(key) ?? 0) + t)
  }
  for (const [k, t] of [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${pct(t)}  ${k}\n`)
  process.exit(0)
}
const inclusiveFilter = process.argv.includes("--inclusive") ? process.argv[process.argv.indexOf("--inclusive") + 1] ?? "" : undefined
if (inclusiveFilter !== undefined) {
  const totals = new Map<string, number>()
  for (const [id, t] of self) {
    const seen = new Set<string>()
    let p: number | undefined = id
    while (p !== undefined) {
      const key = where(byId.get(p)!)
      if (key.includes(inclusiveFilter)) seen.add(key)
      p = parent.get(p)
    }
    for (const key of seen) totals.set(key, (totals.get(key) ?? 0) + t)
  }
  for (const [k, t] of [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${k}`)
  process.exit(0)
}
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`)
console.log("\nself time by package:")
for (const [k, t] of sum((n) => packageOf(n.callFrame.url)).slice(0, 15)) console.log(`${pct(t)}  ${k}`)
console.log("\nself time by function:")
for (const [k, t] of sum((n) => `${n.callFrame.functionName || "(anonymous)"}  ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`).slice(0, top)) {
  console.log(`${pct(t)}  ${k}`)
}
