/**
 * The load server's canned payloads: deterministic, schema-valid and shaped like what the Vapi API returns.
 * A `Call` of about 6 KB (messages, costs, artifact, analysis), a list of 100 distinct calls (about 600 KB)
 * and 100,000 logs served in pages. No Effect here: the server process loads only this module and node:http.
 * `selfcheck.ts` decodes every payload with the generated schemas before a run.
 */

/** A small seeded generator (mulberry32), so every run serves the same bytes. */
const rng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hex = (next: () => number, n: number) => {
  let s = ""
  for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16)
  return s
}

const uuid = (next: () => number) => `${hex(next, 8)}-${hex(next, 4)}-4${hex(next, 3)}-a${hex(next, 3)}-${hex(next, 12)}`

/** The org of every record. */
export const orgId = "9d4b5a0e-6f1c-4c3b-9a7e-2f0d8e1b6c55"
/** The assistant of every call. */
export const assistantId = "5b7c1e2a-0d3f-4e8a-b1c9-7a6d2e4f8b10"
/** The phone number of every call. */
export const phoneNumberId = "e2c4a6b8-1d3f-4a5b-8c7d-9e0f1a2b3c4d"

const base = Date.UTC(2024, 9, 23, 9, 0, 0)
const iso = (ms: number) => new Date(ms).toISOString()

const lines: ReadonlyArray<readonly ["bot" | "user", string]> = [
  ["bot", "Hi, this is Riley from Wellness Partners. Am I speaking with Ada?"],
  ["user", "Yes, this is Ada. I got a message about rescheduling my appointment."],
  ["bot", "Thanks, Ada. I can help with that. Your appointment is currently on Thursday at 10 AM. What works better for you?"],
  ["user", "Could we move it to Friday afternoon? Anything after two would be great."],
  ["bot", "Let me check Friday afternoon availability for you."],
  ["bot", "I have Friday at 2:30 PM or 4:00 PM with Dr. Chen. Which one would you prefer?"],
  ["user", "2:30 works. Please book that one."],
  ["bot", "Done. You're booked for Friday at 2:30 PM with Dr. Chen. You'll get a confirmation text shortly."],
  ["user", "Great, thank you. Bye."]
]

const systemPrompt =
  "You are Riley, a friendly scheduling assistant for Wellness Partners. Confirm the caller's identity, " +
  "offer two open slots, book the one they choose with the bookAppointment tool, and keep every answer short."

/**
 * One call as the API returns it after it ended. `index` varies ids, timestamps and costs.
 */
export const makeCall = (index: number): Record<string, unknown> => {
  const next = rng(1000 + index)
  const id = uuid(next)
  const startedAt = base + index * 61_000
  const messages: Array<Record<string, unknown>> = [
    { role: "system", message: systemPrompt, time: startedAt, secondsFromStart: 0 }
  ]
  let t = startedAt + 400
  for (const [i, [role, message]] of lines.entries()) {
    const duration = 900 + Math.floor(next() * 2600)
    const seconds = Math.round((t - startedAt) / 10) / 100
    messages.push(
      role === "bot"
        ? { role, message, time: t, endTime: t + duration, secondsFromStart: seconds, source: "", duration }
        : { role, message, time: t, endTime: t + duration, secondsFromStart: seconds, duration }
    )
    t += duration + 300
    if (i === 4) {
      const toolCallId = `call_${hex(next, 24)}`
      messages.push({
        role: "tool_calls",
        toolCalls: [{
          id: toolCallId,
          type: "function",
          function: { name: "checkAvailability", arguments: "{\"day\":\"friday\",\"after\":\"14:00\"}" }
        }],
        message: "",
        time: t,
        secondsFromStart: Math.round((t - startedAt) / 10) / 100
      })
      t += 450
      messages.push({
        role: "tool_call_result",
        toolCallId,
        name: "checkAvailability",
        result: "[{\"slot\":\"2024-10-25T14:30:00Z\",\"doctor\":\"Dr. Chen\"},{\"slot\":\"2024-10-25T16:00:00Z\",\"doctor\":\"Dr. Chen\"}]",
        time: t,
        secondsFromStart: Math.round((t - startedAt) / 10) / 100
      })
      t += 200
    }
  }
  const endedAt = t + 800
  const minutes = Math.round((endedAt - startedAt) / 600) / 100
  const cost = (n: number) => Math.round(n * 1e4) / 1e4
  const transport = cost(minutes * 0.01)
  const stt = cost(minutes * 0.0105)
  const llm = cost(0.0125 + next() * 0.01)
  const tts = cost(minutes * 0.036)
  const vapi = cost(minutes * 0.05)
  const analysis = cost(0.0021 + next() * 0.001)
  const transcript = lines.map(([role, message]) => `${role === "bot" ? "AI" : "User"}: ${message}`).join("\n")
  return {
    id,
    orgId,
    createdAt: iso(startedAt - 1500),
    updatedAt: iso(endedAt + 2500),
    type: "outboundPhoneCall",
    status: "ended",
    endedReason: "customer-ended-call",
    assistantId,
    phoneNumberId,
    customer: { number: `+1555010${String(index % 1000).padStart(4, "0")}`, name: "Ada Lovelace" },
    phoneCallProvider: "twilio",
    phoneCallTransport: "pstn",
    phoneCallProviderId: `CA${hex(next, 32)}`,
    startedAt: iso(startedAt),
    endedAt: iso(endedAt),
    cost: cost(transport + stt + llm + tts + vapi + analysis),
    costBreakdown: {
      transport,
      stt,
      llm,
      tts,
      vapi,
      total: cost(transport + stt + llm + tts + vapi + analysis),
      llmPromptTokens: 4210,
      llmCompletionTokens: 312,
      ttsCharacters: 561,
      analysisCostBreakdown: {
        summary: cost(analysis / 3),
        summaryPromptTokens: 812,
        summaryCompletionTokens: 64,
        structuredData: cost(analysis / 3),
        structuredDataPromptTokens: 840,
        structuredDataCompletionTokens: 40,
        successEvaluation: cost(analysis / 3),
        successEvaluationPromptTokens: 798,
        successEvaluationCompletionTokens: 2
      }
    },
    costs: [
      { type: "transport", minutes, cost: transport },
      { type: "transcriber", transcriber: { provider: "deepgram", model: "nova-2" }, minutes, cost: stt },
      { type: "model", model: { provider: "openai", model: "gpt-4o" }, promptTokens: 4210, completionTokens: 312, cost: llm },
      { type: "voice", voice: { provider: "11labs", voiceId: "burt" }, characters: 561, cost: tts },
      { type: "vapi", minutes, cost: vapi },
      {
        type: "analysis",
        analysisType: "summary",
        model: { provider: "openai", model: "gpt-4o" },
        promptTokens: 812,
        completionTokens: 64,
        cost: cost(analysis / 3)
      }
    ],
    messages,
    artifact: {
      messagesOpenAIFormatted: [
        { role: "system", content: systemPrompt },
        ...lines.slice(0, 2).map(([role, message]) => ({ role: role === "bot" ? "assistant" : "user", content: message }))
      ],
      transcript,
      recordingUrl: `https://storage.vapi.ai/${id}-mono.wav`,
      stereoRecordingUrl: `https://storage.vapi.ai/${id}-stereo.wav`
    },
    analysis: {
      summary: "Ada asked to move her Thursday appointment; it was rebooked for Friday 2:30 PM with Dr. Chen.",
      structuredData: { rescheduled: true, newSlot: "2024-10-25T14:30:00Z", doctor: "Dr. Chen" },
      successEvaluation: "true"
    },
    monitor: {
      listenUrl: `wss://phone-call-websocket.aws-us-west-2-backend-production1.vapi.ai/${id}/listen`,
      controlUrl: `https://phone-call-websocket.aws-us-west-2-backend-production1.vapi.ai/${id}/control`
    },
    name: `reschedule-${index}`
  }
}

/** The `id` the `get` operation asks for. */
export const callId: string = makeCall(0)["id"] as string

/** The body every `create` sends (a valid `CreateCallDTO`). */
export const createBody = {
  assistantId,
  phoneNumberId,
  customer: { number: "+15550100", name: "Ada Lovelace" },
  name: "bench"
} as const

/** How many calls `GET /call` returns. */
export const listSize = 100

/** The list `GET /call` returns: 100 distinct calls, newest first. */
export const makeCallList = (): Array<Record<string, unknown>> =>
  Array.from({ length: listSize }, (_, i) => makeCall(listSize - i))

/** How many logs the server holds by default. */
export const totalLogs = 100_000

const resources = ["call", "assistant", "phone-number", "tool"] as const
const methods = ["POST", "GET", "PATCH", "GET"] as const

/** One log entry (an `API` log), the `index`-th oldest. */
export const makeLog = (index: number): Record<string, unknown> => {
  const next = rng(7_000_000 + index)
  const time = base + index * 1_000
  const resource = resources[index % resources.length]!
  const method = methods[index % methods.length]!
  const id = uuid(next)
  const duration = Math.round((0.02 + next() * 0.4) * 1000) / 1000
  const path = method === "POST" ? `/${resource}` : `/${resource}/${id}`
  return {
    time,
    orgId,
    type: "API",
    resource,
    requestDurationSeconds: duration,
    requestStartedAt: iso(time),
    requestFinishedAt: iso(time + Math.round(duration * 1000)),
    requestBody: method === "GET" ? {} : { assistantId, customer: { number: "+15550100" } },
    requestHttpMethod: method,
    requestUrl: `https://api.vapi.ai${path}`,
    requestPath: path,
    responseHttpCode: method === "POST" ? 201 : 200,
    requestIpAddress: `203.0.113.${index % 250}`,
    requestOrigin: "https://dashboard.vapi.ai",
    responseBody: { id, orgId, status: "queued" },
    requestHeaders: { "user-agent": "vapi-effect/0.0.0 (effect)", "content-type": "application/json" },
    assistantId,
    callId: id
  }
}

/**
 * One page of `GET /logs` (oldest first), `{ results, metadata }` as the API sends it; an empty `results`
 * past the end.
 */
export const makeLogPage = (page: number, limit: number, total: number = totalLogs): Record<string, unknown> => {
  const start = (page - 1) * limit
  const end = Math.min(total, start + limit)
  const results: Array<Record<string, unknown>> = []
  for (let i = start; i < end; i++) results.push(makeLog(i))
  return { results, metadata: { itemsPerPage: limit, totalItems: total, currentPage: page } }
}
