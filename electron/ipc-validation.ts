/**
 * Runtime checks for every renderer → main IPC request. The renderer is treated as untrusted
 * input: each payload is parsed against the schema of its channel before any handler sees it,
 * and a bad payload gives a message naming the channel, the field and what was expected.
 *
 * Leaves out: who sent it (ipc-sender.ts) and whether a path or document id is one the user
 * chose (the handlers check that against main's grants, files/file-grants.ts).
 */
import { z } from 'zod';
import {
  APP_LANGUAGES,
  IPC_INVOKE_CHANNELS,
  MAX_CAPTURE_BYTES,
  MAX_DOCUMENT_ID_CHARS,
  MAX_FILE_NAME_CHARS,
  MAX_LAB_TEXT_CHARS,
  MAX_PATH_CHARS,
  PCAPNG_EXTENSION,
  PCAPNG_SHB_MAGIC,
  type IpcInvokeChannel,
  type IpcRequest,
} from './ipc-contract';

const labPath = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_PATH_CHARS, `must be at most ${MAX_PATH_CHARS} characters`)
  .refine((path) => !path.includes('\0'), 'must not contain a NUL character')
  .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'), 'must be an absolute path');

/** A document id main handed out; whether it is one is the handler's check. */
const documentId = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_DOCUMENT_ID_CHARS, `must be at most ${MAX_DOCUMENT_ID_CHARS} characters`);

const labText = z.string().max(MAX_LAB_TEXT_CHARS, `must be at most ${MAX_LAB_TEXT_CHARS} characters`);

/** A suggested name for a save dialog: one plain file name, never a folder or a path. */
const plainFileName = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_FILE_NAME_CHARS, `must be at most ${MAX_FILE_NAME_CHARS} characters`)
  .refine((name) => !/[\\/\0]/.test(name), 'must be a plain file name (no folder separators or NUL)')
  .refine((name) => name.trim() !== '.' && name.trim() !== '..' && name.trim() !== '', 'must be a file name, not . or ..');

const captureFileName = plainFileName.refine((name) => name.toLowerCase().endsWith(PCAPNG_EXTENSION), `must end with ${PCAPNG_EXTENSION}`);

function startsWithPcapngMagic(bytes: Uint8Array): boolean {
  return PCAPNG_SHB_MAGIC.every((byte, index) => bytes[index] === byte);
}

const captureBytes = z
  .instanceof(Uint8Array, { error: 'must be a Uint8Array' })
  .refine((bytes) => bytes.byteLength <= MAX_CAPTURE_BYTES, `must be at most ${MAX_CAPTURE_BYTES} bytes`)
  .refine(startsWithPcapngMagic, 'must start with a pcapng Section Header Block (0x0A0D0D0A)');

const noPayload = z.union([z.null(), z.undefined()], { error: 'this channel takes no payload (send null)' }).transform(() => null);

const requestSchemas: { [C in IpcInvokeChannel]: z.ZodType<IpcRequest<C>, unknown> } = {
  'app:get-info': noPayload,
  'app:set-language': z.strictObject({ language: z.enum(['vi', 'en'] as const satisfies typeof APP_LANGUAGES) }),
  'lab:open': z.strictObject({ path: labPath.nullable() }),
  'lab:save': z.strictObject({ path: labPath.nullable(), text: labText }),
  'autosave:write': z.strictObject({ text: labText, documentId: documentId.nullable() }),
  'autosave:read': noPayload,
  'autosave:clear': noPayload,
  'capture:save': z.strictObject({ fileName: captureFileName, bytes: captureBytes }),
  'text:save': z.strictObject({ fileName: plainFileName, text: labText }),
};

export type IpcValidation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function isIpcInvokeChannel(channel: unknown): channel is IpcInvokeChannel {
  return typeof channel === 'string' && (IPC_INVOKE_CHANNELS as readonly string[]).includes(channel);
}

/** Checks `payload` against the request type of `channel`. Never throws. */
export function validateIpcRequest<C extends IpcInvokeChannel>(channel: C, payload: unknown): IpcValidation<IpcRequest<C>> {
  if (!isIpcInvokeChannel(channel)) return { ok: false, message: `unknown IPC channel ${JSON.stringify(channel)}` };
  const result = requestSchemas[channel].safeParse(payload);
  if (result.success) return { ok: true, value: result.data as IpcRequest<C> };
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'payload';
    return `${where}: ${issue.message}`;
  });
  return { ok: false, message: `${channel}: invalid request: ${problems.join('; ')}` };
}
