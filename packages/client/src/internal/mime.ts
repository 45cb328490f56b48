/**
 * The content type of an upload, guessed from its file name when the caller gives none.
 *
 * @internal
 */

const byExtension: Readonly<Record<string, string>> = {
  csv: "text/csv",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  htm: "text/html",
  html: "text/html",
  json: "application/json",
  log: "text/plain",
  md: "text/markdown",
  mp3: "audio/mpeg",
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  rtf: "application/rtf",
  tsv: "text/tab-separated-values",
  txt: "text/plain",
  wav: "audio/wav",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xml: "application/xml",
  yaml: "application/yaml",
  yml: "application/yaml"
}

/** @internal */
export const contentTypeOf = (filename: string): string => {
  const dot = filename.lastIndexOf(".")
  return (dot < 0 ? undefined : byExtension[filename.slice(dot + 1).toLowerCase()]) ?? "application/octet-stream"
}

/** @internal */
export const basename = (path: string): string => path.split(/[\\/]/).pop() || "file"
