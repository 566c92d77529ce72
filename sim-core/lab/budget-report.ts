/**
 * What used the event budget: when a run stops because the network did too much (the
 * simulator's `budget-exhausted`), the last frames of the trace say where. A broadcast storm
 * shows as the same few switch ports sending the same broadcast again and again (a loop in the
 * cabling with spanning tree off, or a port that skips it); a routing loop shows as routers
 * dropping packets whose hop limit or TTL ran out (RFC 8200 section 3, RFC 791). The report
 * names the busiest ports, the devices on the loop and the kind of traffic, in English and
 * Vietnamese, for the CLI (`v6lab run`) and the app's notice alike.
 * Leaves out: finding the exact cycle in the cabling (the busiest ports are on it).
 */
import type { BilingualText } from '../devices/catalog';
import type { TraceRecord } from '../engine/trace';
import { classifyFrame, type FrameClass } from '../wire/frame';

/** Frames of the trace's tail that the report looks at. */
export const BUDGET_REPORT_SAMPLE = 20_000;
/** Frames per virtual second above which the traffic is a loop rather than a busy network. */
const LOOP_FRAMES_PER_S = 100_000;
/** Fewest frames sent in the sample for it to be called a loop. */
const MIN_LOOP_FRAMES = 1000;
/** Busiest ports named. */
const TOP_PORTS = 6;

export interface BudgetReport {
  /**
   * `layer-2` for a storm in the cabling, `layer-3` for a routing loop, `none` when the frames
   * come too slowly for a loop (a big network, or a small budget).
   */
  readonly loop: 'layer-2' | 'layer-3' | 'none';
  /**
   * The busiest ports of the loop, `SW1 GigabitEthernet1/0/1`, with the frames they sent: ports
   * that both send and receive a lot come first (a loop passes frames both ways; a port towards
   * a host only floods out).
   */
  readonly ports: readonly { readonly port: string; readonly frames: number }[];
  /** Devices of the busiest ports, in that order. */
  readonly devices: readonly string[];
  /** The traffic class most sent, and its share (0..1). */
  readonly traffic: { readonly frameClass: FrameClass; readonly share: number } | undefined;
  /** The report in words. */
  readonly text: BilingualText;
}

/** Reads the trace's last records (`records`, oldest first) after a run ran out of events. */
export function reportBudgetUse(records: readonly TraceRecord[]): BudgetReport | undefined {
  const sample = records.slice(-BUDGET_REPORT_SAMPLE);
  const ports = new Map<string, { port: string; device: string; frames: number; received: number }>();
  const entryOf = (record: TraceRecord) => {
    const key = `${record.device} ${record.interface}`;
    let entry = ports.get(key);
    if (entry === undefined) {
      entry = { port: key, device: record.device, frames: 0, received: 0 };
      ports.set(key, entry);
    }
    return entry;
  };
  const classes = new Map<FrameClass, number>();
  let sent = 0;
  let hopLimitDrops = 0;
  for (const record of sample) {
    if (record.direction === 'drop') {
      if (record.reason === 'hop-limit-exceeded') hopLimitDrops++;
      continue;
    }
    if (record.direction === 'rx') {
      entryOf(record).received++;
      continue;
    }
    sent++;
    entryOf(record).frames++;
    if (record.bytes !== null) {
      const frameClass = classifyFrame(record.bytes);
      classes.set(frameClass, (classes.get(frameClass) ?? 0) + 1);
    }
  }
  if (sent === 0) return undefined;
  const both = (entry: { frames: number; received: number }) => Math.min(entry.frames, entry.received);
  // Ports that pass frames both ways are the loop; a port that only floods out leads away from it.
  const looping = [...ports.values()].some((entry) => both(entry) > 0);
  const busiest = [...ports.values()]
    .filter((entry) => entry.frames > 0 && (!looping || both(entry) > 0))
    .sort((a, b) => both(b) - both(a) || b.frames - a.frames || (a.port < b.port ? -1 : 1))
    .slice(0, TOP_PORTS);
  const devices = [...new Set(busiest.map((entry) => entry.device))];
  const classified = [...classes.values()].reduce((sum, count) => sum + count, 0);
  const top = [...classes.entries()].sort((a, b) => b[1] - a[1])[0];
  const traffic = top === undefined || classified === 0 ? undefined : { frameClass: top[0], share: top[1] / classified };
  // A routing loop drops what it loops once the hop limit runs out; a storm in the cabling never does.
  const spanNs = sample[sample.length - 1]!.timeNs - sample[0]!.timeNs;
  // A loop sends frames by the thousand; a few at one instant are a network powering on.
  const fast = sent >= MIN_LOOP_FRAMES && (spanNs === 0 || (sent * 1e9) / spanNs > LOOP_FRAMES_PER_S);
  const loop = !fast ? 'none' : hopLimitDrops * 20 >= sent ? 'layer-3' : 'layer-2';
  const portList = busiest.map((entry) => `${entry.port} (${entry.frames})`).join(', ');
  const deviceList = devices.join(', ');
  const share = traffic === undefined ? '' : `${Math.round(traffic.share * 100)}%`;
  const en =
    (loop === 'layer-2'
      ? `a broadcast storm: frames loop through ${deviceList}. Look for a loop in the cabling there (a second cable between the same switches, spanning tree off, or a PortFast port).`
      : loop === 'layer-3'
        ? `a routing loop between ${deviceList}: packets go round until their hop limit runs out. Check the static routes and the next hops of these routers.`
        : `no loop found: too few frames, or at a normal rate, for a loop; the network is only busy (most from ${deviceList}).`) +
    ` Busiest ports in the last ${sample.length} events: ${portList}.` +
    (traffic === undefined ? '' : ` ${share} of the frames are ${traffic.frameClass}.`);
  const vi =
    (loop === 'layer-2'
      ? `bão quảng bá: khung tin chạy vòng qua ${deviceList}. Hãy tìm vòng lặp trong cách nối cáp ở đó (hai cáp giữa cùng hai switch, spanning tree bị tắt, hoặc cổng PortFast).`
      : loop === 'layer-3'
        ? `vòng lặp định tuyến giữa ${deviceList}: gói tin chạy vòng cho đến khi hết hop limit. Hãy kiểm tra các tuyến tĩnh và next hop của các router này.`
        : `không thấy vòng lặp: khung tin quá ít hoặc đến với tốc độ bình thường, mạng chỉ đang bận (nhiều nhất từ ${deviceList}).`) +
    ` Các cổng gửi nhiều nhất trong ${sample.length} sự kiện cuối: ${portList}.` +
    (traffic === undefined ? '' : ` ${share} số khung là ${traffic.frameClass}.`);
  return { loop, ports: busiest.map(({ port, frames }) => ({ port, frames })), devices, traffic, text: { en, vi } };
}
