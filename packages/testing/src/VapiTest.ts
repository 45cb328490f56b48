/**
 * VapiTest: all nine services of `@vapi-effect/client` in memory, for testing code built on them with one
 * `Effect.provide(VapiTest.layer)`. The services are the real ones, over a `VapiClient` whose `HttpClient`
 * hands each request to the very application that `MockServer` serves, in the calling fiber: no socket and
 * no port, the same validation, the same answers and therefore the same errors (`NotFound`, `BadRequest`,
 * `RequestValidationError`, ...), and timestamps from Effect's `Clock`, so `TestClock` drives them.
 * `VapiTest.Store` seeds and inspects the data behind them.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Vapi from "@vapi-effect/client/Vapi"
import * as Retry from "@vapi-effect/http/Retry"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import * as Backend from "./internal/backend.js"
import * as InProcess from "./internal/inProcess.js"
import * as StoreModule from "./Store.js"

/**
 * Options of `layerWith`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * Seeds the ids, the `orgId` and the client's multipart boundaries; `defaultSeed` unless given, so that
   * a test sees the same ids on every run.
   */
  readonly seed?: string | number | undefined
  /** Records present from the start (and again after `store.reset`). */
  readonly fixtures?: StoreModule.Fixtures | undefined
  /** The org every record belongs to; derived from the seed by default. */
  readonly orgId?: string | undefined
}

/**
 * The seed of `layer`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultSeed = "VapiTest"

/**
 * The base URL the services use: it appears in errors (`error.url`), in log entries and in file URLs, and
 * no request ever leaves the process.
 *
 * @since 0.1.0
 * @category constants
 */
export const baseUrl = "http://vapi.test"

/**
 * The store behind the services, to seed and inspect from a test: the same tag as `Store.Store`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Calls } from "@vapi-effect/client"
 * import { VapiTest } from "@vapi-effect/testing"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* VapiTest.Store
 *   const seeded = yield* store.create("calls", { name: "seeded" })
 *   const calls = yield* Calls.Calls
 *   const call = yield* calls.get(seeded.id)
 *   const { logs } = yield* store.snapshot
 *   return { call, logs }
 * })
 *
 * program.pipe(Effect.provide(VapiTest.layer))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export const Store: typeof StoreModule.Store = StoreModule.Store

/**
 * @since 0.1.0
 * @category tags
 */
export type Store = StoreModule.Store

/**
 * What `layer` and `layerWith` provide: the nine services, their `VapiClient` and the `Store`.
 *
 * @since 0.1.0
 * @category models
 */
export type Services = Vapi.Services | VapiClient.VapiClient | Store

/**
 * The nine services, their `VapiClient` and the `Store`, with the given seed, fixtures and org; each
 * build of the layer has its own store.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Assistants } from "@vapi-effect/client"
 * import { VapiTest } from "@vapi-effect/testing"
 *
 * const names = Effect.gen(function*() {
 *   const assistants = yield* Assistants.Assistants
 *   return (yield* assistants.list()).map((assistant) => assistant.name)
 * })
 *
 * names.pipe(Effect.provide(VapiTest.layerWith({ fixtures: { assistants: [{ name: "Riley" }] } })))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options = {}): Layer.Layer<Services> =>
  Layer.unwrapEffect(Effect.gen(function*() {
    const seed = options.seed ?? defaultSeed
    const backend = yield* Backend.make({
      url: baseUrl,
      seed,
      fixtures: options.fixtures,
      orgId: options.orgId
    })
    // The client draws its multipart boundaries from `Random`, and they end up in the logged request
    // headers: a generator seeded here keeps the store's logs the same from run to run.
    const random = Random.make(`${seed}/client`)
    const client = Layer.effect(
      VapiClient.VapiClient,
      Effect.map(
        VapiClient.make({ apiKey: Redacted.make(backend.apiKey), baseUrl, retry: Retry.none }),
        (client) =>
          VapiClient.VapiClient.of({
            execute: (operation, input) => Effect.withRandom(client.execute(operation, input), random)
          })
      )
    ).pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, InProcess.client(backend.app))))
    return Layer.merge(
      Layer.provideMerge(Vapi.layerServices, client),
      Layer.succeed(Store, backend.store)
    )
  }))

/**
 * The nine services, their `VapiClient` and the `Store`, seeded with `defaultSeed` and empty: a user's test
 * is one `Effect.provide(VapiTest.layer)`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Calls } from "@vapi-effect/client"
 * import { VapiTest } from "@vapi-effect/testing"
 *
 * const program = Effect.gen(function*() {
 *   const calls = yield* Calls.Calls
 *   const call = yield* calls.create({ assistantId: "asst_1", customer: { number: "+15550100" } })
 *   return yield* calls.get(call.id)
 * })
 *
 * program.pipe(Effect.provide(VapiTest.layer))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Services> = layerWith()
