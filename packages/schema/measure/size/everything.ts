// Imports everything the package exports and decodes one `Call`.
import * as Schema from "effect/Schema"
import * as Vapi from "../../src/index.js"

console.log(Object.keys(Vapi).length, Schema.decodeUnknownSync(Vapi.Call)(JSON.parse(process.argv[2] ?? "{}")))
