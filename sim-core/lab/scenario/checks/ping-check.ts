/**
 * `ping`: from a device to an address, a device or DEVICE:INTERFACE, over one family, expecting
 * replies (`expect: success`, the default) or none (`expect: failure`, e.g. a filter works).
 * The check sends real echo requests from the device's own stack (ICMP echo, RFC 792; ICMPv6
 * echo, RFC 4443 section 4) as the trainee's `ping` would, without touching the console: the
 * trainee's half-typed line stays. Probes: `count` (default 5), 2 s timeout each, the next
 * after each answer (IOS pacing), so a first probe lost to address resolution (ARP, or NS for
 * IPv6) still leaves replies. Success means at least `minReplies` (default 1) replies.
 */
import { z } from 'zod';
import { NS_PER_S } from '../../../engine/time';
import { startPing, type PingProbeOutcome, type PingResult } from '../../../stack/apps/ping';
import { bilingual, type BilingualText } from '../bilingual-text';
import { CHECK_TITLE_FIELD, DEVICE_FIELD, FAMILY_FIELD, type Family } from './check-fields';
import { defineCheckKind } from './check-kind';
import { validateDevice, validateTarget, familyOfAddressText } from './check-validation';
import { addressOfTarget, findLiveDevice, formatAddress, ownerOfAddress, runUntilDone } from './lab-queries';
import type { LabSession } from '../../lab-session';

const PING_TIMEOUT_NS = 2 * NS_PER_S;
/** Probes per check, as IOS sends: enough that address resolution on every hop of a cold path (IOS drops the packet that triggers ARP) still leaves replies. */
const DEFAULT_COUNT = 5;

const schema = z
  .strictObject({
    kind: z.literal('ping'),
    title: CHECK_TITLE_FIELD,
    from: DEVICE_FIELD.meta({ description: 'The device that pings.' }),
    to: z.string().min(1).meta({
      description: 'An IPv4 or IPv6 address, a device (its first global address of the family) or DEVICE:INTERFACE.',
      examples: ['2001:db8:6801:10::10', 'SRV1', 'R1:GigabitEthernet0/1'],
    }),
    family: FAMILY_FIELD.optional().meta({ description: 'Required when `to` is not an address.' }),
    expect: z.enum(['success', 'failure']).optional().meta({ description: 'success (default): replies come back; failure: none do.' }),
    count: z.number().int().min(1).max(10).optional().meta({ description: 'Echo requests sent (default 5).' }),
    minReplies: z.number().int().min(1).max(10).optional().meta({ description: 'Replies needed for success (default 1).' }),
  })
  .meta({ description: 'Ping from a device; passes when replies come back (or, with expect: failure, when none do).' });

type PingCheck = z.infer<typeof schema>;

function familyName(family: Family): string {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

function familyOfCheck(check: PingCheck): Family {
  return check.family ?? familyOfAddressText(check.to) ?? 'ipv6';
}

export const PING_CHECK = defineCheckKind({
  kind: 'ping',
  schema,
  summary: bilingual('Ping từ một thiết bị tới một địa chỉ hoặc thiết bị, mong đợi có hoặc không có phản hồi.', 'Ping from a device to an address or a device, expecting replies or none.'),
  describe(check: PingCheck) {
    const family = familyName(familyOfCheck(check));
    return check.expect === 'failure'
      ? bilingual(`${check.from} ping ${check.to} (${family}) không được có phản hồi`, `${check.from} pings ${check.to} (${family}) and gets no reply`)
      : bilingual(`${check.from} ping thành công ${check.to} (${family})`, `${check.from} pings ${check.to} (${family}) successfully`);
  },
  validate(check, context) {
    validateDevice(context, ['from'], check.from);
    validateTarget(context, ['to'], ['family'], check.to, check.family);
    if (check.minReplies !== undefined && check.minReplies > (check.count ?? DEFAULT_COUNT)) context.error(
        ['minReplies'],
        bilingual(
          `minReplies (${check.minReplies}) lớn hơn count (${check.count ?? DEFAULT_COUNT})`,
          `minReplies (${check.minReplies}) is more than count (${check.count ?? DEFAULT_COUNT})`,
        ),
      );
  },
  evaluate(check, session) {
    const family = familyOfCheck(check);
    const from = findLiveDevice(session, check.from);
    if (!from.ok) return { passed: false, explanation: bilingual(`Không tìm thấy ${check.from}: ${from.error}`, `Cannot find ${check.from}: ${from.error}`) };
    const destination = addressOfTarget(session, check.to, family);
    if (!destination.ok) {
      // Nothing to ping: a success check fails; a failure check passes (nothing can answer).
      const passed = check.expect === 'failure';
      return { passed, explanation: bilingual(`Không có địa chỉ ${familyName(family)} để ping: ${check.to} chưa có địa chỉ ${familyName(family)}.`, `Nothing to ping over ${familyName(family)}: ${destination.error}.`) };
    }
    const stack = from.value.stack;
    if (stack === null) return { passed: false, explanation: bilingual(`${check.from} không có ngăn xếp IP.`, `${check.from} has no IP stack.`) };
    const count = check.count ?? DEFAULT_COUNT;
    const ping = startPing(stack, { destination: destination.value, count, timeoutNs: PING_TIMEOUT_NS, intervalNs: 0, flavour: 'ios' });
    runUntilDone(session, () => ping.done);
    if (!ping.done) ping.cancel();
    const result = ping.result();
    const needed = check.minReplies ?? 1;
    const succeeded = result.received >= needed;
    const passed = check.expect === 'failure' ? result.received === 0 : succeeded;
    return { passed, explanation: explainPing(session, check.from, result, family) };
  },
});

function explainPing(session: LabSession, from: string, result: PingResult, family: Family): BilingualText {
  const to = formatAddress(result.destination);
  const fam = familyName(family);
  if (result.familyUnavailable === true) return bilingual(`${from} chưa bật ${fam}, không gửi được gói nào.`, `${from} has no ${fam} enabled; nothing was sent.`);
  const tally = `${result.received}/${result.probes.length}`;
  if (result.received > 0) {
    return bilingual(`${from} → ${to} (${fam}): ${tally} gói có phản hồi.`, `${from} → ${to} (${fam}): ${tally} replies.`);
  }
  const reason = describeFailure(session, result.probes.map((probe) => probe.outcome));
  return bilingual(`${from} → ${to} (${fam}): không có phản hồi (0/${result.probes.length}); ${reason.vi}.`, `${from} → ${to} (${fam}): no replies (0/${result.probes.length}); ${reason.en}.`);
}

/** The most telling outcome of the lost probes, in words. */
const UNREACHABLE_CODE_VI: Readonly<Record<string, string>> = {
  net: 'không tới được mạng đích',
  'no-route': 'không có tuyến tới đích',
  host: 'không tới được máy đích',
  address: 'không tới được địa chỉ',
  protocol: 'giao thức không được hỗ trợ',
  port: 'cổng không mở',
  'admin-prohibited': 'bị chính sách chặn',
};

function describeFailure(session: LabSession, outcomes: readonly PingProbeOutcome[]): BilingualText {
  const error = outcomes.find((outcome) => outcome.kind === 'unreachable' || outcome.kind === 'time-exceeded' || outcome.kind === 'packet-too-big');
  if (error !== undefined && 'from' in error) {
    const owner = ownerOfAddress(session, error.from);
    const who = `${formatAddress(error.from)}${owner === undefined ? '' : ` (${owner.device})`}`;
    if (error.kind === 'unreachable') {
      if (error.reason === 'beyond-scope') {
        return bilingual(`${who} báo vượt phạm vi (beyond scope): nguồn chỉ có địa chỉ link-local, chưa có địa chỉ toàn cục`, `${who} answered beyond scope: the source has only a link-local address, no global one`);
      }
      const routeWords = error.reason === 'no-route' || error.reason === 'net';
      // The ICMP code in Vietnamese words (RFC 4443 section 3.1, RFC 792); the English keeps the code.
      const codeVi = UNREACHABLE_CODE_VI[error.reason] ?? error.reason;
      return routeWords
        ? bilingual(`${who} báo "không có đường đi" (Destination Unreachable: ${codeVi}) — thiếu tuyến ở thiết bị đó`, `${who} answered destination unreachable (${error.reason}): that device has no route`)
        : bilingual(`${who} báo không tới được đích (Destination Unreachable: ${codeVi})`, `${who} answered destination unreachable (${error.reason})`);
    }
    if (error.kind === 'time-exceeded') return bilingual(`${who} báo hết thời gian sống (time exceeded) — có thể là vòng lặp định tuyến`, `${who} answered time exceeded: probably a routing loop`);
    return bilingual(`${who} báo gói quá lớn (packet too big, MTU ${error.kind === 'packet-too-big' ? error.mtuBytes : ''})`, `${who} answered packet too big (MTU ${error.kind === 'packet-too-big' ? error.mtuBytes : ''})`);
  }
  const failed = outcomes.find((outcome) => outcome.kind === 'send-failed');
  if (failed !== undefined && failed.kind === 'send-failed') {
    const words: Record<string, BilingualText> = {
      'no-route': bilingual('thiết bị nguồn không có tuyến tới đích (chưa có default gateway/default router?)', 'the source has no route to the destination (no default gateway or default router?)'),
      'no-source-address': bilingual('thiết bị nguồn không có địa chỉ nguồn phù hợp', 'the source has no suitable source address'),
      'interface-down': bilingual('giao diện ra không hoạt động', 'the exit interface is down'),
      'ipv6-disabled': bilingual('IPv6 chưa được bật trên giao diện ra', 'IPv6 is not enabled on the exit interface'),
    };
    return words[failed.reason] ?? bilingual(`không gửi được (${failed.reason})`, `could not send (${failed.reason})`);
  }
  return bilingual('mọi gói đều hết thời gian chờ (timeout) — kiểm tra tuyến chiều về và địa chỉ đích', 'every probe timed out: check the return route and the destination address');
}

