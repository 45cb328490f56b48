/**
 * Store: the in-memory Vapi behind both `MockServer` and the in-memory test layers. It holds calls, assistants,
 * phone numbers, squads, blocks, tools, files and logs as wire-shaped JSON records and gives them the API's
 * semantics: server-set ids, `orgId`, `createdAt`/`updatedAt` (from Effect's `Clock`, so `TestClock` drives
 * them), `PATCH` merging, `DELETE` returning the deleted record, lists newest first with `limit` and the range
 * filters, paged `/logs` and analytics over calls. Ids are deterministic under a seed.
 *
 * @since 0.1.0
 */
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import * as Schema from "effect/Schema"
import * as SynchronizedRef from "effect/SynchronizedRef"
import * as Analytics from "./internal/analytics.js"
import * as Filters from "./internal/filters.js"
import * as Ids from "./internal/ids.js"
import * as Json from "./internal/json.js"

// -----------------------------------------------------------------------------
// models
// -----------------------------------------------------------------------------

/**
 * A JSON value as it travels on the wire.
 *
 * @since 0.1.0
 * @category models
 */
export type JsonValue = Json.Json

/**
 * A JSON object as it travels on the wire.
 *
 * @since 0.1.0
 * @category models
 */
export type JsonObject = Json.JsonObject

/**
 * A stored record: its wire JSON, with the four fields the server sets.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entity extends Json.JsonObject {
  readonly id: string
  readonly orgId: string
  readonly createdAt: string
  readonly updatedAt: string
}

/**
 * The collections with ids and the CRUD semantics.
 *
 * @since 0.1.0
 * @category models
 */
export type Resource = "calls" | "assistants" | "phoneNumbers" | "squads" | "blocks" | "tools" | "files"

/**
 * Every CRUD collection, in a fixed order.
 *
 * @since 0.1.0
 * @category models
 */
export const resources: ReadonlyArray<Resource> = [
  "calls",
  "assistants",
  "phoneNumbers",
  "squads",
  "blocks",
  "tools",
  "files"
]

/**
 * A date-time filter value: a `Date`, an ISO 8601 string or epoch milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export type DateInput = Filters.DateInput

/**
 * The parameters of a list endpoint (`GET /call`, `GET /assistant`, ...); `assistantId` applies to calls only.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListParams extends Filters.DateRange {
  readonly limit?: number | undefined
  readonly assistantId?: string | undefined
}

/**
 * The parameters of `GET /logs`.
 *
 * @since 0.1.0
 * @category models
 */
export interface LogsParams extends Filters.DateRange {
  readonly orgId?: string | undefined
  readonly type?: "API" | "Webhook" | "Call" | "Provider" | undefined
  readonly assistantId?: string | undefined
  readonly phoneNumberId?: string | undefined
  readonly customerId?: string | undefined
  readonly squadId?: string | undefined
  readonly callId?: string | undefined
  readonly page?: number | undefined
  readonly sortOrder?: "ASC" | "DESC" | undefined
  readonly limit?: number | undefined
}

/**
 * One page of `GET /logs` (`LogsPaginatedResponse`).
 *
 * @since 0.1.0
 * @category models
 */
export interface LogsPage {
  readonly results: ReadonlyArray<Json.JsonObject>
  readonly metadata: {
    readonly itemsPerPage: number
    readonly totalItems: number
    readonly currentPage: number
  }
}

/**
 * A time step of an analytics query.
 *
 * @since 0.1.0
 * @category models
 */
export type AnalyticsStep =
  | "minute"
  | "hour"
  | "day"
  | "week"
  | "month"
  | "quarter"
  | "year"
  | "decade"
  | "century"
  | "millennium"

/**
 * One aggregation of an analytics query; `duration` is `endedAt - startedAt` in seconds.
 *
 * @since 0.1.0
 * @category models
 */
export interface AnalyticsOperation {
  readonly operation: "sum" | "avg" | "min" | "max" | "count"
  readonly column: string
  readonly alias?: string | undefined
}

/**
 * One analytics query (`AnalyticsQuery`); time buckets are computed in UTC.
 *
 * @since 0.1.0
 * @category models
 */
export interface AnalyticsQuery {
  readonly table: "call"
  readonly name: string
  readonly operations: ReadonlyArray<AnalyticsOperation>
  readonly groupBy?: ReadonlyArray<string> | undefined
  readonly timeRange?: {
    readonly step?: AnalyticsStep | undefined
    readonly start?: DateInput | undefined
    readonly end?: DateInput | undefined
    readonly timezone?: string | undefined
  } | undefined
}

/**
 * The answer to one analytics query (`AnalyticsQueryResult`).
 *
 * @since 0.1.0
 * @category models
 */
export interface AnalyticsResult {
  readonly name: string
  readonly timeRange: {
    readonly step?: AnalyticsStep
    readonly start: string
    readonly end: string
    readonly timezone: string
  }
  readonly result: ReadonlyArray<Json.JsonObject>
}

/**
 * A file to store, as `POST /file` receives it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Upload {
  readonly filename: string
  readonly bytes: Uint8Array
  readonly mimetype?: string | undefined
  readonly purpose?: string | undefined
}

/**
 * Records to start from; missing `id`, `orgId`, `createdAt` and `updatedAt` are filled in as on create.
 *
 * @since 0.1.0
 * @category models
 */
export type Fixtures = {
  readonly [R in Resource | "logs"]?: ReadonlyArray<Json.JsonObject>
}

/**
 * Everything in the store, each collection in insertion order.
 *
 * @since 0.1.0
 * @category models
 */
export type Snapshot =
  & { readonly [R in Resource]: ReadonlyArray<Entity> }
  & { readonly logs: ReadonlyArray<Json.JsonObject> }

/**
 * Options of `make` and `layer`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Makes ids (and the `orgId`) deterministic; a random seed is drawn from Effect's `Random` otherwise. */
  readonly seed?: string | number | undefined
  /** The org every record belongs to; derived from the seed by default. */
  readonly orgId?: string | undefined
  /** Records present from the start, and again after `reset`. */
  readonly fixtures?: Fixtures | undefined
  /** The prefix of a stored file's `url` (`<filesBaseUrl>/<id>`). */
  readonly filesBaseUrl?: string | undefined
  /** Logs kept at most (the oldest go first), 10 000 by default. */
  readonly maxLogs?: number | undefined
}

/**
 * No record with this id in this collection.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>("@vapi-effect/testing/Store/NotFound")("NotFound", {
  resource: Schema.String,
  id: Schema.String
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return `${singular[this.resource] ?? this.resource} with id ${this.id} not found`
  }
}

const singular: Record<string, string> = {
  calls: "Call",
  assistants: "Assistant",
  phoneNumbers: "Phone number",
  squads: "Squad",
  blocks: "Block",
  tools: "Tool",
  files: "File"
}

/**
 * The store's operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The org of every record. */
  readonly orgId: string
  /** Stores a new record with server-set `id`, `orgId`, `createdAt` and `updatedAt` (and a call's defaults). */
  readonly create: (resource: Resource, fields: Json.JsonObject) => Effect.Effect<Entity>
  readonly get: (resource: Resource, id: string) => Effect.Effect<Entity, NotFound>
  /** Merges the given top-level fields into the record and moves `updatedAt`. */
  readonly update: (resource: Resource, id: string, fields: Json.JsonObject) => Effect.Effect<Entity, NotFound>
  /** Deletes the record and returns it. */
  readonly remove: (resource: Resource, id: string) => Effect.Effect<Entity, NotFound>
  /** Newest first, filtered, at most `limit` (default 100, at most 1000). */
  readonly list: (resource: Resource, params?: ListParams) => Effect.Effect<ReadonlyArray<Entity>>
  /** Stores an uploaded file's bytes and returns its `File` record. */
  readonly upload: (upload: Upload) => Effect.Effect<Entity>
  /** The bytes of a stored file. */
  readonly content: (id: string) => Effect.Effect<Uint8Array, NotFound>
  /** One page of logs, oldest first unless `sortOrder: "DESC"`. */
  readonly logs: (params?: LogsParams) => Effect.Effect<LogsPage>
  /** Appends a log entry (a `Log` record). */
  readonly appendLog: (entry: Json.JsonObject) => Effect.Effect<void>
  /** Answers analytics queries over the stored calls. */
  readonly analytics: (queries: ReadonlyArray<AnalyticsQuery>) => Effect.Effect<ReadonlyArray<AnalyticsResult>>
  /** Adds records. */
  readonly seed: (fixtures: Fixtures) => Effect.Effect<void>
  /** Everything stored, in insertion order. */
  readonly snapshot: Effect.Effect<Snapshot>
  /** Back to the state right after construction (the initial fixtures, the same ids to come). */
  readonly reset: Effect.Effect<void>
}

/**
 * The store service.
 *
 * @since 0.1.0
 * @category tags
 */
export class Store extends Context.Tag("@vapi-effect/testing/Store")<Store, Service>() {}

// -----------------------------------------------------------------------------
// internals
// -----------------------------------------------------------------------------

interface Stored {
  readonly seq: number
  readonly createdAt: number
  readonly updatedAt: number
  readonly record: Entity
}

interface StoredLog {
  readonly seq: number
  readonly time: number
  readonly record: Json.JsonObject
}

interface State {
  readonly seq: number
  readonly nextId: number
  readonly collections: { readonly [R in Resource]: HashMap.HashMap<string, Stored> }
  readonly contents: HashMap.HashMap<string, Uint8Array>
  readonly logs: Chunk.Chunk<StoredLog>
}

const emptyState: State = {
  seq: 0,
  nextId: 0,
  collections: {
    calls: HashMap.empty(),
    assistants: HashMap.empty(),
    phoneNumbers: HashMap.empty(),
    squads: HashMap.empty(),
    blocks: HashMap.empty(),
    tools: HashMap.empty(),
    files: HashMap.empty()
  },
  contents: HashMap.empty(),
  logs: Chunk.empty()
}

const setCollection = (state: State, resource: Resource, map: HashMap.HashMap<string, Stored>): State => ({
  ...state,
  collections: { ...state.collections, [resource]: map }
})

const byNewest = (a: Stored, b: Stored): number => b.createdAt - a.createdAt || b.seq - a.seq
const byInsertion = (a: { readonly seq: number }, b: { readonly seq: number }): number => a.seq - b.seq

const iso = (millis: number): string => new Date(millis).toISOString()

const timestamp = (value: Json.Json | undefined, fallback: number): number => {
  if (typeof value !== "string") return fallback
  const millis = Date.parse(value)
  return Number.isNaN(millis) ? fallback : millis
}

const callDefaults = (fields: Json.JsonObject): Json.JsonObject => ({
  type: fields.phoneNumberId !== undefined || fields.phoneNumber !== undefined ? "outboundPhoneCall" : "webCall",
  status: "queued"
})

const serverFields = new Set(["id", "orgId", "createdAt", "updatedAt"])

const withoutServerFields = (fields: Json.JsonObject): Json.JsonObject =>
  Object.fromEntries(Object.entries(fields).filter(([key]) => !serverFields.has(key)))

const logMatches = (params: LogsParams, log: StoredLog): boolean => {
  const r = log.record
  const eq = (key: keyof LogsParams & string) => {
    const want = params[key]
    return want === undefined || Json.getString(r, key) === want
  }
  return eq("orgId") && eq("type") && eq("assistantId") && eq("phoneNumberId") && eq("customerId") &&
    eq("squadId") && eq("callId") && Filters.inRange(params, log.time, log.time)
}

// -----------------------------------------------------------------------------
// constructors
// -----------------------------------------------------------------------------

/**
 * Builds a store, seeded with the fixtures.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service> =>
  Effect.gen(function*() {
    const seed = options.seed ?? (yield* Random.nextInt)
    const maxLogs = options.maxLogs ?? 10_000
    const filesBaseUrl = options.filesBaseUrl ?? "http://127.0.0.1/__files"
    const idAt = (n: number) => Ids.uuid(Random.make(`${seed}/${n}`))
    const orgId = options.orgId ?? (yield* Ids.uuid(Random.make(`${seed}/org`)))

    const nextId = (state: State): Effect.Effect<readonly [string, State]> =>
      Effect.map(idAt(state.nextId), (id) => [id, { ...state, nextId: state.nextId + 1 }] as const)

    const insert = (state: State, resource: Resource, fields: Json.JsonObject, now: number) =>
      Effect.map(
        typeof fields.id === "string" ? Effect.succeed([fields.id, state] as const) : nextId(state),
        ([id, state]): readonly [Entity, State] => {
          const createdAt = timestamp(fields.createdAt, now)
          const updatedAt = timestamp(fields.updatedAt, createdAt)
          const record: Entity = {
            ...(resource === "calls" ? callDefaults(fields) : {}),
            ...withoutServerFields(fields),
            id,
            orgId: typeof fields.orgId === "string" ? fields.orgId : orgId,
            createdAt: iso(createdAt),
            updatedAt: iso(updatedAt)
          }
          const stored: Stored = { seq: state.seq, createdAt, updatedAt, record }
          const next = setCollection(state, resource, HashMap.set(state.collections[resource], id, stored))
          return [record, { ...next, seq: state.seq + 1 }]
        }
      )

    const appendLogTo = (state: State, record: Json.JsonObject, now: number): State => {
      const time = Json.getNumber(record, "time") ?? now
      const logs = Chunk.append(state.logs, { seq: state.seq, time, record })
      return {
        ...state,
        seq: state.seq + 1,
        logs: Chunk.size(logs) > maxLogs ? Chunk.drop(logs, Chunk.size(logs) - maxLogs) : logs
      }
    }

    const seedInto = (state: State, fixtures: Fixtures, now: number): Effect.Effect<State> =>
      Effect.gen(function*() {
        let current = state
        for (const resource of resources) {
          for (const fields of fixtures[resource] ?? []) {
            current = (yield* insert(current, resource, fields, now))[1]
          }
        }
        for (const log of fixtures.logs ?? []) current = appendLogTo(current, log, now)
        return current
      })

    const initial = yield* Effect.flatMap(
      Clock.currentTimeMillis,
      (now) => seedInto(emptyState, options.fixtures ?? {}, now)
    )
    const ref = yield* SynchronizedRef.make(initial)

    const find = (state: State, resource: Resource, id: string): Effect.Effect<Stored, NotFound> =>
      Option.match(HashMap.get(state.collections[resource], id), {
        onNone: () => Effect.fail(new NotFound({ resource, id })),
        onSome: Effect.succeed
      })

    const modify = <A, E>(f: (state: State, now: number) => Effect.Effect<readonly [A, State], E>) =>
      SynchronizedRef.modifyEffect(ref, (state) => Effect.flatMap(Clock.currentTimeMillis, (now) => f(state, now)))

    const create = (resource: Resource, fields: Json.JsonObject) =>
      modify((state, now) => insert(state, resource, withoutServerFields(fields), now))

    const service: Service = {
      orgId,
      create,
      get: (resource, id) =>
        Effect.flatMap(SynchronizedRef.get(ref), (state) => Effect.map(find(state, resource, id), (s) => s.record)),
      update: (resource, id, fields) =>
        modify((state, now) =>
          Effect.map(find(state, resource, id), (stored): readonly [Entity, State] => {
            const updatedAt = Math.max(now, stored.createdAt)
            const record: Entity = {
              ...stored.record,
              ...withoutServerFields(fields),
              id: stored.record.id,
              orgId: stored.record.orgId,
              createdAt: stored.record.createdAt,
              updatedAt: iso(updatedAt)
            }
            const map = HashMap.set(state.collections[resource], id, { ...stored, updatedAt, record })
            return [record, setCollection(state, resource, map)]
          })
        ),
      remove: (resource, id) =>
        modify((state) =>
          Effect.map(find(state, resource, id), (stored): readonly [Entity, State] => {
            const next = setCollection(state, resource, HashMap.remove(state.collections[resource], id))
            return [
              stored.record,
              resource === "files" ? { ...next, contents: HashMap.remove(next.contents, id) } : next
            ]
          })
        ),
      list: (resource, params = {}) =>
        Effect.map(SynchronizedRef.get(ref), (state) => {
          const limit = Filters.clampLimit(params.limit)
          const assistantId = resource === "calls" ? params.assistantId : undefined
          return Array.from(HashMap.values(state.collections[resource]))
            .filter((s) =>
              Filters.inRange(params, s.createdAt, s.updatedAt) &&
              (assistantId === undefined || s.record.assistantId === assistantId)
            )
            .sort(byNewest)
            .slice(0, limit)
            .map((s) => s.record)
        }),
      upload: (upload) =>
        modify((current, now) =>
          Effect.flatMap(nextId(current), ([id, state]) => {
            const mimetype = upload.mimetype ?? "application/octet-stream"
            const key = `${id}-${upload.filename}`
            const fields: Json.JsonObject = {
              id,
              object: "file",
              status: "indexed",
              name: upload.filename.slice(0, 40),
              originalName: upload.filename,
              bytes: upload.bytes.byteLength,
              ...(upload.purpose === undefined ? {} : { purpose: upload.purpose }),
              mimetype,
              key,
              path: `${orgId}/${key}`,
              bucket: "vapi-effect-mock",
              url: `${filesBaseUrl}/${id}`,
              metadata: {}
            }
            return Effect.map(
              insert(state, "files", fields, now),
              ([record, next]): readonly [Entity, State] => [
                record,
                { ...next, contents: HashMap.set(next.contents, id, upload.bytes) }
              ]
            )
          })
        ),
      content: (id) =>
        Effect.flatMap(SynchronizedRef.get(ref), (state) =>
          Option.match(HashMap.get(state.contents, id), {
            onNone: () =>
              HashMap.has(state.collections.files, id)
                ? Effect.succeed(new Uint8Array(0))
                : Effect.fail(new NotFound({ resource: "files", id })),
            onSome: Effect.succeed
          })),
      logs: (params = {}) =>
        Effect.map(SynchronizedRef.get(ref), (state) => {
          const limit = Filters.clampLimit(params.limit)
          const page = Math.max(1, Math.floor(params.page ?? 1))
          const matching = Chunk.toReadonlyArray(state.logs)
            .filter((log) => logMatches(params, log))
            .sort((a, b) => a.time - b.time || byInsertion(a, b))
          if (params.sortOrder === "DESC") matching.reverse()
          return {
            results: matching.slice((page - 1) * limit, page * limit).map((log) => log.record),
            metadata: { itemsPerPage: limit, totalItems: matching.length, currentPage: page }
          }
        }),
      appendLog: (entry) => modify((state, now) => Effect.succeed([undefined, appendLogTo(state, entry, now)] as const)),
      analytics: (queries) =>
        Effect.zipWith(SynchronizedRef.get(ref), Clock.currentTimeMillis, (state, now) => {
          const calls = Array.from(HashMap.values(state.collections.calls))
            .sort(byInsertion)
            .map((s) => ({ record: s.record, createdAt: s.createdAt }))
          return queries.map((query) => Analytics.run(calls, query, now))
        }),
      seed: (fixtures) =>
        modify((state, now) => Effect.map(seedInto(state, fixtures, now), (next) => [undefined, next] as const)),
      snapshot: Effect.map(SynchronizedRef.get(ref), (state): Snapshot => {
        const all = (resource: Resource) =>
          Array.from(HashMap.values(state.collections[resource])).sort(byInsertion).map((s) => s.record)
        return {
          calls: all("calls"),
          assistants: all("assistants"),
          phoneNumbers: all("phoneNumbers"),
          squads: all("squads"),
          blocks: all("blocks"),
          tools: all("tools"),
          files: all("files"),
          logs: Chunk.toReadonlyArray(state.logs).map((log) => log.record)
        }
      }),
      reset: SynchronizedRef.set(ref, initial)
    }
    return service
  })

// -----------------------------------------------------------------------------
// layers
// -----------------------------------------------------------------------------

/**
 * A layer with a fresh store.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<Store> => Layer.effect(Store, make(options))
