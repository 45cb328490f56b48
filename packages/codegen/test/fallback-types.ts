// The shape of @vapi-effect/schema's Fallback module, for the test that runs generated fixture code
// (the module itself is loaded at run time, outside this project's files).
export declare class UnknownEnum {
  readonly _tag: "UnknownEnum"
  readonly value: string
  constructor(value: string)
}
export declare class UnknownMember {
  readonly _tag: "UnknownMember"
  readonly tag: string | undefined
  readonly raw: { readonly [key: string]: unknown }
  constructor(raw: { readonly [key: string]: unknown }, tag: string | undefined)
}
