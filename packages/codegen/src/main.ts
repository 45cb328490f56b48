/**
 * The entry point of `pnpm codegen`: runs the command with the process's arguments and exits with its code.
 *
 * @since 0.1.0
 */
import { run } from "./Cli.js"

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
)
