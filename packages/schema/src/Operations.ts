/**
 * Operations: every operation descriptor in one list, for interpreters and test servers that serve all of
 * them. Importing it loads every schema.
 *
 * @since 0.1.0
 */
export * from "./generated/operations/all.js"
