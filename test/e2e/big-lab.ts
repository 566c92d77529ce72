/**
 * A generated lab of many devices for the canvas timing test: routers in a ring of zones, each
 * with a switch and PCs below it, all cabled, positions on a grid. Built through the lab
 * document and serializeLab, so it is a valid file by construction.
 */
import { asDeviceName, asInterfaceName, asZoneId, LAB_FORMAT_VERSION, makeLinkId, type Lab, type LabDevice, type LabEndpoint, type LabLink } from '../../sim-core/lab/lab-document';
import { COURSE_ZONE_IDS } from '../../sim-core/lab/course-zones';
import { serializeLab } from '../../sim-core/lab/serialize-lab';

function endpoint(device: string, port: string): LabEndpoint {
  return { device: asDeviceName(device), interface: asInterfaceName(port) };
}

function cable(a: LabEndpoint, b: LabEndpoint): LabLink {
  return { id: makeLinkId(a, b), endpoints: [a, b], state: 'up' };
}

/** `groups` groups of 1 router + 1 switch + 8 PCs (10 devices each). */
export function generateBigLab(groups: number): Lab {
  const devices: LabDevice[] = [];
  const links: LabLink[] = [];
  const columns = Math.ceil(Math.sqrt(groups));
  for (let g = 0; g < groups; g += 1) {
    const zone = asZoneId(COURSE_ZONE_IDS[g % COURSE_ZONE_IDS.length]!);
    const baseX = (g % columns) * 900;
    const baseY = Math.floor(g / columns) * 500;
    const router = `R${g + 1}`;
    const sw = `SW${g + 1}`;
    devices.push({ name: asDeviceName(router), kind: 'router', zone, position: { x: baseX + 380, y: baseY } });
    devices.push({ name: asDeviceName(sw), kind: 'switch', zone, position: { x: baseX + 380, y: baseY + 140 } });
    links.push(cable(endpoint(router, 'GigabitEthernet0/0'), endpoint(sw, 'GigabitEthernet1/0/1')));
    for (let p = 0; p < 8; p += 1) {
      const pc = `PC${g * 8 + p + 1}`;
      devices.push({ name: asDeviceName(pc), kind: 'pc', zone, position: { x: baseX + p * 110, y: baseY + 300 } });
      links.push(cable(endpoint(pc, 'Ethernet0'), endpoint(sw, `GigabitEthernet1/0/${p + 2}`)));
    }
    if (g > 0) links.push(cable(endpoint(`R${g}`, 'GigabitEthernet0/1'), endpoint(router, 'GigabitEthernet0/2')));
  }
  return { version: LAB_FORMAT_VERSION, zones: [], devices, links };
}

/** The same lab with no device positions (as a generator or a hand-written province file leaves it). */
export function generateBigLabWithoutPositions(groups: number): Lab {
  const lab = generateBigLab(groups);
  return { ...lab, devices: lab.devices.map(({ position: _position, ...device }) => device) };
}

export function generateBigLabText(groups: number): string {
  return serializeLab(generateBigLab(groups));
}
