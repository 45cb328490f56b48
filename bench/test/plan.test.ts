import { assert, describe, it } from "@effect/vitest"
import { fullPlan, orderOf, processGroups, quickPlan, roundProcesses } from "../src/plan.js"
import { type ClientName, clients, runsIn } from "../src/protocol.js"
import { configKey } from "../src/report.js"

const server = { url: "http://127.0.0.1:1", apiKey: "k", logs: 100_000 }

/** "client op c" for every window the processes of a round measure. */
const windows = (round: number) =>
  roundProcesses(fullPlan, round, server).flatMap((p) => p.configs.map((c) => `${p.client} ${configKey(c)}`))

describe("a round of the full plan", () => {
  it("measures every configuration of every client that runs in it, once", () => {
    const expected = fullPlan.configs.flatMap((config) =>
      clients.filter((client) => runsIn(client, config, server.logs)).map((client) => `${client} ${configKey(config)}`)
    )
    for (let round = 0; round < fullPlan.rounds; round++) {
      assert.deepStrictEqual([...windows(round)].sort(), [...expected].sort())
    }
  })

  it("runs the processes op by op, each op's clients in the round's order", () => {
    for (const round of [0, 1]) {
      const expected = processGroups(fullPlan.configs).flatMap((group) =>
        orderOf(round).filter((client) => group.some((c) => runsIn(client, c, server.logs))).map((client) =>
          `${configKey(group[0]!)} ${client}`
        )
      )
      const actual = roundProcesses(fullPlan, round, server).map((p) =>
        `${configKey(processGroups(fullPlan.configs).find((g) => g.some((c) => c === p.configs[0]))![0]!)} ${p.client}`
      )
      assert.deepStrictEqual(actual, expected)
    }
  })

  it("runs one process per client and request op, its windows highest concurrency first", () => {
    const processes = roundProcesses(fullPlan, 0, server)
    const get = processes.filter((p) => p.client === "ours-undici" && p.task.op === "get")
    assert.strictEqual(get.length, 1)
    assert.deepStrictEqual(get[0]!.task.concurrencies, [64, 8, 1])
    assert.deepStrictEqual(get[0]!.configs.map((c) => c.concurrency), [64, 8, 1])
    assert.strictEqual(get[0]!.task.warmupMs, fullPlan.warmupMs)
  })

  it("gives every logs walk a process of its own, warmed up by a shorter walk", () => {
    const walks = roundProcesses(fullPlan, 0, server).filter((p) => p.client === "fetch" && p.task.op === "logs-stream")
    assert.deepStrictEqual(
      walks.map((p) => [p.task.rows, p.task.concurrencies, p.task.warmupRows]),
      [[100_000, [1], 10_000], [100_000, [8], 10_000], [10_000, [1], 10_000]]
    )
  })

  it("warms a client that skips an op's first windows up for as long as they would have lasted", () => {
    const transport = roundProcesses(fullPlan, 0, server).find((p) =>
      p.client === "ours-fetch-transport" && p.task.op === "get"
    )
    assert.deepStrictEqual(transport?.task.concurrencies, [1])
    assert.strictEqual(transport?.task.warmupMs, fullPlan.warmupMs + 2 * (fullPlan.measureMs + fullPlan.rewarmMs))
  })

  it("orders the clients differently every round: none always first, none always after the same one", () => {
    const orders = Array.from({ length: fullPlan.rounds }, (_, round) => orderOf(round))
    for (const order of orders) assert.deepStrictEqual([...order].sort(), [...clients].sort())
    assert.isAbove(new Set(orders.map((order) => order[0])).size, 1)
    const before = (order: ReadonlyArray<ClientName>, client: ClientName) => order[order.indexOf(client) - 1] ?? "none"
    for (const client of clients) {
      assert.isAbove(new Set(orders.map((order) => before(order, client))).size, 1, client)
    }
  })
})

describe("processGroups", () => {
  it("groups the windows of a request op and keeps each logs walk alone", () => {
    const groups = processGroups([
      { op: "get", concurrency: 1, rows: 0 },
      { op: "logs-stream", concurrency: 1, rows: 10 },
      { op: "get", concurrency: 8, rows: 0 },
      { op: "logs-stream", concurrency: 8, rows: 10 }
    ])
    assert.deepStrictEqual(groups.map((g) => g.map(configKey)), [
      ["get c8", "get c1"],
      ["logs-stream 10 c1"],
      ["logs-stream 10 c8"]
    ])
  })
})

describe("the quick plan", () => {
  it("runs every client that the full plan runs at c = 1, once", () => {
    const quick = roundProcesses(quickPlan, 0, { ...server, logs: 10_000 })
    assert.strictEqual(quickPlan.rounds, 1)
    for (const op of ["get", "create", "list", "logs-stream"] as const) {
      const expected = clients.filter((client) =>
        fullPlan.configs.some((c) => c.op === op && c.concurrency === 1 && runsIn(client, c, server.logs))
      )
      assert.deepStrictEqual(quick.filter((p) => p.task.op === op).map((p) => p.client).sort(), [...expected].sort(), op)
    }
  })
})
