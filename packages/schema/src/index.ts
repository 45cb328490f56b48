export * as Operation from "./Operation.js"
