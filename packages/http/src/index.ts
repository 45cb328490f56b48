/**
 * @vapi-effect/http: the Effect service that talks HTTP to Vapi.
 *
 * @since 0.1.0
 */

/**
 * The client service, its layers and the per-effect overrides.
 *
 * @since 0.1.0
 */
export * as VapiClient from "./VapiClient.js"

/**
 * Typed errors and their mapping.
 *
 * @since 0.1.0
 */
export * as VapiError from "./VapiError.js"

/**
 * Retry policies and the retry rule.
 *
 * @since 0.1.0
 */
export * as Retry from "./Retry.js"

/**
 * Per-attempt and total timeouts.
 *
 * @since 0.1.0
 */
export * as Timeout from "./Timeout.js"

/**
 * Streamed `multipart/form-data` bodies.
 *
 * @since 0.1.0
 */
export * as Multipart from "./Multipart.js"

/**
 * Page-numbered and keyset pagination as Streams.
 *
 * @since 0.1.0
 */
export * as Pagination from "./Pagination.js"

/**
 * The seam between the client and the wire: one prepared request in, status, headers and body text out.
 *
 * @since 0.2.0
 */
export * as Transport from "./Transport.js"

/**
 * A `Transport` over the runtime's `fetch`: the fast path wherever there is no undici.
 *
 * @since 0.2.0
 */
export * as FetchTransport from "./FetchTransport.js"
