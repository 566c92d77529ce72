/**
 * The sample lab the welcome panel opens: the dual-stack LAN example, bundled into the app at
 * build time (Vite's ?raw import), so it opens with no network and no file on disk.
 */
import sampleLabText from '../../docs/examples/dual-stack-lan.v6lab.yaml?raw';

export const SAMPLE_LAB_FILE_NAME = 'dual-stack-lan.v6lab.yaml';
export const SAMPLE_LAB_TEXT: string = sampleLabText;
