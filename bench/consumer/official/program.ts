// Type-check probe: the same consumer with the official SDK.
import { VapiClient } from "@vapi-ai/server-sdk"

const client = new VapiClient({ token: "sk_test" })

export const main = async () => {
  const recent = await client.calls.list({ assistantId: "asst_1", limit: 10, createdAtGt: "2024-10-01T00:00:00Z" })
  const call = await client.calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
  if ("id" in call) await client.calls.update({ id: call.id, name: "follow-up" })
  return recent.map((c) => c.status)
}
