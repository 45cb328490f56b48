/**
 * Reads the error codes out of a transport failure (Node's `ECONNREFUSED`, undici's `UND_ERR_SOCKET`,
 * nested `cause`s and `AggregateError`s) so that the retry rule can tell a refused connection from a reset one.
 *
 * @internal
 */

const collectCodes = (cause: unknown, depth: number): ReadonlyArray<string> => {
  if (depth > 4 || typeof cause !== "object" || cause === null) return []
  const own = "code" in cause && typeof cause.code === "string" ? [cause.code] : []
  const nested = "cause" in cause ? collectCodes(cause.cause, depth + 1) : []
  const errors: ReadonlyArray<unknown> = "errors" in cause && Array.isArray(cause.errors) ? cause.errors : []
  return [...own, ...nested, ...errors.flatMap((error: unknown) => collectCodes(error, depth + 1))]
}

const resetCodes = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "UND_ERR_SOCKET", "UND_ERR_CLOSED"])

/** @internal */
export type Reason = "ConnectionRefused" | "ConnectionReset" | "Other"

/** @internal */
export const reasonOf = (cause: unknown): Reason => {
  const codes = collectCodes(cause, 0)
  if (codes.includes("ECONNREFUSED")) return "ConnectionRefused"
  if (codes.some((code) => resetCodes.has(code))) return "ConnectionReset"
  return "Other"
}
