/**
 * Calls: the schemas and operation descriptors of `calls.*` (create, list, get, update, delete a call). Re-exports the generated module, so that importing it loads only the schemas these operations reach.
 *
 * @since 0.1.0
 */
export * from "./generated/operations/Calls.js"
