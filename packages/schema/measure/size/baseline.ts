// No generated code: the cost of `effect/Schema` itself, decoding a one-field struct.
import * as Schema from "effect/Schema"

console.log(Schema.decodeUnknownSync(Schema.Struct({ id: Schema.String }))(JSON.parse(process.argv[2] ?? "{}")))
