/**
 * Size probe: the same calls-only app with the official SDK's calls entry point.
 */
import { CallsClient } from "@vapi-ai/server-sdk/calls"

const calls = new CallsClient({ token: process.env["VAPI_API_KEY"] ?? "" })
const call = await calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
const again = await calls.get({ id: (call as { id: string }).id })
const recent = await calls.list({ limit: 10 })
console.log(again.status, recent.length)
