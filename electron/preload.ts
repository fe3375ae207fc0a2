/*
 * The sandboxed preload: bundled to one CJS file (sandboxed preloads cannot require our modules) and
 * exposing only `window.tribunal` (see bridge.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'tribunal',
  buildBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (event, listener) => {
      const handler = () => {
        listener();
      };
      ipcRenderer.on(event, handler);
      return () => {
        ipcRenderer.removeListener(event, handler);
      };
    },
  ),
);
