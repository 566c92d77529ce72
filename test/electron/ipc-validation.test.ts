import { describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNELS, MAX_CAPTURE_BYTES, MAX_LAB_TEXT_CHARS } from '../../electron/ipc-contract';
import { isIpcInvokeChannel, validateIpcRequest } from '../../electron/ipc-validation';

function rejection(channel: Parameters<typeof validateIpcRequest>[0], payload: unknown): string {
  const result = validateIpcRequest(channel, payload);
  if (result.ok) throw new Error(`expected ${channel} to reject ${JSON.stringify(payload)}`);
  return result.message;
}

describe('IPC request validation', () => {
  it('accepts well-formed requests on every channel', () => {
    expect(validateIpcRequest('app:get-info', null)).toEqual({ ok: true, value: null });
    expect(validateIpcRequest('app:get-info', undefined)).toEqual({ ok: true, value: null });
    expect(validateIpcRequest('app:set-language', { language: 'en' })).toEqual({ ok: true, value: { language: 'en' } });
    expect(validateIpcRequest('lab:open', { path: null }).ok).toBe(true);
    expect(validateIpcRequest('lab:open', { path: '/home/hv/lab.v6lab.yaml' }).ok).toBe(true);
    expect(validateIpcRequest('lab:open', { path: 'C:\\Users\\hv\\lab.v6lab.yaml' }).ok).toBe(true);
    expect(validateIpcRequest('lab:save', { path: null, text: 'devices: []' }).ok).toBe(true);
    expect(validateIpcRequest('autosave:write', { text: '', documentId: null }).ok).toBe(true);
    expect(validateIpcRequest('autosave:write', { text: '', documentId: '6f1c4f8e-0d5e-4b4e-9a51-3a7f2f0a9b10' }).ok).toBe(true);
    expect(validateIpcRequest('autosave:read', null).ok).toBe(true);
    expect(validateIpcRequest('autosave:clear', undefined).ok).toBe(true);
    expect(validateIpcRequest('capture:save', { fileName: 'R1-Gi0-0.pcapng', bytes: pcapngStart }).ok).toBe(true);
    expect(validateIpcRequest('text:save', { fileName: 'module2.progress.yaml', text: 'scenario: module2' }).ok).toBe(true);
  });

  it('names the channel, the field and what was expected', () => {
    expect(rejection('lab:save', { path: null, text: 42 })).toMatch(/^lab:save: invalid request: text: .*expected string/i);
    expect(rejection('lab:save', { path: null })).toMatch(/lab:save: invalid request: text: /);
    expect(rejection('app:set-language', { language: 'fr' })).toMatch(/app:set-language: invalid request: language: .*"vi"\|"en"/);
  });

  it('rejects relative paths, empty paths and NUL bytes', () => {
    expect(rejection('lab:open', { path: 'lab.v6lab.yaml' })).toMatch(/path: must be an absolute path/);
    expect(rejection('lab:open', { path: '' })).toMatch(/path: must not be empty/);
    expect(rejection('lab:save', { path: '/tmp/a\0b', text: '' })).toMatch(/path: must not contain a NUL character/);
  });

  it('rejects extra fields (strict objects) so a typo cannot be silently ignored', () => {
    expect(rejection('lab:open', { path: null, overwrite: true })).toMatch(/lab:open: invalid request: .*overwrite/);
  });

  it('rejects payloads on channels that take none', () => {
    expect(rejection('autosave:read', { anything: 1 })).toBe('autosave:read: invalid request: payload: this channel takes no payload (send null)');
  });

  it(`rejects a lab text over the limit (${MAX_LAB_TEXT_CHARS} characters)`, () => {
    expect(rejection('autosave:write', { text: 'x'.repeat(MAX_LAB_TEXT_CHARS + 1), documentId: null })).toMatch(/text: must be at most/);
  });

  it('autosave:write takes a document id, never a path', () => {
    expect(rejection('autosave:write', { text: 'x', sourcePath: '/home/hv/.bashrc' })).toMatch(/autosave:write: invalid request: .*(documentId|sourcePath)/);
    expect(rejection('autosave:write', { text: 'x', documentId: null, sourcePath: '/home/hv/.bashrc' })).toMatch(/sourcePath/);
    expect(rejection('autosave:write', { text: 'x', documentId: 'y'.repeat(65) })).toMatch(/documentId: must be at most 64 characters/);
  });

  it('rejects non-object payloads without throwing', () => {
    for (const payload of [undefined, null, 'text', 7, [], () => 1]) {
      expect(validateIpcRequest('lab:save', payload).ok).toBe(false);
    }
  });

  it('knows every contract channel and refuses unknown ones', () => {
    for (const channel of IPC_INVOKE_CHANNELS) expect(isIpcInvokeChannel(channel)).toBe(true);
    expect(isIpcInvokeChannel('shell:open-external')).toBe(false);
    // A channel name smuggled past the types is refused, not crashed on.
    expect(validateIpcRequest('shell:exec' as never, {})).toEqual({ ok: false, message: 'unknown IPC channel "shell:exec"' });
  });
});

const pcapngStart = new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0]);

describe('export requests (capture:save, text:save)', () => {
  it('a suggested name is one plain file name: no folder, no NUL, not . or ..', () => {
    for (const fileName of ['../evil.pcapng', '/tmp/x.pcapng', 'a\\b.pcapng', 'C:\\x.pcapng', 'a\0.pcapng', '']) {
      expect(rejection('capture:save', { fileName, bytes: pcapngStart }), JSON.stringify(fileName)).toMatch(/capture:save: invalid request: fileName: /);
    }
    for (const fileName of ['..', '.', ' ', 'x/y.yaml']) {
      expect(rejection('text:save', { fileName, text: '' }), JSON.stringify(fileName)).toMatch(/text:save: invalid request: fileName: /);
    }
    expect(rejection('text:save', { fileName: 'x'.repeat(256), text: '' })).toMatch(/fileName: must be at most 255/);
  });

  it('a capture name ends in .pcapng', () => {
    expect(rejection('capture:save', { fileName: 'capture.pcap', bytes: pcapngStart })).toMatch(/fileName: must end with \.pcapng/);
    expect(validateIpcRequest('capture:save', { fileName: 'CAPTURE.PCAPNG', bytes: pcapngStart }).ok).toBe(true);
  });

  it('capture bytes are a Uint8Array starting with the Section Header Block type 0x0A0D0D0A (pcapng spec §4.1)', () => {
    expect(rejection('capture:save', { fileName: 'a.pcapng', bytes: [0x0a, 0x0d, 0x0d, 0x0a] })).toMatch(/bytes: must be a Uint8Array/);
    expect(rejection('capture:save', { fileName: 'a.pcapng', bytes: 'AA0NCg==' })).toMatch(/bytes: must be a Uint8Array/);
    // Classic libpcap magic, an empty array, a truncated magic: not pcapng.
    for (const bytes of [new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1]), new Uint8Array(0), new Uint8Array([0x0a, 0x0d, 0x0d])]) {
      expect(rejection('capture:save', { fileName: 'a.pcapng', bytes })).toMatch(/bytes: must start with a pcapng Section Header Block/);
    }
  });

  it('a capture larger than MAX_CAPTURE_BYTES is refused without copying it', () => {
    // A view claiming more than the limit: a resizable-length stand-in would cost 256 MiB, so
    // check the boundary on the length the schema reads.
    const huge = new Uint8Array(8);
    huge.set(pcapngStart);
    Object.defineProperty(huge, 'byteLength', { value: MAX_CAPTURE_BYTES + 1 });
    expect(rejection('capture:save', { fileName: 'a.pcapng', bytes: huge })).toMatch(/bytes: must be at most 268435456 bytes/);
  });

  it('text:save takes text up to the lab limit and nothing else', () => {
    expect(rejection('text:save', { fileName: 'a.yaml', text: 7 })).toMatch(/text: .*expected string/i);
    expect(rejection('text:save', { fileName: 'a.yaml', text: 'x', extra: 1 })).toMatch(/text:save: invalid request: .*extra/);
    expect(rejection('text:save', { fileName: 'a.yaml', text: 'x'.repeat(MAX_LAB_TEXT_CHARS + 1) })).toMatch(/text: must be at most/);
  });
});
