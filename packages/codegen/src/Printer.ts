/**
 * Printer: a small layout engine for the generated code, so that its formatting is fixed by the generator
 * (deterministic, 120 columns, 2 spaces, no semicolons, double quotes) and needs no formatter run.
 *
 * A `Doc` prints on one line when it fits and breaks its groups otherwise.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category models
 */
export type Doc =
  | string
  | { readonly _tag: "Concat"; readonly parts: ReadonlyArray<Doc> }
  | { readonly _tag: "List"; readonly open: string; readonly close: string; readonly items: ReadonlyArray<Doc> }
  | { readonly _tag: "TypeUnion"; readonly members: ReadonlyArray<Doc> }
  | { readonly _tag: "Block"; readonly open: string; readonly close: string; readonly lines: ReadonlyArray<Doc> }
  | { readonly _tag: "Lines"; readonly lines: ReadonlyArray<string> }

/**
 * The line width the printer aims for.
 *
 * @since 0.1.0
 */
export const width = 120

/**
 * Parts printed one after the other.
 *
 * @since 0.1.0
 * @category constructors
 */
export const concat = (...parts: ReadonlyArray<Doc>): Doc => ({ _tag: "Concat", parts })

/**
 * `open a, b close` on one line, or one item per line.
 *
 * @since 0.1.0
 * @category constructors
 */
export const list = (open: string, items: ReadonlyArray<Doc>, close: string): Doc => ({
  _tag: "List",
  open,
  close,
  items
})

/**
 * Lines printed as they are, each at the current indentation (comments).
 *
 * @since 0.1.0
 * @category constructors
 */
export const lines = (text: string): Doc => ({ _tag: "Lines", lines: text.split("\n") })

/**
 * A union type: `A | B` on one line, or one `| member` per line.
 *
 * @since 0.1.0
 * @category constructors
 */
export const typeUnion = (members: ReadonlyArray<Doc>): Doc =>
  members.length === 1 ? members[0] : { _tag: "TypeUnion", members }

/**
 * Always one line per entry (struct fields, interface members); `{}` when empty.
 *
 * @since 0.1.0
 * @category constructors
 */
export const block = (open: string, lines: ReadonlyArray<Doc>, close: string): Doc => ({
  _tag: "Block",
  open,
  close,
  lines
})

const flat = (doc: Doc): string | undefined => {
  if (typeof doc === "string") return doc.includes("\n") ? undefined : doc
  switch (doc._tag) {
    case "Concat": {
      let out = ""
      for (const part of doc.parts) {
        const s = flat(part)
        if (s === undefined) return undefined
        out += s
      }
      return out
    }
    case "List": {
      const items: Array<string> = []
      for (const item of doc.items) {
        const s = flat(item)
        if (s === undefined) return undefined
        items.push(s)
      }
      return doc.open + items.join(", ") + doc.close
    }
    case "TypeUnion": {
      const members: Array<string> = []
      for (const member of doc.members) {
        const s = flat(member)
        if (s === undefined) return undefined
        members.push(s)
      }
      return members.join(" | ")
    }
    case "Block":
      return doc.lines.length === 0 ? doc.open + doc.close : undefined
    case "Lines":
      return doc.lines.length === 1 ? doc.lines[0] : undefined
  }
}

const lastLineLength = (s: string): number => s.length - (s.lastIndexOf("\n") + 1)

/**
 * Prints a document starting at `column` on a line indented by `indent`.
 *
 * @since 0.1.0
 */
export const render = (doc: Doc, indent = "", column = indent.length, trailing = 0): string => {
  const f = flat(doc)
  if (f !== undefined && column + f.length + trailing <= width) return f
  if (typeof doc === "string") return doc
  const inner = indent + "  "
  switch (doc._tag) {
    case "Concat": {
      let out = ""
      for (const [i, part] of doc.parts.entries()) {
        // what follows on the same line counts against the width too
        const rest = flat(concat(...doc.parts.slice(i + 1)))
        const after = rest === undefined ? 0 : rest.length + trailing
        const s = render(part, indent, out.includes("\n") ? lastLineLength(out) : column + out.length, after)
        out = s.startsWith("\n") ? out.trimEnd() + s : out + s
      }
      return out
    }
    case "List":
      return doc.open + "\n" +
        doc.items.map((item, i) => {
          const rendered = render(item, inner, inner.length, 1)
          // a broken union type starts on its own lines
          return (rendered.startsWith("\n") ? rendered.slice(1) : inner + rendered) +
            (i < doc.items.length - 1 ? "," : "")
        }).join("\n") +
        "\n" + indent + doc.close
    case "TypeUnion":
      return "\n" + doc.members.map((member) => inner + "| " + render(member, inner + "  ")).join("\n")
    case "Block":
      if (doc.lines.length === 0) return doc.open + doc.close
      return doc.open + "\n" + doc.lines.map((line) => indentFirst(render(line, inner), inner)).join("\n") +
        "\n" + indent + doc.close
    case "Lines":
      return doc.lines.map((line, i) => (i === 0 || line === "" ? line : indent + line)).join("\n")
  }
}

const indentFirst = (s: string, indent: string): string => s === "" ? "" : indent + s

/**
 * A JSDoc comment from paragraphs and tags, one ` * ` per line; `*\/` inside the text is escaped.
 *
 * @since 0.1.0
 */
export const jsdoc = (text: string | undefined, tags: ReadonlyArray<string>): string => {
  const lines: Array<string> = []
  if (text !== undefined && text.trim() !== "") {
    lines.push(...text.trim().replace(/\*\//g, "*\\/").replace(/\r\n?/g, "\n").split("\n"))
    if (tags.length > 0) lines.push("")
  }
  lines.push(...tags)
  if (lines.length === 0) return ""
  return "/**\n" + lines.map((line) => (line.trim() === "" ? " *" : " * " + line.trimEnd())).join("\n") + "\n */"
}

/**
 * A property name as written in an object literal or interface: bare when it is an identifier.
 *
 * @since 0.1.0
 */
export const propertyName = (name: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)

/**
 * A string literal.
 *
 * @since 0.1.0
 */
export const str = (value: string): string => JSON.stringify(value)
