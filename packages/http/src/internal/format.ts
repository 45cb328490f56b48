/**
 * Small text helpers shared by the interpreter and the error mapping: body excerpts, secret scrubbing and
 * the rendering of a Schema parse error as one path plus one message.
 *
 * @internal
 */
import * as ParseResult from "effect/ParseResult"

/** @internal */
export const EXCERPT_LENGTH = 200

/**
 * Collapses whitespace and cuts `text` to about `max` characters.
 *
 * @internal
 */
export const excerpt = (text: string, max: number = EXCERPT_LENGTH): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/**
 * Returns a function that replaces every occurrence of the given secrets with `<redacted>`.
 *
 * @internal
 */
export const scrubber = (secrets: ReadonlyArray<string>) => {
  const present = secrets.filter((secret) => secret.length > 0)
  return (text: string): string =>
    present.reduce((acc, secret) => acc.split(secret).join("<redacted>"), text)
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Renders a path as `root.messages[3].role`.
 *
 * @internal
 */
export const formatPath = (root: string, path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`
    if (typeof key === "symbol") return `${acc}[${String(key)}]`
    if (identifier.test(key)) return acc === "" ? key : `${acc}.${key}`
    return `${acc}[${JSON.stringify(key)}]`
  }, root)

/**
 * The first issue of a parse error, as a rendered path and a message.
 *
 * @internal
 */
export const firstIssue = (
  root: string,
  error: ParseResult.ParseError
): { readonly path: string; readonly message: string } => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues[0]
  return first === undefined
    ? { path: root, message: error.message }
    : { path: formatPath(root, first.path), message: first.message }
}

/**
 * The whole message of an unknown failure cause. Whatever shows it scrubs it first and cuts it after (see
 * {@link describeCause}): cut first, a secret across the cut would keep its first characters.
 *
 * @internal
 */
export const causeMessage = (cause: unknown): string => {
  if (cause instanceof Error) return cause.message
  if (typeof cause === "string") return cause
  if (typeof cause === "object" && cause !== null && "message" in cause && typeof cause.message === "string") {
    return cause.message
  }
  return "unknown cause"
}

/**
 * A readable message out of an unknown failure cause: its message, scrubbed of secrets, then bounded in length.
 *
 * @internal
 */
export const describeCause = (cause: unknown, scrub: (text: string) => string): string =>
  excerpt(scrub(causeMessage(cause)))
