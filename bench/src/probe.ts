/**
 * A cold-import probe, run as `node .build/src/probe.js <group> <group> ...` in a fresh process: imports
 * each group of module specifiers (comma-separated, `-` for none) in turn and prints how long each took, in
 * milliseconds, as a JSON array. The modules are the transpiled JavaScript of `.build/`, loaded by node's own
 * loader: no TypeScript loader runs.
 */
const times: Array<number> = []
for (const group of process.argv.slice(2)) {
  const t0 = performance.now()
  for (const specifier of group === "-" ? [] : group.split(",")) await import(specifier)
  times.push(performance.now() - t0)
}
process.stdout.write(`${JSON.stringify(times)}\n`)
