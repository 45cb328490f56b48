/**
 * Generate: the whole pipeline as one pure function, document in, files out: apply the patches and the
 * overrides, build the model, split it into modules.
 *
 * @since 0.1.0
 */
import type { Config } from "./config.js"
import * as Document from "./Document.js"
import * as Model from "./Model.js"
import * as Modules from "./Modules.js"
import * as Patch from "./Patch.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Input {
  readonly document: Document.Document
  readonly overrides?: Document.Overrides | undefined
  readonly patches: ReadonlyArray<Patch.Patch>
  readonly config: Config
  /** The document's file name, written into every header. */
  readonly source: string
}

/**
 * The generated files by path relative to the output directory, sorted by path.
 *
 * @since 0.1.0
 */
export const generate = (input: Input): Map<string, string> => {
  const patched = Patch.apply(input.document, input.patches)
  const document = input.overrides === undefined ? patched : Document.applyOverrides(patched, input.overrides)
  const model = Model.make(document, input.config)
  return Modules.files({ model, config: input.config, source: input.source })
}
