/**
 * `@vapi-effect/schema`: Effect Schemas for every request and response of the Vapi REST API, generated from
 * its OpenAPI document, and the operations as descriptors (`Operation`). Importing this module loads every
 * schema; import `@vapi-effect/schema/Calls` (or another resource module) to load only what one resource
 * needs.
 *
 * @since 0.1.0
 */
export * as Analytics from "./Analytics.js"
export * as Assistants from "./Assistants.js"
export * as Blocks from "./Blocks.js"
export * as Calls from "./Calls.js"
export * as Fallback from "./Fallback.js"
export * as Files from "./Files.js"
export * from "./generated/index.js"
export * as Logs from "./Logs.js"
export * as Operation from "./Operation.js"
export * as PhoneNumbers from "./PhoneNumbers.js"
export * as Squads from "./Squads.js"
export * as Tools from "./Tools.js"
