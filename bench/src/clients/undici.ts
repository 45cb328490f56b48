/**
 * `undici.request` (the `undici` package, its global keep-alive agent) and `JSON.parse`, no validation.
 */
import { request } from "undici"
import { expectOk, type LogsPage, type PromiseClient } from "../load.js"
import { callId, createBody } from "../payloads.js"

/** The client over `baseUrl`. */
export const make = (baseUrl: string, apiKey: string): PromiseClient => {
  const headers = { authorization: `Bearer ${apiKey}`, accept: "application/json" }
  const postHeaders = { ...headers, "content-type": "application/json" }
  const getJson = async (path: string): Promise<unknown> => {
    const { statusCode, body } = await request(`${baseUrl}${path}`, { headers })
    const text = await body.text()
    expectOk(statusCode, `GET ${path}`)
    return JSON.parse(text)
  }
  return {
    get: () => getJson(`/call/${callId}`),
    create: async () => {
      const { statusCode, body } = await request(`${baseUrl}/call`, {
        method: "POST",
        headers: postHeaders,
        body: JSON.stringify(createBody)
      })
      const text = await body.text()
      expectOk(statusCode, "POST /call")
      return JSON.parse(text)
    },
    list: async () => (await getJson("/call?limit=100")) as ReadonlyArray<unknown>,
    logsPage: async (page, limit) => (await getJson(`/logs?page=${page}&limit=${limit}`)) as LogsPage
  }
}
