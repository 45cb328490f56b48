/**
 * Fallback: the values that a response decodes to when the API sends something the 2024-10-23 document does
 * not know, so that a new enum value or a new kind of tool, voice or message does not fail the whole
 * response. Both keep the wire value and encode back to it unchanged; both are classes with a `_tag`, so
 * users match on them with `Fallback.isUnknown…`, `instanceof`, or the `default` branch of a `switch`.
 *
 * @since 0.1.0
 */
/**
 * An enum value that the document does not list, as decoded from a response. `value` is the string on the
 * wire; `JSON.stringify` and `String()` give it back.
 *
 * @example
 * ```ts
 * import { Fallback } from "@vapi-effect/schema"
 * import type { Call } from "@vapi-effect/schema/Calls"
 *
 * const describe = (call: Call): string => {
 *   switch (call.status) {
 *     case "ended":
 *       return "done"
 *     case undefined:
 *       return "unknown"
 *     default:
 *       return Fallback.isUnknownEnum(call.status) ? `new status ${call.status.value}` : call.status
 *   }
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export declare class UnknownEnum {
    /**
     * @since 0.1.0
     */
    readonly _tag: "UnknownEnum";
    /**
     * @since 0.1.0
     */
    readonly value: string;
    constructor(value: string);
    /**
     * @since 0.1.0
     */
    toJSON(): string;
    /**
     * @since 0.1.0
     */
    toString(): string;
}
/**
 * The wire form of a member of a union that the API may extend: any JSON object.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnknownMemberEncoded {
    readonly [key: string]: unknown;
}
/**
 * A member of a union that the document does not describe (a new model provider, tool type, message role
 * ...), as decoded from a response. `tag` is the value of the union's discriminator property (`"provider"`,
 * `"type"`, `"role"`) when there was one, and `raw` is the object exactly as received; encoding gives `raw`
 * back.
 *
 * @example
 * ```ts
 * import { Fallback } from "@vapi-effect/schema"
 * import type { Assistant } from "@vapi-effect/schema/Assistants"
 *
 * const modelName = (assistant: Assistant): string | undefined => {
 *   const model = assistant.model
 *   if (model === undefined) return undefined
 *   if (Fallback.isUnknownMember(model)) return `unknown provider ${model.tag}`
 *   return model.model
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export declare class UnknownMember {
    /**
     * @since 0.1.0
     */
    readonly _tag: "UnknownMember";
    /**
     * @since 0.1.0
     */
    readonly tag: string | undefined;
    /**
     * @since 0.1.0
     */
    readonly raw: UnknownMemberEncoded;
    constructor(raw: UnknownMemberEncoded, tag: string | undefined);
    /**
     * @since 0.1.0
     */
    toJSON(): UnknownMemberEncoded;
    /**
     * @since 0.1.0
     */
    toString(): string;
}
/**
 * Whether a decoded value is an enum value that the document does not list.
 *
 * @since 0.1.0
 * @category guards
 */
export declare const isUnknownEnum: (u: unknown) => u is UnknownEnum;
/**
 * Whether a decoded value is a union member that the document does not describe.
 *
 * @since 0.1.0
 * @category guards
 */
export declare const isUnknownMember: (u: unknown) => u is UnknownMember;
/**
 * Whether a decoded value is either fallback.
 *
 * @since 0.1.0
 * @category guards
 */
export declare const isUnknown: (u: unknown) => u is UnknownEnum | UnknownMember;
//# sourceMappingURL=Fallback.d.ts.map