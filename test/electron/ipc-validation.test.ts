import { describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNELS, MAX_LAB_TEXT_CHARS } from '../../electron/ipc-contract';
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
    expect(validateIpcRequest('autosave:write', { text: '', sourcePath: null }).ok).toBe(true);
    expect(validateIpcRequest('autosave:read', null).ok).toBe(true);
    expect(validateIpcRequest('autosave:clear', undefined).ok).toBe(true);
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
    expect(rejection('autosave:write', { text: 'x'.repeat(MAX_LAB_TEXT_CHARS + 1), sourcePath: null })).toMatch(/text: must be at most/);
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
