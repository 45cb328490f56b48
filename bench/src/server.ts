/**
 * The load server: a canned-response Vapi on 127.0.0.1, run in its own process so that its CPU never counts
 * as a client's. Every body is serialized once at start-up (see `payloads.ts`), so a request costs the
 * server a route match and a write:
 *
 * - `GET /call/{id}`: one ~6 KB call; `POST /call`: reads the body, answers `201` with the call;
 * - `GET /call`: 100 calls (~600 KB);
 * - `GET /logs?page=&limit=`: pages of the 100,000 logs, oldest first, with `metadata`;
 * - `GET /__bench/stats`: the server's own request count and CPU time.
 *
 * Requests without a bearer token get `401`, unknown routes `404`. Prints `{"url": ...}` on stdout once
 * listening and stops on SIGTERM, SIGINT or when its parent goes away (stdin closes).
 */
import * as Http from "node:http"
import { makeCall, makeCallList, makeLogPage, totalLogs } from "./payloads.js"

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback
}

const port = Number(arg("port", "0"))
const logs = Number(arg("logs", String(totalLogs)))

const json = (value: unknown) => Buffer.from(JSON.stringify(value))
const call = json(makeCall(0))
const list = json(makeCallList())
const pageCache = new Map<string, Buffer>()
const logPage = (page: number, limit: number) => {
  const key = `${page}:${limit}`
  let body = pageCache.get(key)
  if (body === undefined) {
    body = json(makeLogPage(page, limit, logs))
    if (pageCache.size < 20_000) pageCache.set(key, body)
  }
  return body
}
for (let page = 1; page <= Math.ceil(logs / 100) + 1; page++) logPage(page, 100)

const unauthorized = json({ message: "Unauthorized", statusCode: 401 })
let served = 0

const send = (res: Http.ServerResponse, status: number, body: Buffer) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": body.length })
  res.end(body)
}

const server = Http.createServer((req, res) => {
  served++
  const url = req.url ?? "/"
  const q = url.indexOf("?")
  const path = q < 0 ? url : url.slice(0, q)
  if (path === "/__bench/stats") {
    return send(res, 200, json({ served, cpu: process.cpuUsage(), rss: process.memoryUsage.rss() }))
  }
  const auth = req.headers.authorization
  if (auth === undefined || !auth.startsWith("Bearer ") || auth.length <= 7) {
    req.resume()
    return send(res, 401, unauthorized)
  }
  if (req.method === "POST" && path === "/call") {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      try {
        JSON.parse(Buffer.concat(chunks).toString("utf8"))
      } catch {
        return send(res, 400, json({ message: ["body must be JSON"], error: "Bad Request", statusCode: 400 }))
      }
      send(res, 201, call)
    })
    return
  }
  req.resume()
  if (req.method === "GET" && path.startsWith("/call/") && path.length > 6) return send(res, 200, call)
  if (req.method === "GET" && path === "/call") return send(res, 200, list)
  if (req.method === "GET" && path === "/logs") {
    const params = new URLSearchParams(q < 0 ? "" : url.slice(q + 1))
    const page = Math.max(1, Number(params.get("page") ?? "1") || 1)
    const limit = Math.min(1000, Math.max(1, Number(params.get("limit") ?? "100") || 100))
    return send(res, 200, logPage(page, limit))
  }
  send(res, 404, json({ message: `Cannot ${req.method} ${path}`, error: "Not Found", statusCode: 404 }))
})

server.keepAliveTimeout = 30_000
server.headersTimeout = 35_000
server.listen(port, "127.0.0.1", () => {
  const address = server.address()
  const actual = typeof address === "object" && address !== null ? address.port : port
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${actual}`, pid: process.pid })}\n`)
})

const stop = () => {
  server.close()
  server.closeAllConnections()
  process.exit(0)
}
process.on("SIGTERM", stop)
process.on("SIGINT", stop)
process.stdin.on("end", stop)
process.stdin.on("close", stop)
process.stdin.resume()
