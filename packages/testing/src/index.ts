/**
 * @vapi-effect/testing: an in-memory Vapi (the `Store`), the nine client services over it without a socket
 * (`VapiTest`), and a Vapi-compatible HTTP server over it (`MockServer`) with fault injection, for testing
 * code built on vapi-effect.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Faults from "./Faults.js"

/**
 * @since 0.1.0
 */
export * as MockServer from "./MockServer.js"

/**
 * @since 0.1.0
 */
export * as Store from "./Store.js"

/**
 * @since 0.1.0
 */
export * as VapiTest from "./VapiTest.js"
