/**
 * `traceroute`: the path from a device to a target goes through the listed devices (or
 * addresses), in that order, and (by default) reaches the target. The check runs a real
 * traceroute from the device's stack (hop limit 1, 2, 3 …, ICMP time exceeded from each
 * router: RFC 792, RFC 4443 section 3.3) with one probe per hop and a 2 s timeout, without
 * touching the console. A hop is named by the device that owns the answering address.
 * Leaves out: "not via" (write a route check with `expect: absent` instead) and ECMP.
 */
import { z } from 'zod';
import { NS_PER_S } from '../../../engine/time';
import { startTraceroute } from '../../../stack/apps/traceroute';
import { bilingual } from '../bilingual-text';
import { CHECK_TITLE_FIELD, DEVICE_FIELD, FAMILY_FIELD, type Family } from './check-fields';
import { defineCheckKind } from './check-kind';
import { familyOfAddressText, validateDevice, validateTarget } from './check-validation';
import { addressOfTarget, findLiveDevice, formatAddress, ownerOfAddress, parseAddress, runUntilDone } from './lab-queries';

const MAX_HOPS = 15;

const schema = z
  .strictObject({
    kind: z.literal('traceroute'),
    title: CHECK_TITLE_FIELD,
    from: DEVICE_FIELD.meta({ description: 'The device that runs the traceroute.' }),
    to: z.string().min(1).meta({ description: 'An address, a device or DEVICE:INTERFACE (as for ping).', examples: ['2001:db8:6801:10::10', 'SRV1'] }),
    family: FAMILY_FIELD.optional().meta({ description: 'Required when `to` is not an address.' }),
    via: z
      .array(z.string().min(1))
      .min(1)
      .meta({ description: 'Devices (or addresses) the path must pass, in order; other hops may come between.', examples: [['R1', 'R2']] }),
    reach: z.boolean().optional().meta({ description: 'The target must answer (default true).' }),
  })
  .meta({ description: 'Traceroute from a device; passes when the path goes through `via` in order (and reaches the target).' });

type TracerouteCheck = z.infer<typeof schema>;

function familyOfCheck(check: TracerouteCheck): Family {
  return check.family ?? familyOfAddressText(check.to) ?? 'ipv6';
}

export const TRACEROUTE_CHECK = defineCheckKind({
  kind: 'traceroute',
  schema,
  summary: bilingual('Traceroute từ một thiết bị: đường đi phải qua các thiết bị đã liệt kê theo thứ tự.', 'Traceroute from a device: the path goes through the listed devices in order.'),
  describe(check: TracerouteCheck) {
    const family = familyOfCheck(check) === 'ipv4' ? 'IPv4' : 'IPv6';
    const via = check.via.join(' → ');
    return bilingual(`Đường ${family} từ ${check.from} tới ${check.to} đi qua ${via}`, `The ${family} path from ${check.from} to ${check.to} goes through ${via}`);
  },
  validate(check, context) {
    validateDevice(context, ['from'], check.from);
    validateTarget(context, ['to'], ['family'], check.to, check.family);
    check.via.forEach((hop, index) => {
      if (parseAddress(hop) === undefined) validateDevice(context, ['via', index], hop);
    });
  },
  evaluate(check, session) {
    const family = familyOfCheck(check);
    const from = findLiveDevice(session, check.from);
    if (!from.ok || from.value.stack === null) return { passed: false, explanation: bilingual(`Không tìm thấy ${check.from}.`, `Cannot find ${check.from}.`) };
    const destination = addressOfTarget(session, check.to, family);
    if (!destination.ok) return { passed: false, explanation: bilingual(`${check.to} chưa có địa chỉ ${family === 'ipv4' ? 'IPv4' : 'IPv6'}.`, `${destination.error}.`) };
    const trace = startTraceroute(from.value.stack, { destination: destination.value, maxHops: MAX_HOPS, probesPerHop: 1, timeoutNs: 2 * NS_PER_S });
    runUntilDone(session, () => trace.done);
    if (!trace.done) trace.cancel();
    const result = trace.result();
    // Each hop named by the device owning the answering address ('*' for silence).
    const hops = result.hops.map((hop) => {
      const answer = hop.probes.find((probe) => probe.outcome.kind === 'reply' || probe.outcome.kind === 'unreachable');
      if (answer === undefined || !('from' in answer.outcome)) return { label: '*', device: undefined as string | undefined, address: undefined as string | undefined };
      const address = formatAddress(answer.outcome.from);
      const owner = ownerOfAddress(session, answer.outcome.from);
      return { label: owner === undefined ? address : `${owner.device} (${address})`, device: owner?.device, address };
    });
    let next = 0;
    for (const hop of hops) {
      const wanted = check.via[next];
      if (wanted === undefined) break;
      const wantedAddress = parseAddress(wanted);
      const matches =
        wantedAddress !== undefined ? hop.address !== undefined && parseAddress(hop.address) === wantedAddress : hop.device !== undefined && hop.device.toLowerCase() === wanted.toLowerCase();
      if (matches) next += 1;
    }
    const throughAll = next === check.via.length;
    const reachOk = check.reach === false || result.reached;
    const path = hops.length === 0 ? '(—)' : compressSilence(hops.map((hop) => hop.label)).join(' → ');
    const to = formatAddress(destination.value);
    if (throughAll && reachOk) return { passed: true, explanation: bilingual(`Đường đi tới ${to}: ${path}.`, `Path to ${to}: ${path}.`) };
    const missing = check.via[next];
    const vi = [`Đường đi tới ${to}: ${path}.`];
    const en = [`Path to ${to}: ${path}.`];
    if (!throughAll) {
      vi.push(`Không thấy đi qua ${missing}.`);
      en.push(`It does not go through ${missing}.`);
    }
    if (!reachOk) {
      vi.push('Không tới được đích.');
      en.push('It does not reach the destination.');
    }
    return { passed: false, explanation: bilingual(vi.join(' '), en.join(' ')) };
  },
});

/** Runs of silent hops as one `* ×n`. */
function compressSilence(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; ) {
    let j = i;
    while (j < labels.length && labels[j] === '*') j += 1;
    if (j - i > 1) {
      out.push(`* ×${j - i}`);
      i = j;
    } else {
      out.push(labels[i]!);
      i += 1;
    }
  }
  return out;
}
