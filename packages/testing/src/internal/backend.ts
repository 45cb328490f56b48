/**
 * The mock Vapi that `MockServer` serves over a socket and `VapiTest` calls in process: a store, fault rules,
 * a request journal and the HTTP application over them, built in one place so that the two cannot disagree.
 *
 * @internal
 */
import * as SchemaOperations from "@vapi-effect/schema/Operations"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as Faults from "../Faults.js"
import type * as MockServer from "../MockServer.js"
import * as Store from "../Store.js"
import * as Api from "./api.js"
import * as Ids from "./ids.js"
import * as Journal from "./journal.js"
import * as Operations from "./operations.js"
import * as Server from "./server.js"

/** What the backend is built from: `MockServer`'s options, with the URL instead of a port. @internal */
export interface Options extends Omit<MockServer.Options, "port"> {
  /** The base URL the app answers under (file download URLs and log entries use it). */
  readonly url: string
}

/** A backend. @internal */
export interface Backend {
  /** The seed given, or the one drawn from Effect's `Random`. */
  readonly seed: string | number
  readonly store: Store.Service
  readonly faults: Faults.Service
  readonly journal: Journal.Journal
  /** The configured key, or a generated one (any non-empty token is accepted then). */
  readonly apiKey: string
  readonly app: ReturnType<typeof Server.app>
}

/** Every operation's route, from the descriptors. @internal */
export const routes: ReadonlyArray<Operations.Route> = SchemaOperations.operations.flatMap((descriptor) => {
  const route = Operations.toRoute(descriptor)
  return route === undefined ? [] : [route]
})

/** Builds the store, the fault rules, the journal and the app. @internal */
export const make = (options: Options): Effect.Effect<Backend> =>
  Effect.gen(function*() {
    const seed = options.seed ?? (yield* Random.nextInt)
    const store = yield* Store.make({
      seed,
      fixtures: options.fixtures,
      orgId: options.orgId,
      filesBaseUrl: `${options.url}/__files`
    })
    const faults = yield* Faults.make({ seed })
    const journal = yield* Journal.make()
    const apiKey = options.apiKey ?? `mock-${yield* Ids.uuid(Random.make(`${seed}/key`))}`
    const validate: Api.Validator = options.validateRequests === false
      ? (_route, body) => Effect.succeed(body)
      : Api.schemaValidator
    const app = Server.app({
      store,
      validate,
      routes,
      faults,
      journal,
      url: options.url,
      authorize: (token) => options.apiKey === undefined || token === options.apiKey
    })
    return { seed, store, faults, journal, apiKey, app }
  })
