import { describe, expect, it } from 'vitest';
import { isAppLanguage, readLanguagePreference, writeLanguagePreference } from '../../../renderer/state/language-preference';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('language preference', () => {
  it('remembers the chosen language', () => {
    const storage = memoryStorage();
    expect(readLanguagePreference(storage)).toBeNull();
    writeLanguagePreference(storage, 'en');
    expect(readLanguagePreference(storage)).toBe('en');
  });

  it('reads anything unexpected as no preference, and survives a storage that throws', () => {
    const storage = memoryStorage();
    storage.setItem('v6lab.language', 'fr');
    expect(readLanguagePreference(storage)).toBeNull();
    const broken = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(readLanguagePreference(broken)).toBeNull();
    expect(() => writeLanguagePreference(broken, 'vi')).not.toThrow();
    expect(readLanguagePreference(undefined)).toBeNull();
  });

  it('knows exactly the two app languages', () => {
    expect(isAppLanguage('vi')).toBe(true);
    expect(isAppLanguage('en')).toBe(true);
    expect(isAppLanguage('VI')).toBe(false);
    expect(isAppLanguage(undefined)).toBe(false);
  });
});
