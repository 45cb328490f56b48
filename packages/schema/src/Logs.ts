/**
 * Logs: the schemas and operation descriptor of `logs.get`, with its pagination metadata. Re-exports the generated module, so that importing it loads only the schemas these operations reach.
 *
 * @since 0.1.0
 */
export * from "./generated/operations/Logs.js"
