/**
 * Spanning tree, "RSTP-lite" (IEEE 802.1D-2004 clause 17, single instance): enough to block a
 * redundant port deterministically, as switches do by default, and to unblock it when the
 * active path fails. Bridges exchange real RST BPDUs (802.3/LLC 42-42-03 frames to
 * 01:80:c2:00:00:00, so captures show them and Wireshark decodes them) every hello time and at
 * once when their information changes. Port roles follow the priority-vector rules of 17.6 and
 * 17.19.21: the best vector received (root id, root path cost + port cost, designated bridge,
 * designated port, receiving port) selects the root port; a port whose own designated vector is
 * better than what it hears is designated; otherwise it is alternate (or backup when the
 * better vector is the bridge's own). Root and designated ports forward at once (rapid
 * transition) when they are edge ports or an alternate taking over as root; other ports that
 * become root or designated forward after a 50 ms settle time standing for the proposal/agreement
 * handshake (17.29); alternate and backup ports discard. Received information ages out after three
 * hellos (17.21.23), so a silent failure also reconverges. A new non-edge forwarding port starts
 * a topology change: learned MACs are flushed and TC is relayed on the other ports (17.21.18).
 *
 * Simplified on purpose: no proposal/agreement messages (a fixed settle time instead), no
 * forward-delay wait (a port with no BPDU heard is an edge port and forwards at once, as with
 * `spanning-tree portfast`; at power-on a loop can therefore carry frames for the microsecond
 * before the first BPDUs arrive), one tree for every VLAN (Cisco runs one
 * per VLAN, PVST+), no STP/RSTP version migration, no BPDU guard, no path-cost from bandwidth
 * (Cisco's short-method cost 4 of a gigabit port everywhere).
 *
 * The BPDU layout is written here because no codec exists for it yet; it belongs in
 * sim-core/wire (with a describer) and should move there.
 */
import { readMac, writeMac, type MacAddress } from '../addr/mac';
import { secondsToNs, type TimeNs } from '../engine/time';
import type { Timer } from '../engine/simulator';
import type { Bridge, BridgePort, BridgePortState } from './bridge';
import type { NodeContext } from './node-context';

/** A bridge identifier: priority (with the 12-bit system id extension) then MAC (17.13.7). */
export interface BridgeId {
  readonly priority: number;
  readonly mac: MacAddress;
}

export interface PriorityVector {
  readonly rootId: BridgeId;
  readonly rootPathCost: number;
  readonly designatedBridgeId: BridgeId;
  /** Port identifier: priority (4 bits) and port number (12 bits), e.g. 0x8001 = 128.1. */
  readonly designatedPortId: number;
}

export type StpPortRole = 'root' | 'designated' | 'alternate' | 'backup' | 'disabled';

export interface StpPortStatus {
  readonly portName: string;
  readonly role: StpPortRole;
  readonly state: 'forwarding' | 'discarding';
  readonly cost: number;
  /** `128.1` */
  readonly portId: string;
  /** True when no BPDU was heard on the port (a host or router behind it). */
  readonly edge: boolean;
}

export interface StpStatus {
  readonly bridgeId: BridgeId;
  readonly rootId: BridgeId;
  readonly rootPathCost: number;
  /** Undefined when this bridge is the root. */
  readonly rootPortName: string | undefined;
  readonly helloTimeS: number;
  readonly maxAgeS: number;
  readonly forwardDelayS: number;
  readonly ports: readonly StpPortStatus[];
}

export interface SpanningTreeOptions {
  /** Bridge priority, in steps of 4096 (default 32768); the VLAN (1) is added as on Cisco. */
  readonly priority?: number;
  readonly helloTimeS?: number;
  readonly maxAgeS?: number;
  readonly forwardDelayS?: number;
  /** Path cost of every port (Cisco short method: 4 for gigabit). */
  readonly portCost?: number;
}

/** A received RST BPDU, the fields this module uses. */
export interface RstBpdu {
  readonly vector: PriorityVector;
  readonly topologyChange: boolean;
  readonly messageAgeS: number;
}

export const STP_GROUP_MAC = 0x0180c2000000 as MacAddress;
const LLC_STP = [0x42, 0x42, 0x03] as const;
const BPDU_LENGTH = 36;

function compareIds(a: BridgeId, b: BridgeId): number {
  return a.priority - b.priority || a.mac - b.mac;
}

/** Negative when `a` is the better (lower) vector (17.6). */
export function compareVectors(a: PriorityVector, b: PriorityVector): number {
  return (
    compareIds(a.rootId, b.rootId) ||
    a.rootPathCost - b.rootPathCost ||
    compareIds(a.designatedBridgeId, b.designatedBridgeId) ||
    a.designatedPortId - b.designatedPortId
  );
}

function writeBridgeId(bytes: Uint8Array, offset: number, id: BridgeId): void {
  bytes[offset] = id.priority >>> 8;
  bytes[offset + 1] = id.priority & 0xff;
  writeMac(bytes, offset + 2, id.mac);
}

function readBridgeId(bytes: Uint8Array, offset: number): BridgeId {
  return { priority: (bytes[offset]! << 8) | bytes[offset + 1]!, mac: readMac(bytes, offset + 2) };
}

const ROLE_BITS: Record<StpPortRole, number> = { disabled: 0, alternate: 1, backup: 1, root: 2, designated: 3 };

/** An RST BPDU frame (802.1D-2004 clause 9.3.3) from `source`. */
export function encodeRstBpduFrame(
  source: MacAddress,
  vector: PriorityVector,
  role: StpPortRole,
  forwarding: boolean,
  topologyChange: boolean,
  timers: { readonly messageAgeS: number; readonly maxAgeS: number; readonly helloTimeS: number; readonly forwardDelayS: number },
): Uint8Array {
  const bytes = new Uint8Array(60);
  writeMac(bytes, 0, STP_GROUP_MAC);
  writeMac(bytes, 6, source);
  bytes[12] = 0;
  bytes[13] = 3 + BPDU_LENGTH; // 802.3 length: LLC + BPDU
  bytes.set(LLC_STP, 14);
  const b = 17;
  // protocol id 0x0000, version 2 (RSTP), type 0x02 (RST BPDU)
  bytes[b + 2] = 2;
  bytes[b + 3] = 2;
  bytes[b + 4] = (topologyChange ? 0x01 : 0) | (ROLE_BITS[role] << 2) | 0x10 | (forwarding ? 0x20 : 0) | 0x40;
  writeBridgeId(bytes, b + 5, vector.rootId);
  const cost = vector.rootPathCost;
  bytes[b + 13] = cost >>> 24;
  bytes[b + 14] = (cost >>> 16) & 0xff;
  bytes[b + 15] = (cost >>> 8) & 0xff;
  bytes[b + 16] = cost & 0xff;
  writeBridgeId(bytes, b + 17, vector.designatedBridgeId);
  bytes[b + 25] = vector.designatedPortId >>> 8;
  bytes[b + 26] = vector.designatedPortId & 0xff;
  const times = [timers.messageAgeS, timers.maxAgeS, timers.helloTimeS, timers.forwardDelayS];
  for (let i = 0; i < 4; i++) {
    const units = Math.round(times[i]! * 256);
    bytes[b + 27 + 2 * i] = units >>> 8;
    bytes[b + 28 + 2 * i] = units & 0xff;
  }
  bytes[b + 35] = 0; // version 1 length
  return bytes;
}

/** Reads a configuration or RST BPDU from a whole frame; undefined when it is not one. */
export function decodeBpduFrame(bytes: Uint8Array): RstBpdu | undefined {
  if (bytes.length < 14 + 3 + 35) return undefined;
  const length = (bytes[12]! << 8) | bytes[13]!;
  if (length >= 0x0600 || length < 3 + 35 || bytes[14] !== 0x42 || bytes[15] !== 0x42 || bytes[16] !== 0x03) return undefined;
  const b = 17;
  if (bytes[b] !== 0 || bytes[b + 1] !== 0) return undefined;
  const type = bytes[b + 3];
  if (type !== 0x00 && type !== 0x02) return undefined; // configuration or RST BPDU (TCN ignored)
  const flags = bytes[b + 4]!;
  const cost = ((bytes[b + 13]! << 24) | (bytes[b + 14]! << 16) | (bytes[b + 15]! << 8) | bytes[b + 16]!) >>> 0;
  return {
    vector: {
      rootId: readBridgeId(bytes, b + 5),
      rootPathCost: cost,
      designatedBridgeId: readBridgeId(bytes, b + 17),
      designatedPortId: (bytes[b + 25]! << 8) | bytes[b + 26]!,
    },
    topologyChange: (flags & 0x01) !== 0,
    messageAgeS: ((bytes[b + 27]! << 8) | bytes[b + 28]!) / 256,
  };
}

interface PortInfo {
  readonly port: BridgePort;
  readonly portId: number;
  role: StpPortRole;
  /** The latest vector heard on the port, until it ages out. */
  received: PriorityVector | null;
  receivedMessageAgeS: number;
  expiry: Timer | null;
  /** Ever heard a BPDU since carrier came up: not an edge port. */
  heardBpdu: boolean;
  /** Send TC in BPDUs on this port until then (17.21.18 tcWhile). */
  tcUntilNs: TimeNs;
  /** Pending move to forwarding of a non-edge port (see SYNC_DELAY_NS). */
  syncTimer: Timer | null;
  /**
   * 17.19.26 newInfo: what this port would say has changed (its role, its forwarding flag, or
   * the root information behind it), so it sends a BPDU without waiting for the hello.
   */
  newInfo: boolean;
}

/** How long a non-edge port waits before forwarding: stands for proposal/agreement (17.29). */
export const SYNC_DELAY_NS = 50_000_000;

export class SpanningTree {
  readonly bridgeId: BridgeId;
  readonly helloTimeS: number;
  readonly maxAgeS: number;
  readonly forwardDelayS: number;
  readonly portCost: number;
  private readonly infos = new Map<BridgePort, PortInfo>();
  private rootVector: PriorityVector;
  private rootPort: PortInfo | null = null;
  private helloTimer: Timer | null = null;
  private running = false;

  constructor(
    readonly context: NodeContext,
    readonly bridge: Bridge,
    bridgeMac: MacAddress,
    options: SpanningTreeOptions = {},
  ) {
    this.bridgeId = { priority: (options.priority ?? 32768) + 1, mac: bridgeMac };
    this.helloTimeS = options.helloTimeS ?? 2;
    this.maxAgeS = options.maxAgeS ?? 20;
    this.forwardDelayS = options.forwardDelayS ?? 15;
    this.portCost = options.portCost ?? 4;
    this.rootVector = this.ownVector();
    bridge.controlDelivery = (port, bytes) => this.receive(port, bytes);
    bridge.portCarrierListener = (port, up) => this.handleCarrier(port, up);
  }

  /** Starts sending hellos (at once, then every hello time) and computing roles. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const port of this.bridge.ports) this.infoOf(port);
    this.recompute();
    this.helloTimer = this.context.setTimer(0, this.hello);
  }

  /** `no spanning-tree`: every port forwards, BPDUs stop. */
  stop(): void {
    this.running = false;
    this.helloTimer?.cancel();
    for (const info of this.infos.values()) {
      info.expiry?.cancel();
      info.syncTimer?.cancel();
      info.syncTimer = null;
      info.port.state = 'forwarding';
    }
  }

  status(): StpStatus {
    const ports: StpPortStatus[] = [];
    for (const port of this.bridge.ports) {
      const info = this.infoOf(port);
      if (!port.port.up) continue;
      ports.push({
        portName: port.port.name,
        role: info.role,
        state: port.state,
        cost: this.portCost,
        portId: `${info.portId >>> 8}.${info.portId & 0xff}`,
        edge: !info.heardBpdu,
      });
    }
    return {
      bridgeId: this.bridgeId,
      rootId: this.rootVector.rootId,
      rootPathCost: this.rootVector.rootPathCost,
      rootPortName: this.rootPort?.port.port.name,
      helloTimeS: this.helloTimeS,
      maxAgeS: this.maxAgeS,
      forwardDelayS: this.forwardDelayS,
      ports,
    };
  }

  private ownVector(): PriorityVector {
    return { rootId: this.bridgeId, rootPathCost: 0, designatedBridgeId: this.bridgeId, designatedPortId: 0 };
  }

  private infoOf(port: BridgePort): PortInfo {
    let info = this.infos.get(port);
    if (info === undefined) {
      info = {
        port,
        portId: (128 << 8) | ((port.index + 1) & 0xfff),
        role: 'designated',
        received: null,
        receivedMessageAgeS: 0,
        expiry: null,
        heardBpdu: false,
        tcUntilNs: 0,
        syncTimer: null,
        newInfo: false,
      };
      this.infos.set(port, info);
    }
    return info;
  }

  private readonly hello = (): void => {
    if (!this.running) return;
    this.sendBpdus();
    this.helloTimer = this.context.setTimer(secondsToNs(this.helloTimeS), this.hello);
  };

  private handleCarrier(port: BridgePort, up: boolean): void {
    if (!this.running) return;
    const info = this.infoOf(port);
    info.expiry?.cancel();
    info.syncTimer?.cancel();
    info.syncTimer = null;
    info.received = null;
    info.heardBpdu = false;
    port.state = 'forwarding';
    // A port that comes up says who it thinks the root is at once (its role changes, so recompute sends).
    if (up) info.newInfo = true;
    this.recompute();
  }

  private receive(port: BridgePort, bytes: Uint8Array): void {
    if (!this.running) return;
    const bpdu = decodeBpduFrame(bytes);
    if (bpdu === undefined) return port.port.recordDrop(bytes, 'malformed');
    if (bpdu.messageAgeS >= this.maxAgeS) return;
    const info = this.infoOf(port);
    if (!info.heardBpdu) {
      // A BPDU on a port taken for an edge: it leads to a bridge, so it stops forwarding until
      // its role is known and synchronised (17.25 bridge detection).
      info.heardBpdu = true;
      port.state = 'discarding';
      this.bridge.flushPort(port);
    }
    info.received = bpdu.vector;
    info.receivedMessageAgeS = bpdu.messageAgeS;
    info.heardBpdu = true;
    info.expiry?.cancel();
    info.expiry = this.context.setTimer(secondsToNs(3 * this.helloTimeS), () => {
      info.received = null;
      info.expiry = null;
      this.recompute();
    });
    if (bpdu.topologyChange && (info.role === 'root' || info.role === 'designated')) this.relayTopologyChange(info);
    this.recompute();
  }

  /** 17.21.18: flush what was learned on the other ports and tell the rest of the tree. */
  private relayTopologyChange(from: PortInfo): void {
    const until = this.context.nowNs() + secondsToNs(2 * this.helloTimeS);
    // Every port but the one the TC came on (all have an info since start): one pass over the table, not one per port.
    this.bridge.flushAllBut(from.port);
    for (const info of this.infos.values()) {
      if (info === from) continue;
      if (info.heardBpdu && (info.role === 'root' || info.role === 'designated') && info.tcUntilNs <= this.context.nowNs()) {
        info.tcUntilNs = until;
        this.sendBpdu(info);
      }
    }
  }

  /** Port role selection (17.19.21 updtRolesTree), then states; sends BPDUs when anything changed. */
  private recompute(): void {
    if (!this.running) return;
    let best = this.ownVector();
    let bestReceivingPortId = 0;
    let rootPort: PortInfo | null = null;
    for (const port of this.bridge.ports) {
      const info = this.infoOf(port);
      const heard = info.received;
      if (heard === null || !port.port.up) continue;
      if (compareIds(heard.designatedBridgeId, this.bridgeId) === 0) continue; // our own BPDU came back
      if (compareIds(heard.rootId, this.bridgeId) === 0) continue; // stale news of ourselves
      const candidate: PriorityVector = {
        rootId: heard.rootId,
        rootPathCost: heard.rootPathCost + this.portCost,
        designatedBridgeId: heard.designatedBridgeId,
        designatedPortId: heard.designatedPortId,
      };
      const order = compareVectors(candidate, best) || (rootPort !== null ? info.portId - bestReceivingPortId : -1);
      if (order < 0) {
        best = candidate;
        bestReceivingPortId = info.portId;
        rootPort = info;
      }
    }
    const rootChanged = compareVectors(best, this.rootVector) !== 0 || rootPort !== this.rootPort;
    this.rootVector = rootPort === null ? this.ownVector() : best;
    this.rootPort = rootPort;
    let newForwarding = false;
    for (const port of this.bridge.ports) {
      const info = this.infoOf(port);
      let role: StpPortRole;
      if (!port.port.up) role = 'disabled';
      else if (info === rootPort) role = 'root';
      else {
        const designated: PriorityVector = {
          rootId: this.rootVector.rootId,
          rootPathCost: this.rootVector.rootPathCost,
          designatedBridgeId: this.bridgeId,
          designatedPortId: info.portId,
        };
        const heard = info.received;
        if (heard === null || compareVectors(designated, heard) < 0) {
          role = 'designated';
          // 17.21.8: inferior information heard on a designated port is not kept; the port's own
          // vector stands, so a neighbour that later turns silent leaves nothing stale behind.
          if (heard !== null) {
            info.received = null;
            info.expiry?.cancel();
            info.expiry = null;
          }
        } else role = compareIds(heard.designatedBridgeId, this.bridgeId) === 0 ? 'backup' : 'alternate';
      }
      let state: BridgePortState;
      if (role !== 'root' && role !== 'designated') {
        state = 'discarding';
        info.syncTimer?.cancel();
        info.syncTimer = null;
      } else if (!info.heardBpdu || port.state === 'forwarding' || (role === 'root' && info.role === 'alternate')) {
        // Edge ports forward at once; so does an alternate port taking over as root (17.29.3).
        state = 'forwarding';
      } else {
        // A non-edge port that becomes root or designated waits SYNC_DELAY_NS first: the
        // stand-in for the proposal/agreement handshake, so no transient loop forms.
        state = port.state;
        if (info.syncTimer === null) info.syncTimer = this.context.setTimer(SYNC_DELAY_NS, () => this.finishSync(info));
      }
      if (rootChanged || role !== info.role || (state === 'forwarding') !== (port.state === 'forwarding')) info.newInfo = true;
      // Any state change of a non-edge port is a topology change here (802.1D-2004 only counts
      // new forwarding ports, but ports here forward before the tree settles, so addresses
      // learned through a port that then blocks must be forgotten everywhere too).
      if (state !== port.state && info.heardBpdu) newForwarding = true;
      if (state === 'discarding' && port.state === 'forwarding') this.bridge.flushPort(port);
      info.role = role;
      port.state = state;
    }
    if (newForwarding) this.startTopologyChange();
    this.sendNewInfo();
  }

  private finishSync(info: PortInfo): void {
    info.syncTimer = null;
    if (!this.running || !info.port.port.up || (info.role !== 'root' && info.role !== 'designated')) return;
    info.port.state = 'forwarding';
    info.newInfo = true;
    this.startTopologyChange();
    this.sendNewInfo();
  }

  /** 17.21.18 newTcWhile on every non-edge forwarding port, and a flush of the MAC table. */
  private startTopologyChange(): void {
    this.bridge.flushAll();
    const until = this.context.nowNs() + secondsToNs(2 * this.helloTimeS);
    for (const info of this.infos.values()) {
      if (info.heardBpdu && (info.role === 'root' || info.role === 'designated')) {
        info.tcUntilNs = until;
        info.newInfo = true;
      }
    }
  }

  /** The hello: a BPDU on every designated port. */
  private sendBpdus(): void {
    for (const port of this.bridge.ports) {
      const info = this.infoOf(port);
      if (info.role === 'designated' && port.port.up) this.sendBpdu(info);
    }
  }

  /**
   * 17.26 Port Transmit: a designated port with new information sends it now. Only the ports
   * whose message changed: a host plugged into one port does not make the switch repeat itself
   * on every other port (which, at power-on, multiplied BPDUs by the number of ports).
   */
  private sendNewInfo(): void {
    for (const port of this.bridge.ports) {
      const info = this.infoOf(port);
      if (!info.newInfo) continue;
      if (info.role === 'designated' && port.port.up) this.sendBpdu(info);
      info.newInfo = false;
    }
  }

  private sendBpdu(info: PortInfo): void {
    const port = info.port;
    if (!port.port.up || info.role === 'disabled') return;
    info.newInfo = false;
    const vector: PriorityVector = {
      rootId: this.rootVector.rootId,
      rootPathCost: this.rootVector.rootPathCost,
      designatedBridgeId: this.bridgeId,
      designatedPortId: info.portId,
    };
    const messageAgeS = this.rootPort === null ? 0 : this.rootPort.receivedMessageAgeS + 1;
    const frame = encodeRstBpduFrame(port.port.mac, vector, info.role, port.state === 'forwarding', this.context.nowNs() < info.tcUntilNs, {
      messageAgeS,
      maxAgeS: this.maxAgeS,
      helloTimeS: this.helloTimeS,
      forwardDelayS: this.forwardDelayS,
    });
    this.bridge.transmitControl(port, frame);
  }
}
