/**
 * File grants: a path is granted only by grant() (main calls it for the user's choices), each
 * granted path has one document id, and ids main never handed out find nothing.
 */
import { describe, expect, it } from 'vitest';
import { createFileGrants } from '../../../electron/files/file-grants';

describe('file grants', () => {
  it('grants a chosen path and gives it one id, the same on every grant', () => {
    const grants = createFileGrants('linux');
    expect(grants.isGranted('/home/hv/lab.v6lab.yaml')).toBe(false);
    const id = grants.grant('/home/hv/lab.v6lab.yaml');
    expect(grants.grant('/home/hv/lab.v6lab.yaml')).toBe(id);
    expect(grants.isGranted('/home/hv/lab.v6lab.yaml')).toBe(true);
    expect(grants.pathOf(id)).toBe('/home/hv/lab.v6lab.yaml');
  });

  it('compares paths normalized, and by case only where the file system ignores it', () => {
    const linux = createFileGrants('linux');
    linux.grant('/home/hv/lab.v6lab.yaml');
    expect(linux.isGranted('/home/hv/./lab.v6lab.yaml')).toBe(true);
    expect(linux.isGranted('/home/hv/x/../lab.v6lab.yaml')).toBe(true);
    expect(linux.isGranted('/home/hv/lab.v6lab.yaml/../.bashrc')).toBe(false);
    expect(linux.isGranted('/home/hv/LAB.v6lab.yaml')).toBe(false);
    const windows = createFileGrants('win32');
    windows.grant('C:\\Users\\hv\\lab.v6lab.yaml');
    expect(windows.isGranted('c:\\users\\HV\\lab.v6lab.yaml')).toBe(true);
  });

  it('an id main never handed out finds nothing, prototype names included', () => {
    const grants = createFileGrants('linux');
    grants.grant('/home/hv/lab.v6lab.yaml');
    for (const id of ['', 'x', '__proto__', 'constructor', 'toString', '/home/hv/lab.v6lab.yaml']) expect(grants.pathOf(id), id).toBeUndefined();
  });

  it('different paths get different ids', () => {
    const grants = createFileGrants('linux');
    expect(grants.grant('/a.v6lab.yaml')).not.toBe(grants.grant('/b.v6lab.yaml'));
  });
});
