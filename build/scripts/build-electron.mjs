// Bundles the Electron main process and the preload with esbuild into dist/electron/*.cjs.
// The preload runs sandboxed, where require() only reaches a few Electron modules, so it must be one
// self-contained CJS file; `electron` itself stays external (the runtime provides it).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/** Builds both bundles (into `outDir`, dist/electron by default); resolves with their output paths. */
export async function buildElectron(
  outDir = process.env.TRIBUNAL_ELECTRON_OUT ?? path.join(root, 'dist/electron'),
) {
  const outputs = {
    main: path.join(outDir, 'main.cjs'),
    preload: path.join(outDir, 'preload.cjs'),
  };
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: outputs.main }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: outputs.preload }),
  ]);
  return outputs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildElectron()
    .then((out) =>
      console.log(`electron bundles: ${path.relative(root, out.main)}, ${path.relative(root, out.preload)}`),
    )
    .catch((e) => {
      console.error(
        `Electron 构建失败 (electron build failed): ${e instanceof Error ? e.message : String(e)}`,
      );
      process.exit(1);
    });
}
