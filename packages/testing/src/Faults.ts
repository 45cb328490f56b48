/**
 * Faults: what `MockServer` can do wrong on purpose, and the controller that decides when. A rule names a
 * fault (latency, an error status, a reset connection, a truncated or invalid body, a hung connection), the
 * requests it applies to (method and path, either omitted for all), and how often: the next `times`
 * requests, each with a `probability` drawn from a seeded generator, or both. Rules are data (Schemas), so
 * the same rule can be added in-process or posted as JSON to `/__admin/faults`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as Schema from "effect/Schema"
import * as SynchronizedRef from "effect/SynchronizedRef"
import * as Operations from "./internal/operations.js"

// -----------------------------------------------------------------------------
// models
// -----------------------------------------------------------------------------

/**
 * Wait this long before handling the request (adds up with every matching latency rule).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Latency = Schema.TaggedStruct("Latency", { millis: Schema.NonNegativeInt })

/**
 * Answer with this status and a NestJS-style body (`Retry-After` in seconds when given). Unless
 * `processed` is true, the request never reaches the store, as a 429 or 503 from a gateway would.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Status = Schema.TaggedStruct("Status", {
  status: Schema.Int.pipe(Schema.between(400, 599)),
  retryAfter: Schema.optional(Schema.NonNegative),
  processed: Schema.optional(Schema.Boolean)
})

/**
 * Destroy the connection: before anything is written (`before-body`; the request is processed only when
 * `processed` is true) or after the headers and half of the body (`during-body`; always processed).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Reset = Schema.TaggedStruct("Reset", {
  phase: Schema.Literal("before-body", "during-body"),
  processed: Schema.optional(Schema.Boolean)
})

/**
 * Answer the real status with only the first half (or `bytes`) of the JSON body, correctly framed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Truncated = Schema.TaggedStruct("Truncated", { bytes: Schema.optional(Schema.NonNegativeInt) })

/**
 * Answer the real status with a well-formed JSON body that does not match the response schema
 * (`{ "id": 42, "createdAt": "not a date" }` unless `body` is given).
 *
 * @since 0.1.0
 * @category schemas
 */
export const InvalidBody = Schema.TaggedStruct("InvalidBody", { body: Schema.optional(Schema.Unknown) })

/**
 * Never answer, until the client gives up (or the server stops); processed only when `processed` is true.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Hang = Schema.TaggedStruct("Hang", { processed: Schema.optional(Schema.Boolean) })

/**
 * A fault.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Fault = Schema.Union(Latency, Status, Reset, Truncated, InvalidBody, Hang)

/**
 * A fault.
 *
 * @since 0.1.0
 * @category models
 */
export type Fault = typeof Fault.Type

/**
 * A rule to add: the fault, which requests, how often.
 *
 * - `method`, `path`: the requests it applies to; `path` is a template (`"/call/{id}"`) or a concrete path
 *   (`"/call/abc"`); omitted means every API request.
 * - `times`: apply to the next `times` matching requests, then the rule is gone.
 * - `probability`: apply to each matching request with this probability, drawn from a generator seeded with
 *   `seed` (or one derived from the server's seed and the rule's id).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Spec = Schema.Struct({
  fault: Fault,
  method: Schema.optional(Schema.Literal("GET", "POST", "PATCH", "DELETE")),
  path: Schema.optional(Schema.String),
  times: Schema.optional(Schema.Int.pipe(Schema.positive())),
  probability: Schema.optional(Schema.Number.pipe(Schema.between(0, 1))),
  seed: Schema.optional(Schema.Union(Schema.String, Schema.Number))
})

/**
 * A rule to add.
 *
 * @since 0.1.0
 * @category models
 */
export type Spec = typeof Spec.Type

/**
 * An active rule: its spec, its id, how often it fired and how many times are left.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Rule = Schema.Struct({
  ...Spec.fields,
  id: Schema.String,
  fired: Schema.NonNegativeInt,
  remaining: Schema.optional(Schema.NonNegativeInt)
})

/**
 * An active rule.
 *
 * @since 0.1.0
 * @category models
 */
export type Rule = typeof Rule.Type

/**
 * What happens to one request: the total added latency and the fault to apply, if any.
 *
 * @since 0.1.0
 * @category models
 */
export interface Decision {
  readonly latencyMillis: number
  readonly fault: Exclude<Fault, { readonly _tag: "Latency" }> | undefined
}

/**
 * The faults controller of a server.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Adds a rule; rules apply in the order they were added. */
  readonly add: (spec: Spec) => Effect.Effect<Rule>
  /** Removes a rule; false when there was none with this id. */
  readonly remove: (id: string) => Effect.Effect<boolean>
  /** Removes every rule. */
  readonly clear: Effect.Effect<void>
  /** The active rules. */
  readonly list: Effect.Effect<ReadonlyArray<Rule>>
  /** Decides for one request, counting down the rules that fire. */
  readonly decide: (request: { readonly method: string; readonly template: string; readonly path: string }) => Effect.Effect<Decision>
}

// -----------------------------------------------------------------------------
// constructors
// -----------------------------------------------------------------------------

/**
 * Adds `millis` of latency.
 *
 * @since 0.1.0
 * @category constructors
 */
export const latency = (millis: number): Fault => Latency.make({ millis })

/**
 * Answers with an error status (500, 502, 503, ...).
 *
 * @since 0.1.0
 * @category constructors
 */
export const status = (
  status: number,
  options: { readonly retryAfter?: number; readonly processed?: boolean } = {}
): Fault => Status.make({ status, ...options })

/**
 * Answers 429 with `Retry-After` (in seconds, 1 by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const rateLimited = (retryAfter = 1): Fault => Status.make({ status: 429, retryAfter })

/**
 * Destroys the connection before or during the body.
 *
 * @since 0.1.0
 * @category constructors
 */
export const reset = (phase: "before-body" | "during-body", options: { readonly processed?: boolean } = {}): Fault =>
  Reset.make({ phase, ...options })

/**
 * Answers with a truncated JSON body.
 *
 * @since 0.1.0
 * @category constructors
 */
export const truncated = (bytes?: number): Fault => Truncated.make(bytes === undefined ? {} : { bytes })

/**
 * Answers with a body that does not match the response schema.
 *
 * @since 0.1.0
 * @category constructors
 */
export const invalidBody = (body?: unknown): Fault => InvalidBody.make(body === undefined ? {} : { body })

/**
 * Never answers.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hang = (options: { readonly processed?: boolean } = {}): Fault => Hang.make(options)

interface Active {
  readonly rule: Rule
  readonly random: Random.Random
}

const matches = (rule: Rule, request: { readonly method: string; readonly template: string; readonly path: string }) =>
  (rule.method === undefined || rule.method === request.method) &&
  (rule.path === undefined || rule.path === request.template || rule.path === request.path ||
    Operations.matchesTemplate(rule.path, request.path))

/**
 * Builds a controller with no rules; `seed` seeds the probabilities of rules that bring no seed of their own.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly seed?: string | number | undefined } = {}): Effect.Effect<Service> =>
  Effect.gen(function*() {
    const seed = options.seed ?? (yield* Random.nextInt)
    const ref = yield* SynchronizedRef.make<{ readonly next: number; readonly rules: ReadonlyArray<Active> }>({
      next: 1,
      rules: []
    })
    return {
      add: (spec) =>
        SynchronizedRef.modify(ref, (state) => {
          const id = `fault_${state.next}`
          const rule: Rule = {
            ...spec,
            id,
            fired: 0,
            ...(spec.times === undefined ? {} : { remaining: spec.times })
          }
          const random = Random.make(spec.seed ?? `${seed}/${id}`)
          return [rule, { next: state.next + 1, rules: [...state.rules, { rule, random }] }]
        }),
      remove: (id) =>
        SynchronizedRef.modify(ref, (state) => {
          const rules = state.rules.filter((active) => active.rule.id !== id)
          return [rules.length !== state.rules.length, { ...state, rules }]
        }),
      clear: SynchronizedRef.update(ref, (state) => ({ ...state, rules: [] })),
      list: Effect.map(SynchronizedRef.get(ref), (state) => state.rules.map((active) => active.rule)),
      decide: (request) =>
        SynchronizedRef.modifyEffect(ref, (state) =>
          Effect.gen(function*() {
            let latencyMillis = 0
            let fault: Decision["fault"] = undefined
            const rules: Array<Active> = []
            for (const active of state.rules) {
              const { rule } = active
              const eligible = matches(rule, request) && (fault === undefined || rule.fault._tag === "Latency")
              const fires = eligible && (rule.probability === undefined || (yield* active.random.next) < rule.probability)
              if (!fires) {
                rules.push(active)
                continue
              }
              if (rule.fault._tag === "Latency") latencyMillis += rule.fault.millis
              else fault = rule.fault
              const remaining = rule.remaining === undefined ? undefined : rule.remaining - 1
              if (remaining === 0) continue
              rules.push({
                ...active,
                rule: { ...rule, fired: rule.fired + 1, ...(remaining === undefined ? {} : { remaining }) }
              })
            }
            const decision: Decision = { latencyMillis, fault }
            return [decision, { ...state, rules }] as const
          }))
    }
  })
