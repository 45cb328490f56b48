#!/usr/bin/env tsx
/**
 * The `serve` command: starts a `MockServer` on 127.0.0.1 and prints its URL and an API key, then serves
 * until interrupted (Ctrl-C). Options: `--port <n>` (or `PORT`; 0, the default, picks a free port),
 * `--seed <s>`, `--api-key <key>` (accept only this key), `--fixtures <file.json>` (records to start from).
 *
 * @since 0.1.0
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Fixtures from "./internal/fixtures.js"
import type * as Json from "./internal/json.js"
import * as MockServer from "./MockServer.js"

/** The command line could not be used. */
class UsageError extends Data.TaggedError("UsageError")<{ readonly message: string }> {}

interface Args {
  readonly port?: string
  readonly seed?: string
  readonly apiKey?: string
  readonly fixtures?: string
}

const flags: Record<string, keyof Args> = {
  "--port": "port",
  "--seed": "seed",
  "--api-key": "apiKey",
  "--fixtures": "fixtures"
}

const parseArgs = (argv: ReadonlyArray<string>): Effect.Effect<Args, UsageError> => {
  const args: { -readonly [K in keyof Args]?: string } = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ""
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg]
    const key = flags[flag ?? ""]
    if (key === undefined) {
      return Effect.fail(new UsageError({ message: `Unknown argument ${arg}. Options: ${Object.keys(flags).join(", ")}` }))
    }
    const value = inline ?? argv[++i]
    if (value === undefined) return Effect.fail(new UsageError({ message: `${flag} needs a value` }))
    args[key] = value
  }
  return Effect.succeed(args)
}

const parsePort = (raw: string): Effect.Effect<number, UsageError> => {
  const port = Number(raw)
  return Number.isInteger(port) && port >= 0 && port <= 65535
    ? Effect.succeed(port)
    : Effect.fail(new UsageError({ message: `Invalid port ${raw}` }))
}

const readFixtures = (path: string) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const text = yield* fs.readFileString(path).pipe(
      Effect.mapError((error) => new UsageError({ message: `Cannot read ${path}: ${error.message}` }))
    )
    const parsed = yield* Effect.try({
      try: (): Json.Json => JSON.parse(text),
      catch: () => new UsageError({ message: `${path} is not JSON` })
    })
    const problems = Fixtures.problems(parsed)
    if (problems.length > 0) return yield* new UsageError({ message: `${path}: ${problems.join("; ")}` })
    return Fixtures.fromJson(parsed)
  })

/** The command: parse the options, start the server, print how to reach it, serve until interrupted. */
const main = (argv: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const args = yield* parseArgs(argv)
    const envPort = yield* Config.string("PORT").pipe(Config.withDefault("0"))
    const port = yield* parsePort(args.port ?? envPort)
    const fixtures = args.fixtures === undefined ? undefined : yield* readFixtures(args.fixtures)
    const server = yield* MockServer.make({ port, seed: args.seed, apiKey: args.apiKey, fixtures })
    yield* Console.log(`Vapi mock server listening on ${server.url}`)
    yield* Console.log(`VAPI_BASE_URL=${server.url}`)
    yield* Console.log(`VAPI_API_KEY=${Redacted.value(server.apiKey)}`)
    yield* Console.log(
      args.apiKey === undefined ? "Any non-empty bearer token is accepted." : "Only this API key is accepted."
    )
    return yield* Effect.never
  }).pipe(Effect.scoped)

main(process.argv.slice(2)).pipe(Effect.provide(NodeContext.layer), NodeRuntime.runMain)
