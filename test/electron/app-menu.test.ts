import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate, type AppMenuOptions } from '../../electron/app-menu';
import type { MenuCommand } from '../../electron/ipc-contract';
import { MENU_LABELS } from '../../electron/menu-labels';

function build(overrides: Partial<AppMenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const calls: string[] = [];
  const template = buildAppMenuTemplate({
    language: 'vi',
    platform: 'linux',
    isDev: false,
    recentFiles: [],
    sendCommand: (command) => sent.push(command),
    showAbout: () => calls.push('about'),
    clearRecentFiles: () => calls.push('clear-recent'),
    ...overrides,
  });
  return { template, sent, calls };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error('no submenu');
  return item.submenu;
}

function findById(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const item of template) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const found = (() => {
        try {
          return findById(item.submenu, id);
        } catch {
          return undefined;
        }
      })();
      if (found) return found;
    }
  }
  throw new Error(`no menu item ${id}`);
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('application menu', () => {
  it('has File, Edit, View and Help, labelled in Vietnamese by default', () => {
    const { template } = build();
    expect(template.map((item) => item.label)).toEqual(['Tệp', 'Sửa', 'Hiển thị', 'Trợ giúp']);
    expect(findById(template, 'file.save').label).toBe('Lưu');
  });

  it('follows the app language: English labels when the language is English', () => {
    const { template } = build({ language: 'en' });
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(findById(template, 'file.save-as').label).toBe('Save as…');
    expect(findById(template, 'edit.undo').label).toBe('Undo');
  });

  it('has every label in both languages', () => {
    for (const key of Object.keys(MENU_LABELS.vi) as (keyof typeof MENU_LABELS.vi)[]) {
      expect(MENU_LABELS.vi[key].length, `vi.${key}`).toBeGreaterThan(0);
      expect(MENU_LABELS.en[key].length, `en.${key}`).toBeGreaterThan(0);
    }
  });

  it('sends a typed command to the renderer for the items the renderer handles', () => {
    const { template, sent } = build();
    for (const id of ['file.new', 'file.open', 'file.save', 'file.save-as', 'file.export-capture', 'edit.undo', 'edit.redo']) click(findById(template, id));
    expect(sent).toEqual([
      { command: 'new' },
      { command: 'open' },
      { command: 'save' },
      { command: 'save-as' },
      { command: 'export-capture' },
      { command: 'undo' },
      { command: 'redo' },
    ]);
  });

  it('lists recent files, each reopening its own path, with a way to clear them', () => {
    const { template, sent, calls } = build({ recentFiles: ['/labs/a.v6lab.yaml', '/labs/b.v6lab.yaml'] });
    const recent = submenu(findById(template, 'file.open-recent'));
    expect(recent.map((item) => item.label ?? item.type)).toEqual(['/labs/a.v6lab.yaml', '/labs/b.v6lab.yaml', 'separator', 'Xóa danh sách']);
    click(recent[1]!);
    click(recent[3]!);
    expect(sent).toEqual([{ command: 'open-recent', path: '/labs/b.v6lab.yaml' }]);
    expect(calls).toEqual(['clear-recent']);
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const recent = submenu(findById(build().template, 'file.open-recent'));
    expect(recent).toEqual([{ label: '(Chưa có tệp nào)', enabled: false }]);
  });

  it('offers developer tools only in development', () => {
    expect(() => findById(build({ isDev: false }).template, 'view.devtools')).toThrow();
    expect(findById(build({ isDev: true }).template, 'view.devtools').role).toBe('toggleDevTools');
  });

  it('Help → About is handled by main', () => {
    const { template, calls } = build();
    click(findById(template, 'help.about'));
    expect(calls).toEqual(['about']);
  });

  it('on macOS starts with the app menu and keeps Quit there', () => {
    const { template } = build({ platform: 'darwin', language: 'en' });
    expect(template[0]!.label).toBe('V6Lab');
    expect(submenu(template[0]).some((item) => item.role === 'quit')).toBe(true);
    expect(submenu(template[1]).some((item) => item.role === 'quit')).toBe(false);
  });
});
