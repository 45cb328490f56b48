// The types of esm-bundle.mjs, for the TypeScript that imports it (bench/src/build.ts).

/** What {@link bundleEsm} wrote. */
export interface Written {
  readonly entries: number
  readonly chunks: number
  readonly reexports: number
}

/** Writes a package's `dist/esm` layout into `outDir` from its TypeScript sources in `srcDir`. */
export declare const bundleEsm: (options: { readonly srcDir: string; readonly outDir: string; readonly target?: string }) => Promise<Written>

/** The re-exported names whose values differ from the entries' (none when the bundle is sound). */
export declare const verify: (options: { readonly srcDir: string; readonly outDir: string }) => Promise<Array<string>>
