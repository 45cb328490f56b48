/**
 * The quickstart's pipeline, written as a user of vapi-effect would: a function tool, two assistants that
 * use it, a squad of both, a phone number, a knowledge-base file, a call that is placed, renamed, listed
 * and whose logs are streamed, an analytics query, and the clean-up of everything it created (scoped, so it
 * happens even when a step fails).
 *
 * @since 0.1.0
 */
import { Analytics, Assistants, Calls, Files, Logs, PhoneNumbers, Squads, Tools } from "@vapi-effect/client"
import * as Fallback from "@vapi-effect/schema/Fallback"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { note, progress, short, step } from "./report.js"

/**
 * What the pipeline may do: `call` is set when it may place a call (always against the embedded server,
 * only with `--live` against the real API); `phoneNumber` when it may create a phone number.
 *
 * @since 0.1.0
 */
export interface Plan {
  readonly call: { readonly customerNumber: string; readonly phoneNumberId?: string | undefined } | undefined
  readonly phoneNumber: { readonly credentialId: string; readonly number: string } | undefined
}

/**
 * The id of a created record; a union member that this SDK's schemas do not know yet (a tool type added to
 * the API later, say) still has one in its raw JSON.
 */
const idOf = (record: { readonly id: string } | Fallback.UnknownMember): string =>
  Fallback.isUnknownMember(record) ? String(record.raw.id) : record.id

/** Creates with `create`, and deletes with `remove` when the pipeline's scope closes. */
const created = <A extends { readonly id: string } | Fallback.UnknownMember, E, R, E2, R2>(
  label: string,
  create: Effect.Effect<A, E, R>,
  summary: (a: A) => string,
  remove: (id: string) => Effect.Effect<unknown, E2, R2>
): Effect.Effect<A, E, R | R2 | Scope.Scope> =>
  Effect.acquireRelease(step(label, create, (a) => `${summary(a).padEnd(42)} ${short(idOf(a))}`), (a) =>
    step(`delete ${label.split(" ").slice(1).join(" ")}`, remove(idOf(a)), () => short(idOf(a))).pipe(Effect.ignore))

/**
 * The pipeline; every failure stays in the error channel as a tagged `VapiError`.
 *
 * @since 0.1.0
 */
export const pipeline = (plan: Plan) =>
  Effect.gen(function*() {
    const tools = yield* Tools.Tools
    const assistants = yield* Assistants.Assistants
    const squads = yield* Squads.Squads
    const phoneNumbers = yield* PhoneNumbers.PhoneNumbers
    const files = yield* Files.Files
    const calls = yield* Calls.Calls
    const logs = yield* Logs.Logs
    const analytics = yield* Analytics.Analytics
    const startedAt = new Date(yield* Clock.currentTimeMillis)

    const tool = yield* created(
      "create tool",
      tools.create({
        type: "function",
        function: {
          name: "lookup_order",
          description: "Looks up an order by its number",
          parameters: { type: "object", properties: { orderNumber: { type: "string" } }, required: ["orderNumber"] }
        }
      }),
      () => "function lookup_order",
      tools.delete
    )
    const assistant = (name: string, firstMessage: string) =>
      created(
        "create assistant",
        assistants.create({
          name,
          firstMessage,
          model: {
            provider: "openai",
            model: "gpt-4o",
            toolIds: [idOf(tool)],
            messages: [{ role: "system", content: `You are ${name}. Use lookup_order for order questions.` }]
          }
        }),
        (a) => a.name ?? "",
        assistants.delete
      )
    const support = yield* assistant("Support", "Hi, this is support. How can I help?")
    const billing = yield* assistant("Billing", "Hi, billing here.")
    const squad = yield* created(
      "create squad",
      squads.create({ name: "Front desk", members: [{ assistantId: support.id }, { assistantId: billing.id }] }),
      (s) => `${s.name ?? ""} (${s.members.length} members)`,
      squads.delete
    )
    const phoneNumber = plan.phoneNumber === undefined
      ? yield* Effect.as(note("phone number              skipped (needs a credential against the real API)"), undefined)
      : yield* created(
        "create phone-number",
        phoneNumbers.create({
          provider: "byo-phone-number",
          credentialId: plan.phoneNumber.credentialId,
          number: plan.phoneNumber.number,
          squadId: squad.id
        }),
        (p) => Fallback.isUnknownMember(p) ? `provider ${p.tag ?? "?"}` : `${p.provider} ${"number" in p ? p.number ?? "" : ""}`,
        phoneNumbers.delete
      )
    const file = yield* created(
      "upload file",
      files.create({
        content: new TextEncoder().encode("# Orders\nOrders ship within 2 days. Refunds take 5 days.\n"),
        filename: "orders-faq.md"
      }),
      (f) => `${f.name ?? ""} (${f.bytes ?? 0} bytes, ${f.mimetype ?? "?"})`,
      files.delete
    )

    if (plan.call === undefined) {
      yield* note("place call                skipped (pass --live to dial a phone through the real API)")
    } else {
      const call = yield* created(
        "place call",
        calls.create({
          assistantId: support.id,
          customer: { number: plan.call.customerNumber },
          ...(plan.call.phoneNumberId !== undefined
            ? { phoneNumberId: plan.call.phoneNumberId }
            : phoneNumber === undefined ? {} : { phoneNumberId: idOf(phoneNumber) })
        }),
        (c) => `to ${plan.call?.customerNumber ?? ""}, status ${String(c.status ?? "?")}`,
        calls.delete
      )
      yield* step("rename call", calls.update(call.id, { name: "Order follow-up" }), (c) => `now "${c.name ?? ""}"`)
      yield* step(
        "stream call logs",
        logs.stream({ callId: call.id, limit: 2 }).pipe(
          Stream.zipWithIndex,
          Stream.tap(([, i]) => progress("stream call logs", i + 1)),
          Stream.runFold(new Map<string, number>(), (byType, [log]) => byType.set(String(log.type), (byType.get(String(log.type)) ?? 0) + 1))
        ),
        (byType) => [...byType].map(([type, n]) => `${n} ${type}`).join(", ") || "no entries yet"
      )
    }

    yield* step(
      "list calls (last hour)",
      calls.list({ createdAtGt: new Date(startedAt.getTime() - 60 * 60 * 1000), limit: 100 }),
      (list) => `${list.length} call(s)`
    )
    yield* step(
      "analytics by assistant",
      analytics.get({
        queries: [{
          name: "calls-by-assistant",
          groupBy: ["assistantId"],
          operations: [{ operation: "count", column: "id" }, { operation: "sum", column: "cost" }]
        }]
      }),
      ([result]) =>
        (result?.result ?? [])
          .map((row) => {
            const name = row.assistantId === support.id ? "Support" : row.assistantId === billing.id ? "Billing" : "other"
            return `${name}: ${String(row.countId ?? 0)} call(s)`
          })
          .join(", ") || "no calls"
    )
    return { assistantId: support.id, fileId: file.id, toolId: idOf(tool) }
  })
