/* The small part of libheif-js (pinned in package.json) that heic-decode.ts uses. */
declare module 'libheif-js/libheif-wasm/libheif-bundle.mjs' {
  export type HeifImage = {
    get_width(): number;
    get_height(): number;
    display(
      target: { data: Uint8ClampedArray; width: number; height: number },
      done: (result: { data: Uint8ClampedArray; width: number; height: number } | null) => void,
    ): void;
    free(): void;
  };
  export type LibHeif = { HeifDecoder: new () => { decode(bytes: Uint8Array): HeifImage[] } };
  /** Instantiates the embedded wasm synchronously (allowed in workers) and returns the module. */
  const factory: (options?: Record<string, unknown>) => LibHeif;
  export default factory;
}
