/**
 * One client process: runs the `Task` given as its JSON argument with one client and prints its `Sample`s
 * (one per window) as one JSON line. Only the client under test is imported, so a process's RSS and CPU are that client's.
 */
import type { Sample, Task } from "./protocol.js"

const task = JSON.parse(process.argv[2] ?? "{}") as Task

const runTask = async (): Promise<Array<Sample>> => {
  switch (task.client) {
    case "fetch":
    case "undici":
    case "official": {
      const { runPromiseTask } = await import("./load.js")
      const module = task.client === "fetch"
        ? await import("./clients/fetch.js")
        : task.client === "undici"
        ? await import("./clients/undici.js")
        : await import("./clients/official.js")
      return runPromiseTask(module.make(task.url, task.apiKey), task)
    }
    case "platform-fetch": {
      const { run } = await import("./clients/platform.js")
      return run(task)
    }
    case "ours-fetch":
    case "ours-fetch-transport":
    case "ours-undici": {
      const { run } = await import("./clients/ours.js")
      return run(task, task.client === "ours-fetch" ? "fetch" : task.client === "ours-fetch-transport" ? "fetch-transport" : "undici")
    }
  }
}

runTask().then(
  (samples) => {
    process.stdout.write(`${JSON.stringify(samples)}\n`)
    process.exit(0)
  },
  (error: unknown) => {
    process.stderr.write(`${task.client} ${task.op} c=${task.concurrencies.join(",")}: ${String(error instanceof Error ? error.stack : error)}\n`)
    process.exit(1)
  }
)
