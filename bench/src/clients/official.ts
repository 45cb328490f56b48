/**
 * The official SDK, `@vapi-ai/server-sdk` 2.0.1, with its defaults (global `fetch`, 2 retries, 60 s
 * timeout). It has no logs resource, so logs go through its documented passthrough, `client.fetch`, which
 * applies the same auth and retries (given an absolute URL: its `url.join` mangles a relative path that
 * carries a query string).
 */
import { VapiClient } from "@vapi-ai/server-sdk"
import { expectOk, type LogsPage, type PromiseClient } from "../load.js"
import { callId, createBody } from "../payloads.js"

/** The client over `baseUrl`. */
export const make = (baseUrl: string, apiKey: string): PromiseClient => {
  const client = new VapiClient({ token: apiKey, baseUrl })
  return {
    get: () => client.calls.get({ id: callId }),
    create: () => client.calls.create(createBody),
    list: () => client.calls.list({ limit: 100 }),
    logsPage: async (page, limit) => {
      const response = await client.fetch(`${baseUrl}/logs?page=${page}&limit=${limit}`)
      expectOk(response.status, "GET /logs")
      return (await response.json()) as LogsPage
    }
  }
}
