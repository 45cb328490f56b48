/**
 * Size probe: the official SDK's whole client.
 */
import { VapiClient } from "@vapi-ai/server-sdk"

const client = new VapiClient({ token: process.env["VAPI_API_KEY"] ?? "" })
console.log(
  (await client.calls.list({ limit: 10 })).length,
  (await client.assistants.list()).length,
  (await client.phoneNumbers.list()).length,
  (await client.squads.list()).length,
  (await client.tools.list()).length,
  (await client.files.list({ purpose: "knowledge-base" })).length
)
