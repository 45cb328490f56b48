import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Analytics from "../src/Analytics.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const fixtures = {
  calls: [
    { assistantId: "asst_1", cost: 1.5, createdAt: "2024-10-01T10:00:00.000Z" },
    { assistantId: "asst_1", cost: 2, createdAt: "2024-10-02T10:00:00.000Z" },
    { assistantId: "asst_2", cost: 0.25, createdAt: "2024-10-02T11:00:00.000Z" },
    { assistantId: "asst_2", cost: 100, createdAt: "2024-09-01T00:00:00.000Z" }
  ]
}

for (const [name, http] of Clients.all) {
  describe(`Analytics over ${name}`, () => {
    it.live("get posts the queries with table filled in and dates as ISO strings, and decodes one result per query", () =>
      Effect.gen(function*() {
        const analytics = yield* Analytics.Analytics
        const results = yield* analytics.get({
          queries: [
            {
              name: "calls-by-assistant",
              groupBy: ["assistantId"],
              operations: [{ operation: "count", column: "id" }, { operation: "sum", column: "cost", alias: "spent" }],
              timeRange: { start: new Date("2024-10-01T00:00:00.000Z"), end: new Date("2024-10-03T00:00:00.000Z"), timezone: "UTC" }
            },
            {
              table: "call",
              name: "max-cost",
              operations: [{ operation: "max", column: "cost" }],
              timeRange: { start: new Date("2024-01-01T00:00:00.000Z"), end: new Date("2025-01-01T00:00:00.000Z") }
            }
          ]
        })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("POST", "/analytics", {
            body: {
              queries: [
                {
                  name: "calls-by-assistant",
                  groupBy: ["assistantId"],
                  operations: [{ operation: "count", column: "id" }, { operation: "sum", column: "cost", alias: "spent" }],
                  timeRange: { start: "2024-10-01T00:00:00.000Z", end: "2024-10-03T00:00:00.000Z", timezone: "UTC" },
                  table: "call"
                },
                {
                  table: "call",
                  name: "max-cost",
                  operations: [{ operation: "max", column: "cost" }],
                  timeRange: { start: "2024-01-01T00:00:00.000Z", end: "2025-01-01T00:00:00.000Z" }
                }
              ]
            }
          })
        )
        assert.deepStrictEqual(results.map((result) => result.name), ["calls-by-assistant", "max-cost"])
        assert.deepStrictEqual(results[0]!.timeRange.start, new Date("2024-10-01T00:00:00.000Z"))
        assert.deepStrictEqual(results[0]!.timeRange.end, new Date("2024-10-03T00:00:00.000Z"))
        assert.sameDeepMembers([...results[0]!.result], [
          { assistantId: "asst_1", countId: 2, spent: 3.5 },
          { assistantId: "asst_2", countId: 1, spent: 0.25 }
        ])
        assert.deepStrictEqual(results[1]!.result, [{ maxCost: 100 }])
      }).pipe(Effect.provide(Wire.services(http, { fixtures }))))
  })
}
