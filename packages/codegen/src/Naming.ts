/**
 * Naming: every name the generator makes up, in one place: operation descriptors (`CallsList`), their
 * parameter schemas (`CallsListParams`), SDK group modules (`PhoneNumbers`), schema variants (`Call`,
 * `CreateAssistantDTOStrict`) and encoded types (`CallEncoded`).
 *
 * @since 0.1.0
 */

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * The module of an SDK group: `phoneNumbers` -> `PhoneNumbers`.
 *
 * @since 0.1.0
 */
export const moduleName = (group: string): string => pascal(group)

/**
 * The descriptor of an operation: `calls` + `list` -> `CallsList`.
 *
 * @since 0.1.0
 */
export const descriptorName = (operation: { readonly group: string; readonly method: string }): string =>
  pascal(operation.group) + pascal(operation.method)

/**
 * The query parameter schema (and type) of an operation: `CallsListParams`.
 *
 * @since 0.1.0
 */
export const paramsName = (operation: { readonly group: string; readonly method: string }): string =>
  `${descriptorName(operation)}Params`

/**
 * The encoded (JSON) type of a named type: `Call` -> `CallEncoded`.
 *
 * @since 0.1.0
 */
export const encodedName = (name: string): string => `${name}Encoded`

/**
 * The binding of a schema variant: the document name, except for the strict variant of a schema that also
 * has a lenient one, `<name>Strict`.
 *
 * @since 0.1.0
 */
export const variantName = (
  named: { readonly name: string; readonly lenient: boolean; readonly strict: boolean },
  variant: "lenient" | "strict"
): string => {
  if (variant === "lenient") {
    if (!named.lenient) throw new Error(`${named.name} has no lenient variant`)
    return named.name
  }
  if (!named.strict) throw new Error(`${named.name} has no strict variant`)
  return named.lenient ? `${named.name}Strict` : named.name
}
