/**
 * A transparent bridge with VLANs (IEEE 802.1Q section 8): the layer-2 switching of the switch,
 * the L3 switch and the access point. Learns source MACs per VLAN with aging (300 s default,
 * `mac address-table aging-time`), forwards known unicast to one port, floods unknown unicast,
 * broadcast and multicast to every other forwarding port of the VLAN. Ports are access (one
 * untagged VLAN) or 802.1Q trunks (allowed list, native VLAN sent and received untagged).
 * Frames for the device itself (its SVIs' MACs, and every broadcast or multicast of a VLAN that
 * has an SVI) go to `localDelivery`; frames the device sends from an SVI enter with
 * `transmitFromLocal`. BPDUs (01:80:c2:00:00:00, IEEE 802.1D section 7.12.3) are never
 * forwarded: they go to the spanning-tree module, which sets each port's forwarding state.
 *
 * Aging is lazy: an entry older than the aging time counts as absent when looked up, so an idle
 * network costs no events. Frames are never modified: tagging makes a new array, and one
 * untagged and one tagged copy at most are made per flooded frame.
 * Leaves out: static MAC entries, port security, IGMP/MLD snooping, DTP, VTP, private VLANs.
 */
import { isGroupMac, readMac, type MacAddress } from '../addr/mac';
import { secondsToNs, type TimeNs } from '../engine/time';
import { ETHERNET_HEADER_LENGTH, ETHERNET_MIN_FRAME_LENGTH } from '../wire/ethernet';
import { isVlanTpid, popVlanTag, pushVlanTag, TPID_8021Q } from '../wire/vlan';
import type { NodeContext } from './node-context';
import type { Port } from './port';
import { VlanSet } from './vlan-set';

export type SwitchportMode = 'access' | 'trunk';

/** 802.1D forwarding state of a port as spanning tree sets it. */
export type BridgePortState = 'forwarding' | 'discarding';

/**
 * The default allowed list of every port (all VLANs), shared: 512 bytes per switchport add up on
 * a province network. An allowed list is replaced (`switchport trunk allowed vlan …` makes a new
 * set), never changed in place.
 */
const ALL_VLANS = VlanSet.all();

export class BridgePort {
  mode: SwitchportMode = 'access';
  accessVlan = 1;
  nativeVlan = 1;
  allowedVlans: VlanSet = ALL_VLANS;
  /** Set by spanning tree; forwarding when spanning tree is off. */
  state: BridgePortState = 'forwarding';

  constructor(
    readonly port: Port,
    /** Position on the bridge (0-based). */
    readonly index: number,
  ) {}

  /** True when the port carries `vlan` (access VLAN, or allowed on the trunk). */
  carries(vlan: number): boolean {
    return this.mode === 'access' ? this.accessVlan === vlan : this.allowedVlans.has(vlan);
  }

  /** True when frames of `vlan` leave this port untagged. */
  sendsUntagged(vlan: number): boolean {
    return this.mode === 'access' || this.nativeVlan === vlan;
  }
}

export interface MacTableEntry {
  readonly vlan: number;
  readonly mac: MacAddress;
  readonly port: BridgePort;
  readonly lastSeenNs: TimeNs;
}

interface LearnedEntry {
  port: BridgePort;
  lastSeenNs: TimeNs;
}

/** A frame being forwarded in one VLAN, with its untagged and tagged forms made on demand. */
interface FrameForms {
  vlan: number;
  untagged: Uint8Array | null;
  tagged: Uint8Array | null;
}

/** Untagging a minimum-size frame leaves it short: pad it back to 60 bytes as a switch does. */
function padToMinimum(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= ETHERNET_MIN_FRAME_LENGTH) return bytes;
  const padded = new Uint8Array(ETHERNET_MIN_FRAME_LENGTH);
  padded.set(bytes);
  return padded;
}

/** The untagged form, made from the tagged one the first time a port needs it. */
function untaggedOf(forms: FrameForms): Uint8Array {
  if (forms.untagged === null) {
    const popped = popVlanTag(forms.tagged!);
    // The tagged form decoded with one tag, so popping cannot fail.
    forms.untagged = popped.ok ? padToMinimum(popped.value.frame) : forms.tagged!;
  }
  return forms.untagged;
}

/** Destination of IEEE 802.1D BPDUs; 01:80:c2:00:00:0x frames are never forwarded. */
const BRIDGE_GROUP_HIGH = 0x0180c20000;

export class Bridge {
  readonly ports: BridgePort[] = [];
  private readonly byPort = new Map<Port, BridgePort>();
  private readonly macTable = new Map<number, Map<MacAddress, LearnedEntry>>();
  agingTimeNs: TimeNs;
  /** MACs of the device's own SVIs: unicast to them is delivered locally. */
  readonly localMacs = new Set<MacAddress>();
  /** VLANs in the VLAN database (`vlan 10`), for `show vlan brief`. VLAN 1 always exists. */
  readonly vlanNames = new Map<number, string>([[1, 'default']]);
  /** Gets frames for the device itself (untagged, with their VLAN). */
  localDelivery: (vlan: number, bytes: Uint8Array) => void = () => undefined;
  /** Gets BPDUs and other 01:80:c2:00:00:0x frames (the spanning-tree module sets it). */
  controlDelivery: (port: BridgePort, bytes: Uint8Array) => void = () => undefined;
  /** Told when a port's carrier changes (spanning tree listens). */
  portCarrierListener: (port: BridgePort, up: boolean) => void = () => undefined;

  constructor(
    readonly context: NodeContext,
    options: { readonly agingTimeS?: number } = {},
  ) {
    this.agingTimeNs = secondsToNs(options.agingTimeS ?? 300);
  }

  addPort(port: Port): BridgePort {
    const bridgePort = new BridgePort(port, this.ports.length);
    this.ports.push(bridgePort);
    this.byPort.set(port, bridgePort);
    return bridgePort;
  }

  /** Detaches a port from the bridge (`no switchport` turns it into a routed port). */
  removePort(port: Port): void {
    const bridgePort = this.byPort.get(port);
    if (bridgePort === undefined) return;
    this.byPort.delete(port);
    this.ports.splice(this.ports.indexOf(bridgePort), 1);
    this.flushPort(bridgePort);
  }

  bridgePortOf(port: Port): BridgePort | undefined {
    return this.byPort.get(port);
  }

  /** Carrier change on a member port: its learned MACs go (IEEE 802.1D section 8.7.1). */
  handleCarrier(port: Port, up: boolean): void {
    const bridgePort = this.byPort.get(port);
    if (bridgePort === undefined) return;
    if (!up) this.flushPort(bridgePort);
    this.portCarrierListener(bridgePort, up);
  }

  /** A frame arrived on the member port `ingress` (the device's port receiver calls this directly: no lookup per frame). */
  receiveOn(ingress: BridgePort, bytes: Uint8Array): void {
    const port = ingress.port;
    // The header is read in place (what decodeEthernet checks, without building a record): this
    // runs for every frame on every switch.
    const length = bytes.length;
    if (length < ETHERNET_HEADER_LENGTH) return port.recordDrop(bytes, 'malformed');
    let outerTpid = (bytes[12]! << 8) | bytes[13]!;
    let outerTci = 0;
    let tagCount = 0;
    if (isVlanTpid(outerTpid)) {
      // Every stacked tag must fit with the EtherType after it (as decodeEthernet requires).
      let offset = 12;
      let etherType = outerTpid;
      while (isVlanTpid(etherType)) {
        if (length < offset + 6) return port.recordDrop(bytes, 'malformed');
        if (tagCount === 0) outerTci = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
        tagCount++;
        offset += 4;
        etherType = (bytes[offset]! << 8) | bytes[offset + 1]!;
      }
    } else outerTpid = 0;
    const destination = readMac(bytes, 0);
    if (Math.floor(destination / 256) === BRIDGE_GROUP_HIGH) return this.controlDelivery(ingress, bytes);
    if (ingress.state !== 'forwarding') return port.recordDrop(bytes, 'stp-blocked');
    const tagged = tagCount > 0;
    const outerVid = outerTci & 0x0fff;
    let vlan: number;
    const forms: FrameForms = { vlan: 0, untagged: null, tagged: null };
    if (ingress.mode === 'access') {
      // An access port takes untagged and priority-tagged (VID 0) frames only.
      if (tagged && outerVid !== 0) return port.recordDrop(bytes, 'vlan-not-allowed');
      vlan = ingress.accessVlan;
      if (!tagged) forms.untagged = bytes;
    } else if (!tagged || outerTpid !== TPID_8021Q) {
      vlan = ingress.nativeVlan;
      forms.untagged = bytes;
    } else {
      vlan = outerVid === 0 ? ingress.nativeVlan : outerVid;
      // PCP 0 and DEI clear (the top four bits of the TCI), and a single tag: the frame is already the tagged form.
      if (outerVid !== 0 && outerTci >>> 12 === 0 && tagCount === 1) forms.tagged = bytes;
    }
    if (ingress.mode === 'trunk' && !ingress.allowedVlans.has(vlan)) return port.recordDrop(bytes, 'vlan-not-allowed');
    forms.vlan = vlan;
    if (forms.untagged === null && forms.tagged === null) {
      const popped = popVlanTag(bytes);
      if (!popped.ok) return port.recordDrop(bytes, 'malformed');
      forms.untagged = padToMinimum(popped.value.frame);
    }
    // The I/G bit of the source (a group source is never learned).
    if ((bytes[6]! & 1) === 0) this.learn(vlan, readMac(bytes, 6), ingress);
    this.forward(forms, destination, ingress);
  }

  /** The device sends `bytes` (untagged) from its SVI in `vlan`. */
  transmitFromLocal(vlan: number, bytes: Uint8Array): void {
    this.forward({ vlan, untagged: bytes, tagged: null }, readMac(bytes, 0), null);
  }

  /** Sends a control frame (a BPDU) out of one port, whatever its forwarding state. */
  transmitControl(bridgePort: BridgePort, bytes: Uint8Array): void {
    bridgePort.port.transmit(bytes);
  }

  /** The port `mac` was last seen on in `vlan`, unless the entry aged out. */
  lookup(vlan: number, mac: MacAddress): BridgePort | undefined {
    const table = this.macTable.get(vlan);
    const entry = table?.get(mac);
    if (entry === undefined) return undefined;
    if (this.context.nowNs() - entry.lastSeenNs > this.agingTimeNs) {
      table!.delete(mac);
      return undefined;
    }
    return entry.port;
  }

  /** Live entries, by VLAN then MAC (for `show mac address-table`). */
  macTableEntries(): MacTableEntry[] {
    const now = this.context.nowNs();
    const out: MacTableEntry[] = [];
    for (const [vlan, table] of this.macTable) {
      for (const [mac, entry] of table) {
        if (now - entry.lastSeenNs <= this.agingTimeNs) out.push({ vlan, mac, port: entry.port, lastSeenNs: entry.lastSeenNs });
      }
    }
    return out.sort((x, y) => x.vlan - y.vlan || x.mac - y.mac);
  }

  /** Forgets every learned MAC (topology change, `clear mac address-table dynamic`). */
  flushAll(): void {
    this.macTable.clear();
  }

  /** Forgets the MACs learned on every port but `keep` (a topology change heard on `keep`), in one pass. */
  flushAllBut(keep: BridgePort): void {
    for (const table of this.macTable.values()) {
      for (const [mac, entry] of table) if (entry.port !== keep) table.delete(mac);
    }
  }

  /** Forgets the MACs learned on one port. */
  flushPort(bridgePort: BridgePort): void {
    for (const table of this.macTable.values()) {
      for (const [mac, entry] of table) if (entry.port === bridgePort) table.delete(mac);
    }
  }

  private learn(vlan: number, mac: MacAddress, port: BridgePort): void {
    let table = this.macTable.get(vlan);
    if (table === undefined) {
      table = new Map();
      this.macTable.set(vlan, table);
    }
    const entry = table.get(mac);
    if (entry === undefined) table.set(mac, { port, lastSeenNs: this.context.nowNs() });
    else {
      entry.port = port;
      entry.lastSeenNs = this.context.nowNs();
    }
  }

  private forward(forms: FrameForms, destination: MacAddress, ingress: BridgePort | null): void {
    const vlan = forms.vlan;
    if (isGroupMac(destination)) {
      this.flood(forms, ingress);
      if (ingress !== null) this.localDelivery(vlan, untaggedOf(forms));
      return;
    }
    if (ingress !== null && this.localMacs.has(destination)) return this.localDelivery(vlan, untaggedOf(forms));
    const egress = this.lookup(vlan, destination);
    if (egress === undefined) return this.flood(forms, ingress);
    // A frame whose destination is on the port it came from is filtered (802.1D section 8.7).
    if (egress === ingress) return;
    // An entry pointing at a port that no longer forwards is stale: treat the address as unknown.
    if (egress.state !== 'forwarding' || !egress.port.up || !egress.carries(vlan)) return this.flood(forms, ingress);
    egress.port.transmit(this.formFor(forms, egress));
  }

  private flood(forms: FrameForms, ingress: BridgePort | null): void {
    for (const port of this.ports) {
      if (port === ingress || port.state !== 'forwarding' || !port.port.up || !port.carries(forms.vlan)) continue;
      port.port.transmit(this.formFor(forms, port));
    }
  }

  private formFor(forms: FrameForms, egress: BridgePort): Uint8Array {
    if (egress.sendsUntagged(forms.vlan)) return untaggedOf(forms);
    if (forms.tagged === null) {
      const pushed = pushVlanTag(forms.untagged!, { tpid: TPID_8021Q, pcp: 0, dei: false, vid: forms.vlan });
      // An untagged frame is always at least 14 bytes here (it decoded), so this cannot fail.
      forms.tagged = pushed.ok ? pushed.value : forms.untagged!;
    }
    return forms.tagged;
  }
}
