/**
 * The preload script: runs sandboxed (CommonJS, only `electron`'s renderer modules available)
 * and exposes one narrow, typed object on `window.v6lab` through contextBridge. The renderer
 * never sees ipcRenderer itself, only these functions; each sends one channel of the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  DESKTOP_API_GLOBAL,
  MENU_COMMAND_CHANNEL,
  type IpcInvokeChannel,
  type IpcReply,
  type IpcRequest,
  type MenuCommand,
  type V6LabDesktopApi,
} from './ipc-contract';

function invoke<C extends IpcInvokeChannel>(channel: C, request: IpcRequest<C>): Promise<IpcReply<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcReply<C>>;
}

const api: V6LabDesktopApi = {
  getAppInfo: () => invoke('app:get-info', null),
  setLanguage: async (language) => {
    await invoke('app:set-language', { language });
  },
  openLab: (path) => invoke('lab:open', { path: path ?? null }),
  saveLab: (text, path) => invoke('lab:save', { path: path ?? null, text }),
  writeAutosave: (text, documentId) => invoke('autosave:write', { text, documentId }),
  readAutosave: () => invoke('autosave:read', null),
  clearAutosave: async () => {
    await invoke('autosave:clear', null);
  },
  saveCapture: (fileName, bytes) => invoke('capture:save', { fileName, bytes }),
  saveText: (fileName, text) => invoke('text:save', { fileName, text }),
  onMenuCommand: (listener) => {
    // The event object stays here: handing it to the page would leak ipcRenderer (sender).
    const wrapped = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, api);
