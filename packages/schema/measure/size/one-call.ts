// Decodes one `Call`: imports only the generated Call module and what it reaches.
import * as Schema from "effect/Schema"
import { Call } from "../../src/generated/Call.js"

console.log(Schema.decodeUnknownSync(Call)(JSON.parse(process.argv[2] ?? "{}")))
