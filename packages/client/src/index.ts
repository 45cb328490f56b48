/**
 * @vapi-effect/client: the Vapi REST API as Effect services, one module per resource, composed with layers.
 * Each module is importable on its own (`@vapi-effect/client/Calls`) and loads only its own schemas.
 *
 * @since 0.1.0
 */

/**
 * Calls: place, list, inspect, rename and delete calls.
 *
 * @since 0.1.0
 */
export * as Calls from "./Calls.js"

/**
 * Assistants: create, list, inspect, update and delete assistants.
 *
 * @since 0.1.0
 */
export * as Assistants from "./Assistants.js"

/**
 * PhoneNumbers: create, list, inspect, update and delete phone numbers.
 *
 * @since 0.1.0
 */
export * as PhoneNumbers from "./PhoneNumbers.js"

/**
 * Squads: create, list, inspect, update and delete squads.
 *
 * @since 0.1.0
 */
export * as Squads from "./Squads.js"

/**
 * Blocks: create, list, inspect, update and delete blocks.
 *
 * @since 0.1.0
 */
export * as Blocks from "./Blocks.js"

/**
 * Tools: create, list, inspect, update and delete tools.
 *
 * @since 0.1.0
 */
export * as Tools from "./Tools.js"

/**
 * Files: upload, list, inspect, rename and delete files.
 *
 * @since 0.1.0
 */
export * as Files from "./Files.js"

/**
 * Analytics: aggregate calls.
 *
 * @since 0.1.0
 */
export * as Analytics from "./Analytics.js"

/**
 * Logs: pages and streams of logs.
 *
 * @since 0.1.0
 */
export * as Logs from "./Logs.js"

/**
 * Vapi: all nine services in one layer.
 *
 * @since 0.1.0
 */
export * as Vapi from "./Vapi.js"

/**
 * Resource: the shape the seven CRUD services share.
 *
 * @since 0.1.0
 */
export * as Resource from "./Resource.js"

/**
 * Fetch: the `Vapi` layers over the runtime's `fetch` (`FetchTransport`).
 *
 * @since 0.2.0
 */
export * as Fetch from "./Fetch.js"
