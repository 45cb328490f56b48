import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Retry from "@vapi-effect/http/Retry"
import * as CallSchemas from "@vapi-effect/schema/Calls"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Analytics from "../src/Analytics.js"
import * as Assistants from "../src/Assistants.js"
import * as Blocks from "../src/Blocks.js"
import * as Calls from "../src/Calls.js"
import * as Files from "../src/Files.js"
import * as Logs from "../src/Logs.js"
import * as PhoneNumbers from "../src/PhoneNumbers.js"
import * as Squads from "../src/Squads.js"
import * as Tools from "../src/Tools.js"
import * as Vapi from "../src/Vapi.js"
import { nineRequests, oneOfEach, received } from "./utils/nine.js"
import * as Wire from "./utils/wire.js"

const withWire = <E>(f: (wire: Wire.Service) => Layer.Layer<Vapi.Services | VapiClient.VapiClient, E>) =>
  Layer.unwrapEffect(Effect.map(Wire.Wire, f)).pipe(Layer.provideMerge(Wire.layer()))

const config = (entries: ReadonlyArray<readonly [string, string]>) =>
  Layer.setConfigProvider(ConfigProvider.fromMap(new Map(entries)))

describe("Vapi", () => {
  let clientsBuilt = 0
  it.live("layer provides all nine services over one VapiClient", () =>
    Effect.gen(function*() {
      yield* oneOfEach
      assert.deepStrictEqual(yield* received, nineRequests)
      assert.strictEqual(clientsBuilt, 1)
      const client = yield* VapiClient.VapiClient
      assert.deepStrictEqual(yield* client.execute(CallSchemas.CallsList, { query: { limit: 2 } }), [])
      assert.deepStrictEqual((yield* received).slice(9), ["GET /call?limit=2"])
    }).pipe(Effect.provide(withWire((wire) =>
      Vapi.layer({
        apiKey: Redacted.make(Wire.API_KEY),
        baseUrl: wire.url,
        retry: Retry.none,
        transformClient: (client) => {
          clientsBuilt++
          return client
        }
      }).pipe(Layer.provide(NodeHttpClient.layerUndici))
    ))))

  it.live("layerConfig reads VAPI_API_KEY and VAPI_BASE_URL", () =>
    Effect.gen(function*() {
      yield* oneOfEach
      assert.deepStrictEqual(yield* received, nineRequests)
    }).pipe(Effect.provide(withWire((wire) =>
      Vapi.layerConfig({ retry: Retry.none }).pipe(
        Layer.provide(NodeHttpClient.layerUndici),
        Layer.provide(config([["VAPI_API_KEY", Wire.API_KEY], ["VAPI_BASE_URL", wire.url]]))
      )
    ))))

  it.live("layerConfig without VAPI_API_KEY fails with a ConfigError naming it", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Layer.build(
        Vapi.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici), Layer.provide(config([])))
      ))
      assert.include(String(error), "VAPI_API_KEY")
    }).pipe(Effect.scoped))

  it.live("layerConfig defaults VAPI_BASE_URL to the real API, and never shows the key", () =>
    Effect.gen(function*() {
      const calls = yield* Calls.Calls
      const error = yield* Effect.flip(calls.get(""))
      assert.strictEqual(error._tag, "RequestValidationError")
      assert.strictEqual(error.url, "https://api.vapi.ai/call/{id}")
      assert.notInclude(JSON.stringify(error), "sk_config_secret")
    }).pipe(Effect.provide(
      Vapi.layerConfig().pipe(
        Layer.provide(NodeHttpClient.layerUndici),
        Layer.provide(config([["VAPI_API_KEY", "sk_config_secret"]]))
      )
    )))

  describe("each module's layer alone, over just a VapiClient", () => {
    const client = Layer.unwrapEffect(Effect.map(Wire.Wire, (wire) =>
      VapiClient.layer({ apiKey: Redacted.make(Wire.API_KEY), baseUrl: wire.url, retry: Retry.none }).pipe(
        Layer.provide(NodeHttpClient.layerUndici)
      ))).pipe(Layer.provideMerge(Wire.layer()))

    const cases = [
      ["Calls", Effect.flatMap(Calls.Calls, (s) => s.list({ limit: 1 })).pipe(Effect.provide(Calls.layer)), "GET /call?limit=1"],
      ["Assistants", Effect.flatMap(Assistants.Assistants, (s) => s.list({ limit: 1 })).pipe(Effect.provide(Assistants.layer)), "GET /assistant?limit=1"],
      ["PhoneNumbers", Effect.flatMap(PhoneNumbers.PhoneNumbers, (s) => s.list({ limit: 1 })).pipe(Effect.provide(PhoneNumbers.layer)), "GET /phone-number?limit=1"],
      ["Squads", Effect.flatMap(Squads.Squads, (s) => s.list({ limit: 1 })).pipe(Effect.provide(Squads.layer)), "GET /squad?limit=1"],
      ["Blocks", Effect.flatMap(Blocks.Blocks, (s) => s.list({ limit: 1 })).pipe(Effect.provide(Blocks.layer)), "GET /block?limit=1"],
      ["Tools", Effect.flatMap(Tools.Tools, (s) => s.list({ limit: 1 })).pipe(Effect.provide(Tools.layer)), "GET /tool?limit=1"],
      ["Files", Effect.flatMap(Files.Files, (s) => s.list()).pipe(Effect.provide(Files.layer)), "GET /file?"],
      [
        "Analytics",
        Effect.flatMap(Analytics.Analytics, (s) => s.get({ queries: [{ name: "n", operations: [{ operation: "count", column: "id" }] }] }))
          .pipe(Effect.provide(Analytics.layer)),
        "POST /analytics?"
      ],
      ["Logs", Effect.flatMap(Logs.Logs, (s) => s.get({ limit: 1 })).pipe(Effect.provide(Logs.layer)), "GET /logs?limit=1"]
    ] as const

    for (const [module, effect, request] of cases) {
      it.live(module, () =>
        Effect.gen(function*() {
          // The effect needs nothing but the VapiClient once the module's layer is provided.
          const alone: Effect.Effect<unknown, unknown, VapiClient.VapiClient> = effect
          yield* alone
          assert.deepStrictEqual(yield* received, [request])
        }).pipe(Effect.provide(client)))
    }
  })
})
