/**
 * The 37 operations as routes: method, path template, the resource they touch and what they do to it,
 * derived from the operation descriptors so that paths come from one place.
 *
 * @internal
 */
import type * as Operation from "@vapi-effect/schema/Operation"
import type * as Store from "../Store.js"

/** What an operation touches. @internal */
export type Kind = Store.Resource | "analytics" | "logs"

/** What an operation does. @internal */
export type Action = "list" | "create" | "get" | "update" | "delete" | "query"

/** The minimum a route needs from an operation descriptor. @internal */
export interface Descriptor {
  readonly name: string
  readonly method: Operation.Method
  readonly path: string
  readonly body?: Operation.Operation["body"]
  readonly bodyEncoding?: Operation.BodyEncoding
  readonly success?: Operation.Operation["success"]
}

/** An operation the server serves. @internal */
export interface Route {
  readonly name: string
  readonly method: Operation.Method
  readonly path: string
  readonly kind: Kind
  readonly action: Action
  readonly descriptor: Descriptor
}

const kinds: Record<string, Kind> = {
  call: "calls",
  assistant: "assistants",
  "phone-number": "phoneNumbers",
  squad: "squads",
  block: "blocks",
  tool: "tools",
  file: "files",
  analytics: "analytics",
  logs: "logs"
}

/** The route of a descriptor, or `undefined` for a path this server does not know. @internal */
export const toRoute = (descriptor: Descriptor): Route | undefined => {
  const [, first, second] = descriptor.path.split("/")
  const kind = first === undefined ? undefined : kinds[first]
  if (kind === undefined) return undefined
  const withId = second !== undefined
  const action: Action | undefined = kind === "analytics"
    ? "query"
    : kind === "logs"
    ? "query"
    : descriptor.method === "GET"
    ? (withId ? "get" : "list")
    : descriptor.method === "POST"
    ? "create"
    : descriptor.method === "PATCH"
    ? "update"
    : "delete"
  return { name: descriptor.name, method: descriptor.method, path: descriptor.path, kind, action, descriptor }
}

/** The `HttpRouter` form of a path template: `/call/{id}` becomes `/call/:id`. @internal */
export const routerPath = (template: string): `/${string}` => `/${template.replace(/^\//, "").replace(/\{(\w+)\}/g, ":$1")}`

/** Whether a concrete path (`/call/abc`) is an instance of a template (`/call/{id}`). @internal */
export const matchesTemplate = (template: string, path: string): boolean => {
  const t = template.split("/")
  const p = path.split("/")
  return t.length === p.length && t.every((segment, i) => /^\{\w+\}$/.test(segment) ? p[i] !== "" : segment === p[i])
}
