/**
 * PhoneNumbers: the schemas and operation descriptors of `phoneNumbers.*`, with the `PhoneNumber` and `CreatePhoneNumberDTO` unions. Re-exports the generated module, so that importing it loads only the schemas these operations reach.
 *
 * @since 0.1.0
 */
export * from "./generated/operations/PhoneNumbers.js"
