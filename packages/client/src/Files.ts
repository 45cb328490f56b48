/**
 * Files: upload, list, inspect, rename and delete the files that knowledge bases read (`/file`). Uploads
 * are `multipart/form-data`, streamed from a `Blob`, a `Uint8Array` or a file on disk.
 *
 * @since 0.1.0
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Multipart from "@vapi-effect/http/Multipart"
import * as VapiClient from "@vapi-effect/http/VapiClient"
import type * as VapiError from "@vapi-effect/http/VapiError"
import * as Schema from "@vapi-effect/schema/Files"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { basename, contentTypeOf } from "./internal/mime.js"

/**
 * A file, as the API returns it.
 *
 * @since 0.1.0
 * @category models
 */
export type File = Schema.File

/**
 * The body of `update`.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateFile = Schema.UpdateFileDTO

/**
 * What `create` uploads:
 *
 * - a `Blob` or a `File` (its `name` and `type` are used);
 * - `{ content, filename, contentType? }` with the bytes (`Uint8Array` or `Blob`) and a name;
 * - `{ path, filename?, contentType? }`, a file on disk, streamed through `@effect/platform`'s `FileSystem`
 *   (provide `NodeFileSystem.layer` or `BunFileSystem.layer` to the layer; `@vapi-effect/client/Node` does).
 *
 * The content type defaults to the one of the file name's extension.
 *
 * @since 0.1.0
 * @category models
 */
export type Upload =
  | Blob
  | { readonly content: Uint8Array | Blob; readonly filename: string; readonly contentType?: string | undefined }
  | { readonly path: string; readonly filename?: string | undefined; readonly contentType?: string | undefined }

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Lists the org's files (`GET /file`).
   *
   * @example
   * ```ts
   * const names = (yield* files.list()).map((file) => file.name)
   * ```
   */
  readonly list: () => Effect.Effect<ReadonlyArray<File>, VapiError.VapiError>
  /**
   * Uploads a file (`POST /file`, `multipart/form-data` with a `file` part), streaming it from disk when
   * given a path. A path that cannot be read fails with a `RequestValidationError` at `body.file`.
   *
   * @example
   * ```ts
   * const fromDisk = yield* files.create({ path: "./docs/faq.md" })
   * const inMemory = yield* files.create({ content: new TextEncoder().encode("# FAQ"), filename: "faq.md" })
   * ```
   */
  readonly create: (file: Upload) => Effect.Effect<File, VapiError.VapiError>
  /**
   * Gets one file (`GET /file/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * const file = yield* files.get("file_1")
   * ```
   */
  readonly get: (id: string) => Effect.Effect<File, VapiError.VapiError>
  /**
   * Renames a file (`PATCH /file/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * yield* files.update(file.id, { name: "faq-v2.md" })
   * ```
   */
  readonly update: (id: string, body: UpdateFile) => Effect.Effect<File, VapiError.VapiError>
  /**
   * Deletes a file and returns it (`DELETE /file/{id}`); fails with `NotFound` for an unknown id.
   *
   * @example
   * ```ts
   * yield* files.delete(file.id)
   * ```
   */
  readonly delete: (id: string) => Effect.Effect<File, VapiError.VapiError>
  /**
   * The files of `list` as a stream (`GET /file` takes no paging parameters: one request).
   *
   * @example
   * ```ts
   * yield* files.stream().pipe(Stream.runForEach((file) => Effect.log(file.name)))
   * ```
   */
  readonly stream: () => Stream.Stream<File, VapiError.VapiError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Files extends Context.Tag("@vapi-effect/client/Files")<Files, Service>() {}

const isBlob = (u: unknown): u is Blob => typeof Blob !== "undefined" && u instanceof Blob

/**
 * The file part of an upload. A path is `stat`ed first, so that the request carries a `Content-Length`;
 * when that fails, when the path is not a readable file, or when there is no `FileSystem`, the part is
 * `Multipart.unreadable` with the reason, and the request fails with a `RequestValidationError` at
 * `body.file` before anything is sent.
 */
const filePart = (
  upload: Upload,
  fs: Option.Option<FileSystem.FileSystem>
): Effect.Effect<Multipart.FilePart> => {
  if (isBlob(upload)) {
    const filename = "name" in upload && typeof upload.name === "string" && upload.name !== "" ? upload.name : "file"
    return Effect.succeed(Multipart.file({
      filename,
      contentType: upload.type === "" ? contentTypeOf(filename) : upload.type,
      content: upload
    }))
  }
  if ("path" in upload) {
    const filename = upload.filename ?? basename(upload.path)
    const part = (content: Stream.Stream<Uint8Array, unknown> | Multipart.Unreadable, size?: number) =>
      Multipart.file({ filename, contentType: upload.contentType ?? contentTypeOf(filename), content, size })
    return Option.match(fs, {
      onNone: () =>
        Effect.succeed(
          part(Multipart.unreadable(`cannot read ${upload.path}: no FileSystem in context (provide NodeFileSystem.layer)`))
        ),
      onSome: (fs) =>
        fs.stat(upload.path).pipe(
          Effect.flatMap((info) =>
            info.type === "File"
              ? Effect.as(fs.access(upload.path, { readable: true }), part(fs.stream(upload.path), Number(info.size)))
              : Effect.succeed(part(Multipart.unreadable(`cannot read ${upload.path}: it is a ${info.type}, not a file`)))
          ),
          Effect.catchAll((error) => Effect.succeed(part(Multipart.unreadable(error.message))))
        )
    })
  }
  return Effect.succeed(Multipart.file({
    filename: upload.filename,
    contentType: upload.contentType ?? contentTypeOf(upload.filename),
    content: upload.content
  }))
}

/**
 * The service over the `VapiClient` in context; uploads from a path use the `FileSystem` in context, if any.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, VapiClient.VapiClient> = Effect.gen(function*() {
  const client = yield* VapiClient.VapiClient
  const fs = yield* Effect.serviceOption(FileSystem.FileSystem)
  const list = () => client.execute(Schema.FilesList, {})
  return Files.of({
    list,
    create: (upload) =>
      Effect.flatMap(filePart(upload, fs), (part) => client.execute(Schema.FilesCreate, { body: Multipart.make([part]) })),
    get: (id) => client.execute(Schema.FilesGet, { path: { id } }),
    update: (id, body) => client.execute(Schema.FilesUpdate, { path: { id }, body }),
    delete: (id) => client.execute(Schema.FilesDelete, { path: { id } }),
    stream: () => Stream.flatMap(Stream.fromEffect(list()), Stream.fromIterable)
  })
})

/**
 * The service as a layer; it needs only a `VapiClient` (and a `FileSystem`, if present, for uploads from a
 * path).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Files, never, VapiClient.VapiClient> = Layer.effect(Files, make)
