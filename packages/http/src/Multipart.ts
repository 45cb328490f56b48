/**
 * Multipart: `multipart/form-data` request bodies built from file and field parts and sent as a stream, so a
 * file read from disk (a `Stream` from `@effect/platform`'s `FileSystem`) is never held in memory whole.
 * When every part's size is known the body gets a `Content-Length`.
 *
 * @since 0.1.0
 */
import * as HttpBody from "@effect/platform/HttpBody"
import * as Effect from "effect/Effect"
import * as Predicate from "effect/Predicate"
import * as Random from "effect/Random"
import * as Stream from "effect/Stream"
import { causeMessage } from "./internal/format.js"
import { type Encodable, encoderKey, isEncodable } from "./internal/multipartEncoder.js"
import { PartError } from "./internal/partError.js"

/**
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("@vapi-effect/http/Multipart")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * The bytes of a file part: in memory, a `Blob` (read lazily), a stream of chunks, or {@link Unreadable}. A
 * failing stream fails the request with a `RequestValidationError` at `body.<part name>` while it is sent;
 * an `Unreadable` one fails it the same way before anything is sent.
 *
 * @since 0.1.0
 * @category models
 */
export type Content = Blob | Uint8Array | Stream.Stream<Uint8Array, unknown> | Unreadable

const UnreadableTypeId: unique symbol = Symbol.for("@vapi-effect/http/Multipart/Unreadable")

/**
 * Content known to be unreadable before the request starts (a path that `stat` could not find, say), with
 * the reason. A request with such a part fails with a `RequestValidationError` at `body.<part name>` that
 * says `reason`, and sends nothing.
 *
 * @since 0.2.0
 * @category models
 */
export interface Unreadable {
  readonly [UnreadableTypeId]: typeof UnreadableTypeId
  readonly reason: string
}

/**
 * {@link Unreadable} content: why the part's bytes cannot be read.
 *
 * @since 0.2.0
 * @category constructors
 * @example
 * import { Multipart } from "@vapi-effect/http"
 *
 * const part = Multipart.file({ filename: "faq.md", content: Multipart.unreadable("cannot read ./faq.md: not found") })
 */
export const unreadable = (reason: string): Unreadable => ({ [UnreadableTypeId]: UnreadableTypeId, reason })

/**
 * Whether a part's content is {@link Unreadable}.
 *
 * @since 0.2.0
 * @category guards
 */
export const isUnreadable = (u: unknown): u is Unreadable => Predicate.hasProperty(u, UnreadableTypeId)

/**
 * A file part. `size` is the number of bytes of `content` (known for `Blob` and `Uint8Array`; for a stream
 * only when given, and then checked).
 *
 * @since 0.1.0
 * @category models
 */
export interface FilePart {
  readonly _tag: "File"
  readonly name: string
  readonly filename: string
  readonly contentType: string
  readonly content: Content
  readonly size: number | undefined
}

/**
 * A text field part.
 *
 * @since 0.1.0
 * @category models
 */
export interface FieldPart {
  readonly _tag: "Field"
  readonly name: string
  readonly value: string
}

/**
 * @since 0.1.0
 * @category models
 */
export type Part = FilePart | FieldPart

/**
 * A multipart body: the value a `"multipart"` operation takes as `body`, built with {@link make} (a body
 * built by hand has no encoder, and a request with one fails before it is sent).
 *
 * @since 0.1.0
 * @category models
 */
export interface Body {
  readonly [TypeId]: TypeId
  readonly parts: ReadonlyArray<Part>
}

const isBlob = (u: unknown): u is Blob => typeof Blob !== "undefined" && u instanceof Blob

/**
 * A file part (named `"file"` unless told otherwise).
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * import { FileSystem } from "@effect/platform"
 * import { Effect } from "effect"
 * import { Multipart } from "@vapi-effect/http"
 *
 * const upload = (path: string) =>
 *   Effect.gen(function*() {
 *     const fs = yield* FileSystem.FileSystem
 *     const info = yield* fs.stat(path)
 *     return Multipart.make([
 *       Multipart.file({ filename: "notes.txt", content: fs.stream(path), size: Number(info.size) })
 *     ])
 *   })
 */
export const file = <E>(options: {
  readonly name?: string | undefined
  readonly filename: string
  readonly contentType?: string | undefined
  readonly content: Blob | Uint8Array | Stream.Stream<Uint8Array, E> | Unreadable
  readonly size?: number | undefined
}): FilePart => {
  const content = options.content
  const blobType = isBlob(content) && content.type !== "" ? content.type : undefined
  return {
    _tag: "File",
    name: options.name ?? "file",
    filename: options.filename,
    contentType: options.contentType ?? blobType ?? "application/octet-stream",
    content,
    size: content instanceof Uint8Array
      ? content.byteLength
      : isBlob(content)
      ? content.size
      : isUnreadable(content)
      ? undefined
      : options.size
  }
}

/**
 * A text field part.
 *
 * @since 0.1.0
 * @category constructors
 */
export const field = (name: string, value: string): FieldPart => ({ _tag: "Field", name, value })

/**
 * A multipart body from its parts, in order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (parts: Iterable<Part>): Body => {
  // The body carries its encoder, which is how a request sends it (see `internal/multipartEncoder`).
  const body: Body & Encodable = {
    [TypeId]: TypeId,
    parts: Array.from(parts),
    [encoderKey]: () => encode(body)
  }
  return body
}

/** The body to send, or the first part known to be unreadable: then nothing is sent. */
const encode = (body: Body): Effect.Effect<HttpBody.HttpBody, PartError> => {
  for (const part of body.parts) {
    if (part._tag === "File" && isUnreadable(part.content)) return Effect.fail(new PartError(part.name, part.content.reason))
  }
  return toHttpBody(body)
}

/**
 * Whether a value is a multipart {@link Body} built by {@link make}: what a request can send.
 *
 * @since 0.1.0
 * @category guards
 */
export const isBody = (u: unknown): u is Body => Predicate.hasProperty(u, TypeId) && isEncodable(u)

const encoder = new TextEncoder()

const escape = (value: string): string =>
  value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")

const head = (boundary: string, part: Part): Uint8Array => {
  const disposition = `Content-Disposition: form-data; name="${escape(part.name)}"`
  const text = part._tag === "Field"
    ? `--${boundary}\r\n${disposition}\r\n\r\n`
    : `--${boundary}\r\n${disposition}; filename="${escape(part.filename)}"\r\n` +
      `Content-Type: ${part.contentType.replace(/[\r\n]/g, "")}\r\n\r\n`
  return encoder.encode(text)
}

const CRLF = encoder.encode("\r\n")

const tail = (boundary: string): Uint8Array => encoder.encode(`--${boundary}--\r\n`)

const checkedSize = (
  name: string,
  size: number | undefined,
  stream: Stream.Stream<Uint8Array, PartError>
): Stream.Stream<Uint8Array, PartError> =>
  size === undefined ? stream : Stream.suspend(() => {
    let seen = 0
    return stream.pipe(
      Stream.mapEffect((chunk) => {
        seen += chunk.byteLength
        return seen > size
          ? Effect.fail(new PartError(name, `the content is longer than its declared size of ${size} bytes`))
          : Effect.succeed(chunk)
      }),
      Stream.concat(Stream.suspend(() =>
        seen === size
          ? Stream.empty
          : Stream.fail(new PartError(name, `the content has ${seen} bytes, not its declared ${size}`))
      ))
    )
  })

const contentStream = (part: FilePart): Stream.Stream<Uint8Array, PartError> => {
  const content = part.content
  if (content instanceof Uint8Array) return Stream.succeed(content)
  if (isUnreadable(content)) return Stream.fail(new PartError(part.name, content.reason))
  if (isBlob(content)) {
    return Stream.fromReadableStream({
      evaluate: () => content.stream(),
      onError: (cause) => new PartError(part.name, causeMessage(cause))
    })
  }
  return checkedSize(
    part.name,
    part.size,
    Stream.mapError(content, (cause) => new PartError(part.name, causeMessage(cause)))
  )
}

const partStream = (boundary: string, part: Part): Stream.Stream<Uint8Array, PartError> =>
  part._tag === "Field"
    ? Stream.make(head(boundary, part), encoder.encode(part.value), CRLF)
    : Stream.succeed(head(boundary, part)).pipe(
      Stream.concat(contentStream(part)),
      Stream.concat(Stream.succeed(CRLF))
    )

/**
 * The exact byte length of the encoded body, when every file part's size is known.
 *
 * @since 0.1.0
 * @category getters
 */
export const contentLength = (body: Body, boundary: string): number | undefined =>
  body.parts.reduce<number | undefined>((total, part) => {
    if (total === undefined) return undefined
    const size = part._tag === "Field" ? encoder.encode(part.value).byteLength : part.size
    return size === undefined ? undefined : total + head(boundary, part).byteLength + size + CRLF.byteLength
  }, tail(boundary).byteLength)

/**
 * The body as a streamed `HttpBody` with the given boundary.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toHttpBodyWith = (body: Body, boundary: string): HttpBody.HttpBody =>
  HttpBody.stream(
    Stream.fromIterable(body.parts).pipe(
      Stream.flatMap((part) => partStream(boundary, part)),
      Stream.concat(Stream.sync(() => tail(boundary)))
    ),
    `multipart/form-data; boundary=${boundary}`,
    contentLength(body, boundary)
  )

/**
 * A fresh random boundary (`----vapi-effect-` and 24 hex digits), drawn from Effect's `Random`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const boundary: Effect.Effect<string> = Effect.map(
  Effect.all(Array.from({ length: 3 }, () => Random.nextIntBetween(0, 0xffffffff))),
  (words) => `----vapi-effect-${words.map((word) => word.toString(16).padStart(8, "0")).join("")}`
)

/**
 * The body as a streamed `HttpBody` with a fresh random boundary.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toHttpBody = (body: Body): Effect.Effect<HttpBody.HttpBody> =>
  Effect.map(boundary, (b) => toHttpBodyWith(body, b))
