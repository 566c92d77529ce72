/**
 * Codec frames per second: decode and re-encode a 1500-byte IPv6/UDP packet in an Ethernet frame
 * (Ethernet + IPv6 + UDP with a 1452-byte payload, 1514 bytes without FCS), the UDP checksum
 * verified on decode and computed on encode, as every simulated hop that looks at UDP does.
 */
import { ipv6 } from '../sim-core/addr/ipv6';
import { mac } from '../sim-core/addr/mac';
import type { PseudoHeader } from '../sim-core/wire/checksum';
import { decodeEthernet, encodeEthernet, ETHERTYPE_IPV6 } from '../sim-core/wire/ethernet';
import { decodeIpv6, encodeIpv6 } from '../sim-core/wire/ipv6';
import { decodeUdp, encodeUdp } from '../sim-core/wire/udp';
import { defineBenchmark, type ThroughputCase } from './harness';

const UDP_PAYLOAD_LENGTH = 1452;

/** The 1514-byte frame: 2001:db8:1::10 port 50000 → 2001:db8:2::20 port 9, patterned payload. */
export function buildUdpFrame(): Uint8Array {
  const source = ipv6(0x20010db8000100000000000000000010n);
  const destination = ipv6(0x20010db8000200000000000000000020n);
  const payload = Uint8Array.from({ length: UDP_PAYLOAD_LENGTH }, (_, i) => (i * 7) & 0xff);
  const udp = encodeUdp({ sourcePort: 50000, destinationPort: 9, payload }, { family: 6, source, destination });
  const packet = encodeIpv6({ trafficClass: 0, flowLabel: 0x12345, nextHeader: 17, hopLimit: 64, source, destination, payload: udp });
  return encodeEthernet({ destination: mac(0x00005e005301), source: mac(0x000c290c47d5), vlanTags: [], etherType: ETHERTYPE_IPV6, payload: packet });
}

/** Decodes all three layers (checksum verified) and encodes them back (checksum computed). */
export function decodeAndEncode(frame: Uint8Array): Uint8Array {
  const ethernet = decodeEthernet(frame);
  if (!ethernet.ok) throw new Error(ethernet.error.message);
  const ip = decodeIpv6(ethernet.value.payload);
  if (!ip.ok) throw new Error(ip.error.message);
  const pseudo: PseudoHeader = { family: 6, source: ip.value.source, destination: ip.value.destination };
  const udp = decodeUdp(ip.value.payload, pseudo);
  if (!udp.ok) throw new Error(udp.error.message);
  const payload = encodeIpv6({ ...ip.value, payload: encodeUdp(udp.value, pseudo) });
  return encodeEthernet({ ...ethernet.value, payload });
}

export default defineBenchmark({
  name: 'codec-frames',
  description: 'decode + encode of a 1514-byte Ethernet/IPv6/UDP frame with checksums',
  async prepare(): Promise<ThroughputCase> {
    const frame = buildUdpFrame();
    const again = decodeAndEncode(frame);
    if (frame.length !== 1514 || again.length !== frame.length || again.some((byte, i) => byte !== frame[i])) {
      throw new Error('codec benchmark: decode + encode does not give the same 1514 bytes back');
    }
    return {
      kind: 'throughput',
      unit: 'frames',
      run(iterations) {
        for (let i = 0; i < iterations; i++) {
          if (decodeAndEncode(frame).length !== 1514) throw new Error('codec benchmark: wrong frame length');
        }
      },
    };
  },
});
