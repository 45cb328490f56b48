/**
 * The payloads are what the generated schemas say a response is: every canned body decodes with its
 * operation's success schema and encodes back to the very same JSON (so no field is unknown to the schema
 * and dropped), the request body encodes with the request schema, the sizes are the ones the issue asks for,
 * and the running server sends exactly these bytes.
 */
import * as Assert from "node:assert/strict"
import { CallsCreate, CallsGet, CallsList } from "@vapi-effect/schema/Calls"
import { LogsGet } from "@vapi-effect/schema/Logs"
import * as Schema from "effect/Schema"
import { callId, createBody, listSize, makeCall, makeCallList, makeLogPage, totalLogs } from "./payloads.js"

const roundTrip = <A, I>(schema: Schema.Schema<A, I>, wire: unknown, what: string) => {
  const decoded = Schema.decodeUnknownSync(schema, { onExcessProperty: "error" })(wire)
  Assert.deepStrictEqual(Schema.encodeSync(schema)(decoded), wire, `${what}: decode then encode changes the JSON`)
}

/** Checks the payloads themselves; returns their sizes. */
export const checkPayloads = () => {
  const call = makeCall(0)
  roundTrip(CallsGet.success, call, "GET /call/{id}")
  Assert.equal(call["id"], callId)
  const list = makeCallList()
  roundTrip(CallsList.success, list, "GET /call")
  Assert.equal(list.length, listSize)
  Assert.equal(new Set(list.map((c) => c["id"])).size, listSize, "the listed calls have distinct ids")
  const pages = [1, 2, totalLogs / 200, totalLogs / 100]
  for (const page of pages) roundTrip(LogsGet.success, makeLogPage(page, 100), `GET /logs?page=${page}`)
  const last = makeLogPage(totalLogs / 100, 100) as { results: Array<unknown>; metadata: { totalItems: number } }
  Assert.equal(last.results.length, 100)
  Assert.equal(last.metadata.totalItems, totalLogs)
  Assert.equal((makeLogPage(totalLogs / 100 + 1, 100) as { results: Array<unknown> }).results.length, 0)
  Schema.encodeUnknownSync(CallsCreate.body)(createBody)

  const sizes = {
    callBytes: Buffer.byteLength(JSON.stringify(call)),
    listBytes: Buffer.byteLength(JSON.stringify(list)),
    logsPageBytes: Buffer.byteLength(JSON.stringify(makeLogPage(1, 100)))
  }
  Assert.ok(sizes.callBytes > 5_500 && sizes.callBytes < 6_500, `a call is about 6 KB (${sizes.callBytes} B)`)
  Assert.ok(sizes.listBytes > 550_000 && sizes.listBytes < 650_000, `the list is about 600 KB (${sizes.listBytes} B)`)
  return sizes
}

/** Checks that the server at `url` serves the checked payloads, and refuses a request without a token. */
export const checkServer = async (url: string, apiKey: string, logs: number) => {
  const headers = { authorization: `Bearer ${apiKey}` }
  const expect = async (path: string, status: number, body: unknown, init: RequestInit = {}) => {
    const response = await fetch(`${url}${path}`, { ...init, headers: { ...headers, ...init.headers } })
    const text = await response.text()
    Assert.ok(response.status === status && text === JSON.stringify(body), `${init.method ?? "GET"} ${path} serves the checked payload`)
  }
  await expect(`/call/${callId}`, 200, makeCall(0))
  await expect("/call", 201, makeCall(0), {
    method: "POST",
    body: JSON.stringify(createBody),
    headers: { "content-type": "application/json" }
  })
  await expect("/call?limit=100", 200, makeCallList())
  await expect("/logs?page=7&limit=100", 200, makeLogPage(7, 100, logs))
  await expect(`/logs?page=${logs / 100}&limit=100`, 200, makeLogPage(logs / 100, 100, logs))
  Assert.equal((await fetch(`${url}/call/${callId}`)).status, 401, "a request without a token gets 401")
}
