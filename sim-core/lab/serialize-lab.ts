/**
 * Saving a lab: the Lab value to YAML text that loadLab reads back unchanged.
 * Stable output for tidy diffs: keys in a fixed order (version, name, description, zones,
 * devices, links; within a device name, kind, zone, position, config), endpoints as a one-line
 * list in containerlab style, positions rounded to whole pixels, config texts as literal block
 * scalars (`config: |`) so they read exactly as typed on the device, and canonical interface
 * names, delays and bandwidths ("1ms", "1Gbps").
 */
import { Document, isMap, isScalar, isSeq, parse, Scalar, type Node as YamlNode } from 'yaml';
import { formatEndpoint, type Lab, type LabDevice, type LabLink, type LabText, type LabZone } from './lab-document';
import { formatBandwidthBps, formatDelayNs } from './link-units';
import { roundPosition } from './load-lab';

const TO_STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

type Plain = string | number | readonly Plain[] | { readonly [key: string]: Plain };

function textValue(text: LabText): Plain {
  return typeof text === 'string' ? text : { vi: text.vi, en: text.en };
}

function deviceValue(device: LabDevice): Plain {
  return {
    name: device.name,
    kind: device.kind,
    ...(device.zone !== undefined ? { zone: device.zone } : {}),
    ...(device.position !== undefined ? { position: { x: roundPosition(device.position.x), y: roundPosition(device.position.y) } } : {}),
    ...(device.config !== undefined ? { config: device.config } : {}),
  };
}

function linkValue(link: LabLink): Plain {
  return {
    endpoints: link.endpoints.map(formatEndpoint),
    ...(link.delayNs !== undefined ? { delay: formatDelayNs(link.delayNs) } : {}),
    ...(link.bandwidthBps !== undefined ? { bandwidth: formatBandwidthBps(link.bandwidthBps) } : {}),
    ...(link.mtu !== undefined ? { mtu: link.mtu } : {}),
    ...(link.state === 'down' ? { state: 'down' } : {}),
  };
}

function zoneValue(zone: LabZone): Plain {
  return { id: zone.id, label: textValue(zone.label) };
}

export function serializeLab(lab: Lab): string {
  const value: Record<string, Plain> = { version: lab.version };
  if (lab.name !== undefined) value.name = textValue(lab.name);
  if (lab.description !== undefined) value.description = textValue(lab.description);
  if (lab.zones.length > 0) value.zones = lab.zones.map(zoneValue);
  value.devices = lab.devices.map(deviceValue);
  value.links = lab.links.map(linkValue);

  const yamlDocument = new Document(value);
  const root = yamlDocument.contents;
  if (isMap(root)) {
    root.items.forEach((pair, index) => {
      // A blank line before each section after `version`.
      if (index > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
    });
  }
  styleItems(yamlDocument.get('devices', true), (device, index) => {
    if (index > 0) device.spaceBefore = true;
    if (!isMap(device)) return;
    const position: unknown = device.get('position', true);
    if (isMap(position)) position.flow = true;
    const config: unknown = device.get('config', true);
    if (isScalar(config) && typeof config.value === 'string') {
      config.type = survivesAsLiteralBlock(config.value) ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
    }
  });
  styleItems(yamlDocument.get('links', true), (link) => {
    if (!isMap(link)) return;
    const endpoints: unknown = link.get('endpoints', true);
    if (isSeq(endpoints)) {
      endpoints.flow = true;
      for (const item of endpoints.items) if (isScalar(item)) item.type = Scalar.QUOTE_DOUBLE;
    }
  });
  return yamlDocument.toString(TO_STRING_OPTIONS);
}

/**
 * Whether a literal block scalar reads back as exactly this text. Not always: a text of only
 * blanks (`"   \n"`) needs an indentation indicator the yaml library does not write, so it
 * would come back empty; such configs, and any the probe below rejects, stay quoted.
 */
function survivesAsLiteralBlock(text: string): boolean {
  if (!/\S/.test(text)) return false;
  // Probe at the same depth as in the file: block indentation changes what survives.
  const probe = new Document({ devices: [{ config: text }] });
  const node: unknown = probe.getIn(['devices', 0, 'config'], true);
  if (!isScalar(node)) return false;
  node.type = Scalar.BLOCK_LITERAL;
  const back: unknown = parse(probe.toString(TO_STRING_OPTIONS));
  return (back as { devices?: { config?: unknown }[] } | null)?.devices?.[0]?.config === text;
}

function styleItems(node: unknown, style: (item: YamlNode, index: number) => void): void {
  if (!isSeq(node)) return;
  node.items.forEach((item, index) => {
    if (item !== null && typeof item === 'object') style(item as YamlNode, index);
  });
}
