// `npm run web`: builds the renderer and serves it to a browser on loopback (the same files Electron
// loads). Stop with Ctrl+C.
import { build, preview } from 'vite';

const host = '127.0.0.1';
const port = Number(process.env.TRIBUNAL_WEB_PORT ?? 5173);

await build({ logLevel: 'warn' });

// Hook: the local hub starts here too (hub/src/main.ts on 127.0.0.1:8787, SQLite in .hub-data/), so
// the web mode can enroll and sync. Start it before the preview and stop it on SIGINT/SIGTERM.

const server = await preview({ preview: { host, port, strictPort: true, open: false } });
const url = `http://${host}:${port}/`;
console.log(`背包仲裁庭 web mode: ${url}`);

const stop = () => {
  server.httpServer.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
