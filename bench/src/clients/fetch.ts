/**
 * The reference: Node's global `fetch` and `JSON.parse`, no validation. Every ratio in the tables is to this
 * client, measured in the same round.
 */
import { expectOk, type LogsPage, type PromiseClient } from "../load.js"
import { callId, createBody } from "../payloads.js"

/** The client over `baseUrl`. */
export const make = (baseUrl: string, apiKey: string): PromiseClient => {
  const headers = { authorization: `Bearer ${apiKey}`, accept: "application/json" }
  const postHeaders = { ...headers, "content-type": "application/json" }
  const getJson = async (path: string): Promise<unknown> => {
    const response = await fetch(`${baseUrl}${path}`, { headers })
    expectOk(response.status, `GET ${path}`)
    return JSON.parse(await response.text())
  }
  return {
    get: () => getJson(`/call/${callId}`),
    create: async () => {
      const response = await fetch(`${baseUrl}/call`, { method: "POST", headers: postHeaders, body: JSON.stringify(createBody) })
      expectOk(response.status, "POST /call")
      return JSON.parse(await response.text())
    },
    list: async () => (await getJson("/call?limit=100")) as ReadonlyArray<unknown>,
    logsPage: async (page, limit) => (await getJson(`/logs?page=${page}&limit=${limit}`)) as LogsPage
  }
}
