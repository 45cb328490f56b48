import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import * as Fs from "node:fs"
import * as Path from "node:path"
import * as Url from "node:url"
import * as Generated from "../src/generated/index.js"

// The document is read at test time, from the shared folder beside the repository; nothing of it is copied.
const documentPath = Path.resolve(
  Path.dirname(Url.fileURLToPath(import.meta.url)),
  "../../../../shared/vapi-openapi/openapi-2024-10-23.json"
)
const document = JSON.parse(Fs.readFileSync(documentPath, "utf8"))

interface Example {
  readonly component: string
  readonly property: ReadonlyArray<string>
  readonly value: unknown
}

// Every `example` in the document, with the component and property path it belongs to.
const collect = (): Array<Example> => {
  const out: Array<Example> = []
  const walk = (s: unknown, component: string, property: ReadonlyArray<string>): void => {
    if (typeof s !== "object" || s === null) return
    const schema = s as Record<string, unknown>
    if ("example" in schema) out.push({ component, property, value: schema.example })
    for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
      walk(sub, component, [...property, name])
    }
  }
  for (const [name, schema] of Object.entries(document.components.schemas)) walk(schema, name, [])
  return out
}

const typeLiteral = (ast: AST.AST): AST.TypeLiteral => {
  switch (ast._tag) {
    case "TypeLiteral":
      return ast
    case "Suspend":
      return typeLiteral(ast.f())
    case "Refinement":
    case "Transformation":
      return typeLiteral(ast.from)
    default:
      return assert.fail(`not an object schema: ${ast._tag}`)
  }
}

// The schema of one property of a generated object schema.
const propertySchema = (schema: Schema.Schema.AnyNoContext, path: ReadonlyArray<string>): Schema.Schema<unknown> => {
  let ast = schema.ast
  for (const name of path) {
    const signature = typeLiteral(ast).propertySignatures.find((p) => p.name === name)
    if (signature === undefined) return assert.fail(`no property ${name}`)
    ast = signature.type
  }
  return Schema.make(ast)
}

const exports = Generated as unknown as Record<string, Schema.Schema.AnyNoContext | undefined>
const examples = collect()

describe("the document's examples decode", () => {
  it("finds the 127 examples", () => {
    assert.strictEqual(examples.length, 127)
  })

  for (const example of examples) {
    const where = `${example.component}.${example.property.join(".")}`
    it(`${where} = ${JSON.stringify(example.value).slice(0, 60)}`, () => {
      const variants = [example.component, `${example.component}Strict`].filter((name) => exports[name] !== undefined)
      assert.isAbove(variants.length, 0)
      for (const name of variants) {
        const schema = propertySchema(exports[name]!, example.property)
        const result = Schema.decodeUnknownEither(schema)(example.value)
        assert.isTrue(Either.isRight(result), `${name}: ${Either.isLeft(result) ? result.left.message : ""}`)
      }
    })
  }
})
