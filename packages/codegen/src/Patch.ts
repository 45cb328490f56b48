/**
 * Patch: applies corrections to an OpenAPI document as data, a subset of JSON Patch (RFC 6902) with a
 * reason per operation. The document itself is never edited; the corrections live in `patches.ts`.
 *
 * @since 0.1.0
 */

/**
 * One correction: `add` (or replace) a value, `replace` an existing value, `remove` a value, at a JSON
 * Pointer (RFC 6901), with the reason it is needed.
 *
 * @since 0.1.0
 * @category models
 */
export type Patch =
  | { readonly op: "add"; readonly path: string; readonly value: unknown; readonly reason: string }
  | { readonly op: "replace"; readonly path: string; readonly value: unknown; readonly reason: string }
  | { readonly op: "remove"; readonly path: string; readonly reason: string }

const parsePointer = (pointer: string): Array<string> => {
  if (!pointer.startsWith("/")) throw new Error(`invalid JSON pointer ${pointer}`)
  return pointer.slice(1).split("/").map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
}

const clone = <A>(value: A): A => structuredClone(value)

/**
 * Applies the patches in order to a copy of the document. A patch whose target does not exist (or, for
 * `add`, whose parent does not exist) fails loudly, so that a new version of the document cannot silently
 * leave a correction unapplied.
 *
 * @since 0.1.0
 */
export const apply = <A>(document: A, patches: ReadonlyArray<Patch>): A => {
  const root = clone(document) as unknown
  for (const patch of patches) {
    const tokens = parsePointer(patch.path)
    const last = tokens.pop()!
    let parent: unknown = root
    for (const token of tokens) {
      if (typeof parent !== "object" || parent === null || !(token in parent)) {
        throw new Error(`patch ${patch.op} ${patch.path}: ${token} not found (${patch.reason})`)
      }
      parent = (parent as Record<string, unknown>)[token]
    }
    if (typeof parent !== "object" || parent === null) {
      throw new Error(`patch ${patch.op} ${patch.path}: parent is not an object (${patch.reason})`)
    }
    const target = parent as Record<string, unknown>
    switch (patch.op) {
      case "add":
        target[last] = clone(patch.value)
        break
      case "replace":
        if (!(last in target)) throw new Error(`patch replace ${patch.path}: not found (${patch.reason})`)
        target[last] = clone(patch.value)
        break
      case "remove":
        if (!(last in target)) throw new Error(`patch remove ${patch.path}: not found (${patch.reason})`)
        delete target[last]
        break
    }
  }
  return root as A
}
