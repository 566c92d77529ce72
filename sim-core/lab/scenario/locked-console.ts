/**
 * Locked devices at the console: a scenario's locked devices (an ISP router, the provincial WAN)
 * may be looked at but not changed. The app's simulation worker (renderer/scenario/
 * scenario-host.ts) sends every keystroke for such a device through `writeLockedKeys`, and
 * `v6lab console` / `v6lab run` ask `isViewOnlyCommand` of each line: line editing, `?` help
 * and Tab go through, and at Enter the whole line is looked at: a view-only command (IOS
 * `show`, `ping`, `traceroute`; Windows `ipconfig`, `ping`, `tracert`, `route print`, `netsh …
 * show`; Linux `ip … show`, `ping`, `traceroute`) runs, anything else is erased and a notice
 * says why. So `configure terminal` never reaches a locked IOS device, and its configuration
 * cannot change from its console. Keys typed while a command runs are dropped, except the
 * interrupt key. Leaves out: aliases and scripts (the simulated consoles have none).
 */
import type { Dialect } from '../../devices/catalog';

/** IOS exec commands that only look (or leave a mode); IOS accepts any unique prefix. */
const IOS_VIEW_COMMANDS = ['show', 'ping', 'traceroute', 'enable', 'disable', 'exit', 'logout', 'end', 'terminal'];
/** Prefixes shorter than this are refused (`e` could be `erase`). */
const IOS_MIN_PREFIX = 2;

const WINDOWS_VIEW_COMMANDS = ['ipconfig', 'ping', 'tracert', 'pathping', 'nslookup', 'hostname', 'cls', 'ver', 'help'];
const LINUX_VIEW_COMMANDS = ['ping', 'ping6', 'traceroute', 'traceroute6', 'tracepath', 'hostname', 'cat', 'ss', 'netstat', 'clear', 'uname', 'whoami', 'resolvectl', 'host', 'dig', 'nslookup'];
/** `ip` verbs that change something. */
const IP_CHANGE_VERBS = ['add', 'del', 'delete', 'change', 'replace', 'set', 'flush', 'append', 'prepend', 'save', 'restore'];

/** Whether a command line only looks at the device (empty lines count: they just redraw the prompt). */
export function isViewOnlyCommand(dialect: Dialect, line: string): boolean {
  const words = line.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return true;
  const first = words[0]!.toLowerCase();
  const rest = words.slice(1).map((word) => word.toLowerCase());
  switch (dialect) {
    case 'ios':
      return first.length >= IOS_MIN_PREFIX && IOS_VIEW_COMMANDS.some((command) => command.startsWith(first));
    case 'windows':
      if (WINDOWS_VIEW_COMMANDS.includes(first)) return first !== 'ipconfig' || !rest.some((word) => /^[/-](release|renew|flushdns|registerdns)/.test(word));
      if (first === 'route') return rest[0] === 'print';
      if (first === 'arp') return rest.length === 0 || rest[0] === '-a' || rest[0] === '-g';
      if (first === 'netsh') return rest.includes('show');
      return false;
    case 'linux': {
      const command = first === 'sudo' ? rest[0] : first;
      const args = first === 'sudo' ? rest.slice(1) : rest;
      if (command === undefined) return false;
      if (LINUX_VIEW_COMMANDS.includes(command)) return command !== 'hostname' || args.length === 0;
      if (command === 'ip') return !args.some((word) => IP_CHANGE_VERBS.includes(word));
      if (command === 'sysctl') return !args.some((word) => word === '-w' || word.includes('='));
      return false;
    }
  }
}

/** What a locked console needs of the console session. */
export interface LockableConsole {
  readonly busy: boolean;
  readonly currentLine: string;
  write(data: string): void;
  notify(text: string): void;
}

/** The notice printed when a change is refused, and the banner shown when the console opens. */
export function lockedNotice(device: string): string {
  return `% ${device}: thiết bị bị khóa trong bài này – chỉ được xem (show, ping, traceroute).\n% ${device} is locked in this scenario: view only (show, ping, traceroute).`;
}

/**
 * Types `data` at a locked device's console: everything but Enter goes through; at Enter the
 * line runs only when it is view-only, else it is erased and the notice printed.
 */
export function writeLockedKeys(console: LockableConsole, dialect: Dialect, device: string, data: string, interruptKey: string): void {
  let pending = '';
  const flush = () => {
    if (pending !== '') console.write(pending);
    pending = '';
  };
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]!;
    if (console.busy) {
      // A command is running: only its interrupt key matters; typeahead is dropped.
      if (ch === interruptKey) console.write(ch);
      continue;
    }
    if (ch !== '\r' && ch !== '\n') {
      pending += ch;
      continue;
    }
    flush();
    // '\r\n' is one Enter.
    if (ch === '\n' && i > 0 && data[i - 1] === '\r') continue;
    if (isViewOnlyCommand(dialect, console.currentLine)) {
      console.write('\r');
    } else {
      // Ctrl-E (end of line) then Ctrl-U (erase to start): the line is gone, the prompt stays.
      console.write('\x05\x15');
      console.notify(lockedNotice(device));
    }
  }
  flush();
}
