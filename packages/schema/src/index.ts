/**
 * `@vapi-effect/schema`: Effect Schemas for every request and response of the Vapi REST API, generated from
 * its OpenAPI document, and the operations as descriptors (`Operation`). Importing this module loads every
 * schema; import `@vapi-effect/schema/Calls` (or another resource module) to load only what one resource
 * needs.
 *
 * @since 0.1.0
 */

/**
 * Analytics: the schemas and operation descriptor of `analytics.get`.
 *
 * @since 0.1.0
 */
export * as Analytics from "./Analytics.js"

/**
 * Assistants: the schemas and operation descriptors of `assistants.*`.
 *
 * @since 0.1.0
 */
export * as Assistants from "./Assistants.js"

/**
 * Blocks: the schemas and operation descriptors of `blocks.*`.
 *
 * @since 0.1.0
 */
export * as Blocks from "./Blocks.js"

/**
 * Calls: the schemas and operation descriptors of `calls.*`.
 *
 * @since 0.1.0
 */
export * as Calls from "./Calls.js"

/**
 * Decoder: `Schema.decodeUnknownEither` with the same results, compiled for speed.
 *
 * @since 0.2.0
 */
export * as Decoder from "./Decoder.js"

/**
 * Fallback: what a response decodes to when the API sends a value the document does not know.
 *
 * @since 0.1.0
 */
export * as Fallback from "./Fallback.js"

/**
 * Files: the schemas and operation descriptors of `files.*`.
 *
 * @since 0.1.0
 */
export * as Files from "./Files.js"

/**
 * Every generated schema, type and operation descriptor.
 *
 * @since 0.1.0
 */
export * from "./generated/index.js"

/**
 * Logs: the schemas and operation descriptor of `logs.get`.
 *
 * @since 0.1.0
 */
export * as Logs from "./Logs.js"

/**
 * Operation: one Vapi REST operation described as data.
 *
 * @since 0.1.0
 */
export * as Operation from "./Operation.js"

/**
 * PhoneNumbers: the schemas and operation descriptors of `phoneNumbers.*`.
 *
 * @since 0.1.0
 */
export * as PhoneNumbers from "./PhoneNumbers.js"

/**
 * Squads: the schemas and operation descriptors of `squads.*`.
 *
 * @since 0.1.0
 */
export * as Squads from "./Squads.js"

/**
 * Tools: the schemas and operation descriptors of `tools.*`.
 *
 * @since 0.1.0
 */
export * as Tools from "./Tools.js"
