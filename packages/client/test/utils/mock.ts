/**
 * The embedded Vapi-compatible server of `@vapi-effect/testing`, imported from its sources by path:
 * `@vapi-effect/testing` depends on this package, so it cannot also be a dependency of it (pnpm and turbo
 * would see a cycle). `tsconfig.test.json` references the testing project instead.
 */
export * as Faults from "../../../testing/src/Faults.js"
export * as MockServer from "../../../testing/src/MockServer.js"
export * as Store from "../../../testing/src/Store.js"
