/**
 * The IPC contract between the Electron main process and the renderer (through the preload):
 * every channel, what the renderer sends and what main replies, in one place that both sides
 * import. Types only plus the channel-name lists, so the sandboxed preload stays tiny; the
 * runtime checks main applies to each request live in ipc-validation.ts.
 *
 * Replies carry failures as values (`{ kind: 'failed', message }`), so the renderer can show
 * them; a rejected promise means the request itself was refused (bad payload, foreign sender).
 *
 * Leaves out: streaming channels (the simulation runs in a Web Worker, not over IPC).
 */

export type AppLanguage = 'vi' | 'en';
export const APP_LANGUAGES: readonly AppLanguage[] = ['vi', 'en'];

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly electronVersion: string;
}

/**
 * A document id: main's name for one file the user chose (a dialog answer, an "Open recent"
 * menu click, the source of a recovered autosave). The renderer passes it back to say which
 * file an autosave belongs to; it never names a path main would act on by itself.
 */
export type DocumentId = string;

export type OpenLabReply =
  | { readonly kind: 'opened'; readonly path: string; readonly text: string; readonly documentId: DocumentId }
  | { readonly kind: 'canceled' }
  | { readonly kind: 'failed'; readonly message: string };

export type SaveLabReply =
  | { readonly kind: 'saved'; readonly path: string; readonly documentId: DocumentId }
  | { readonly kind: 'canceled' }
  | { readonly kind: 'failed'; readonly message: string };

/** Reply to a one-off file export (capture, text): where it went, or why not. */
export type SaveFileReply =
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'canceled' }
  | { readonly kind: 'failed'; readonly message: string };

/** Whether an autosave reached the disk; a failed one is retried by the renderer. */
export type AutosaveWriteReply =
  | { readonly kind: 'written'; readonly savedAtMs: number }
  | { readonly kind: 'failed'; readonly message: string };

export type AutosaveRecovery =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'found';
      readonly text: string;
      readonly savedAtMs: number;
      /** The file the text belongs to (main's record, granted again), or null for an untitled lab. */
      readonly sourcePath: string | null;
      readonly documentId: DocumentId | null;
    }
  /** An autosave that cannot be read; `keptAt` is where main moved it (never deleted), null if it could not. */
  | { readonly kind: 'damaged'; readonly message: string; readonly keptAt: string | null };

/** Renderer → main requests (ipcRenderer.invoke / ipcMain.handle). */
export interface IpcInvokeContract {
  'app:get-info': { request: null; reply: AppInfo };
  /** The menu follows the app language the user picks in the renderer. */
  'app:set-language': { request: { language: AppLanguage }; reply: null };
  /** With a path: reopen a file the user chose (an "Open recent" click, an earlier dialog). Without: show the open dialog. */
  'lab:open': { request: { path: string | null }; reply: OpenLabReply };
  /** With a path: save over a file the user chose. Without: "Save as" dialog. */
  'lab:save': { request: { path: string | null; text: string }; reply: SaveLabReply };
  /** The lab text, and the id of the file it belongs to (null: untitled); main picks where it goes. */
  'autosave:write': { request: { text: string; documentId: DocumentId | null }; reply: AutosaveWriteReply };
  'autosave:read': { request: null; reply: AutosaveRecovery };
  'autosave:clear': { request: null; reply: null };
  /** Save dialog filtered to *.pcapng, then an atomic write of the capture bytes. */
  'capture:save': { request: { fileName: string; bytes: Uint8Array }; reply: SaveFileReply };
  /** Save dialog for a text file (the scenario progress file), then an atomic write. */
  'text:save': { request: { fileName: string; text: string }; reply: SaveFileReply };
}

export type IpcInvokeChannel = keyof IpcInvokeContract;
export type IpcRequest<C extends IpcInvokeChannel> = IpcInvokeContract[C]['request'];
export type IpcReply<C extends IpcInvokeChannel> = IpcInvokeContract[C]['reply'];

export const IPC_INVOKE_CHANNELS = [
  'app:get-info',
  'app:set-language',
  'lab:open',
  'lab:save',
  'autosave:write',
  'autosave:read',
  'autosave:clear',
  'capture:save',
  'text:save',
] as const satisfies readonly IpcInvokeChannel[];

/** Menu items whose action belongs to the renderer (it owns the lab document and undo). */
export type MenuCommand =
  | { readonly command: 'new' }
  | { readonly command: 'open' }
  | { readonly command: 'open-recent'; readonly path: string }
  | { readonly command: 'save' }
  | { readonly command: 'save-as' }
  | { readonly command: 'export-capture' }
  | { readonly command: 'undo' }
  | { readonly command: 'redo' };

/** Main → renderer messages (webContents.send / ipcRenderer.on). */
export interface IpcEventContract {
  'menu:command': MenuCommand;
}
export type IpcEventChannel = keyof IpcEventContract;
export const MENU_COMMAND_CHANNEL = 'menu:command' satisfies IpcEventChannel;

/** Largest lab text accepted over IPC (characters); a lab file is far smaller. */
export const MAX_LAB_TEXT_CHARS = 16 * 1024 * 1024;
/** Largest capture file accepted over IPC (bytes). */
export const MAX_CAPTURE_BYTES = 256 * 1024 * 1024;
/** A pcapng file opens with a Section Header Block, block type 0x0A0D0D0A (a palindrome, so either byte order). */
export const PCAPNG_SHB_MAGIC = [0x0a, 0x0d, 0x0d, 0x0a] as const;
export const PCAPNG_EXTENSION = '.pcapng';
/** Longest suggested file name accepted over IPC (a plain name, no folder). */
export const MAX_FILE_NAME_CHARS = 255;
/** Longest document id accepted over IPC (main's ids are UUIDs, 36 characters). */
export const MAX_DOCUMENT_ID_CHARS = 64;
/** Longest path accepted over IPC. */
export const MAX_PATH_CHARS = 4096;

/** What the preload exposes on `window.v6lab`: a handful of typed functions, nothing else. */
export interface V6LabDesktopApi {
  getAppInfo(): Promise<AppInfo>;
  setLanguage(language: AppLanguage): Promise<void>;
  openLab(path?: string): Promise<OpenLabReply>;
  saveLab(text: string, path?: string): Promise<SaveLabReply>;
  writeAutosave(text: string, documentId: DocumentId | null): Promise<AutosaveWriteReply>;
  readAutosave(): Promise<AutosaveRecovery>;
  clearAutosave(): Promise<void>;
  /** Asks where to save a pcapng capture (suggesting `fileName`) and writes it. */
  saveCapture(fileName: string, bytes: Uint8Array): Promise<SaveFileReply>;
  /** Asks where to save a text file (suggesting `fileName`) and writes it. */
  saveText(fileName: string, text: string): Promise<SaveFileReply>;
  /** Calls `listener` for each menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The name of the global the preload defines in the renderer. */
export const DESKTOP_API_GLOBAL = 'v6lab';
