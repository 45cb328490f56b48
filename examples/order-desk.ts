/**
 * A user's own service built on vapi-effect, the way an app would write one: `OrderDesk` calls a customer
 * back with the assistant that handles orders, and reports how its calls went. Its test
 * (`test/order-desk.test.ts`) swaps in `VapiTest.layer`.
 *
 * @since 0.1.0
 */
import { Assistants, Calls, Logs } from "@vapi-effect/client"
import type { Pagination, VapiError } from "@vapi-effect/http"
import { Context, Data, Effect, Layer, Stream } from "effect"

/**
 * No assistant has the configured name.
 *
 * @since 0.1.0
 */
export class NoOrderAssistant extends Data.TaggedError("NoOrderAssistant")<{ readonly name: string }> {}

/**
 * What the desk's methods fail with: its own error, or the SDK's.
 *
 * @since 0.1.0
 */
export type OrderDeskError =
  | NoOrderAssistant
  | VapiError.VapiError
  | Pagination.PaginationError
  | Pagination.PageLimitError

/**
 * @since 0.1.0
 */
export class OrderDesk extends Context.Tag("examples/OrderDesk")<OrderDesk, {
  /** Places a call to `number` with the order assistant, named after the order. */
  readonly callBack: (
    orderNumber: string,
    number: string
  ) => Effect.Effect<Calls.Call, OrderDeskError>
  /** How many calls the order assistant has, and how many API log entries they produced. */
  readonly report: Effect.Effect<{ readonly calls: number; readonly logEntries: number }, OrderDeskError>
}>() {}

/**
 * The service, for the assistant named `assistantName`.
 *
 * @since 0.1.0
 */
export const layer = (assistantName: string) =>
  Layer.effect(
    OrderDesk,
    Effect.gen(function*() {
      const assistants = yield* Assistants.Assistants
      const calls = yield* Calls.Calls
      const logs = yield* Logs.Logs
      const assistant = assistants.stream().pipe(
        Stream.filter((a) => a.name === assistantName),
        Stream.runHead,
        Effect.flatten,
        Effect.catchTag("NoSuchElementException", () => new NoOrderAssistant({ name: assistantName }))
      )
      return {
        callBack: (orderNumber, number) =>
          Effect.flatMap(assistant, (a) =>
            calls.create({ assistantId: a.id, name: `order ${orderNumber}`, customer: { number } })),
        report: Effect.gen(function*() {
          const { id } = yield* assistant
          const placed = yield* calls.stream({ assistantId: id }).pipe(Stream.runCollect)
          let logEntries = 0
          for (const call of placed) {
            logEntries += yield* logs.stream({ callId: call.id }).pipe(Stream.runCount)
          }
          return { calls: placed.length, logEntries }
        })
      }
    })
  )
