/**
 * Blocks: the schemas and operation descriptors of `blocks.*`, with the `Block` and `CreateBlockDTO` unions. Re-exports the generated module, so that importing it loads only the schemas these operations reach.
 *
 * @since 0.1.0
 */
export * from "./generated/operations/Blocks.js"
