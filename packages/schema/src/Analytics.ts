/**
 * Analytics: the schemas and operation descriptor of `analytics.get`. Re-exports the generated module, so that importing it loads only the schemas these operations reach.
 *
 * @since 0.1.0
 */
export * from "./generated/operations/Analytics.js"
