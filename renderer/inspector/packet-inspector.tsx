/**
 * The packet inspector (Packet Tracer's PDU window, Wireshark's panes): for the event picked in
 * the event list, the device's decision in words, the layer tree with every field and its value
 * (the wire describers' field trees), and the bytes in hex. Selecting a field highlights its
 * bytes; pointing at a byte highlights the field it belongs to; clicking a byte selects it.
 * The layer tree and the bytes share the inspector's height through a splitter (the share is
 * remembered), each scrolling on its own.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Splitter, useSplitterDrag } from '../components/splitter';
import { useAppStore } from '../state/app-store-context';
import { PANE_SIZE_LIMITS } from '../state/layout-preference';
import { useAppStoreApi } from '../state/use-app-store-api';
import { useSim } from '../sim/sim-runtime';
import type { FieldNode, FrameDetails } from '../sim/sim-protocol';
import { PROTOCOL_COLORS } from '../timeline/protocol-colors';
import { formatEventTime } from '../timeline/time-format';
import { describeDecision } from './decision-text';
import { asciiOf, fieldAtByte, hexByte, hexRows, layerAtByte, listFields, rangeOf, type ByteRange } from './hex-map';
import './inspector.css';

type Loaded = { readonly seq: number; readonly details: FrameDetails } | { readonly seq: number; readonly error: string };

function inRange(range: ByteRange | null, offset: number): boolean {
  return range !== null && range.start <= offset && offset < range.end;
}

export function PacketInspector() {
  const seq = useAppStore((state) => state.inspectedSeq);
  return seq === null ? null : <InspectorPanel key={seq} seq={seq} />;
}

function InspectorPanel({ seq }: { seq: number }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { client } = useSim();
  const devices = useAppStore((state) => state.lab.devices);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  // The Ethernet header starts folded: the IP layers are what the course is about.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set([0]));

  useEffect(() => {
    let live = true;
    client
      .request('inspect', { seq })
      .then((details) => live && setLoaded({ seq, details }))
      .catch((error: unknown) => live && setLoaded({ seq, error: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [client, seq]);

  const details = loaded !== null && 'details' in loaded ? loaded.details : null;
  const fields = useMemo(() => (details === null ? [] : listFields(details.layers)), [details]);
  const byId = useMemo(() => new Map(fields.map((entry) => [entry.id, entry])), [fields]);
  const byteCount = details?.bytes.length ?? 0;
  const selectedRange = selected === null ? null : (() => {
    const entry = byId.get(selected);
    return entry === undefined ? null : rangeOf(entry.node, byteCount);
  })();
  const hoveredRange = hovered === null ? null : (() => {
    const entry = byId.get(hovered);
    return entry === undefined ? null : rangeOf(entry.node, byteCount);
  })();
  const close = () => store.getState().inspectEvent(null);
  const treeShare = useAppStore((state) => state.layout.inspectorTreeShare);
  const panesRef = useRef<HTMLDivElement>(null);
  const onSplitMove = useSplitterDrag(() => (panesRef.current?.getBoundingClientRect().height ?? 0) * treeShare, 1, (height) => {
    const total = panesRef.current?.getBoundingClientRect().height ?? 0;
    if (total > 0) store.getState().setPaneSize('inspectorTreeShare', height / total);
  });

  const kindOf = (name: string) => devices.find((device) => device.name === name)?.kind;

  const selectByte = (offset: number) => {
    const entry = fieldAtByte(fields, offset);
    if (entry === undefined) return;
    setSelected(entry.id);
    const layer = Number(entry.id.split('.')[0]);
    if (collapsed.has(layer)) setCollapsed(new Set([...collapsed].filter((index) => index !== layer)));
  };

  const renderField = (node: FieldNode, id: string, depth: number) => (
    <li key={id} role="treeitem" aria-selected={selected === id}>
      <button
        type="button"
        className={`pdu-field${selected === id ? ' pdu-field--selected' : ''}${hovered === id ? ' pdu-field--hovered' : ''}`}
        style={{ paddingLeft: 8 + depth * 14 }}
        data-testid="inspector-field"
        data-field={node.name}
        onClick={() => setSelected(selected === id ? null : id)}
        onMouseEnter={() => setHovered(id)}
        onMouseLeave={() => setHovered(null)}
      >
        <span className="pdu-field__name">{node.name}:</span> <span className="pdu-field__value">{node.value}</span>
      </button>
      {node.children && node.children.length > 0 && <ul role="group">{node.children.map((child, index) => renderField(child, `${id}.${index}`, depth + 1))}</ul>}
    </li>
  );

  return (
    <aside className="inspector" aria-label={t('inspector.title')} data-testid="packet-inspector">
      <header className="inspector__header">
        <h2 className="inspector__title">{t('inspector.title')}</h2>
        {details && (
          <span className="inspector__protocol" style={{ ['--chip-color' as string]: PROTOCOL_COLORS[details.row.frameClass] }}>
            {t(`timeline.class.${details.row.frameClass}`)}
          </span>
        )}
        <button type="button" className="icon-button inspector__close" aria-label={t('inspector.close')} title={t('inspector.close')} onClick={close} data-testid="inspector-close">
          ×
        </button>
      </header>
      {loaded === null && <p className="inspector__loading">{t('inspector.loading')}</p>}
      {loaded !== null && 'error' in loaded && <p className="inspector__error">{t('inspector.gone')}</p>}
      {details && (
        <div className="inspector__body">
          <div className="inspector__facts">
          {details.decision && (
            <p className={`inspector__decision inspector__decision--${details.decision.kind}`} data-testid="inspector-decision">
              {describeDecision(details.decision, t, kindOf)}
            </p>
          )}
          <p className="inspector__meta">
            {t('inspector.meta', {
              seq: details.row.seq,
              time: formatEventTime(details.row.timeNs),
              device: details.row.device,
              iface: details.row.iface,
              direction: t(`timeline.direction.${details.row.direction}`),
              length: details.row.length,
            })}
          </p>
          <p className="inspector__summary">{details.summary}</p>
          {details.problem && <p className="inspector__problem">{t('inspector.problem', { problem: details.problem })}</p>}
          </div>
          <div ref={panesRef} className="inspector__panes" style={{ gridTemplateRows: `${Math.round(treeShare * 1000) / 10}% auto minmax(0, 1fr)` }}>
          <div className="inspector__tree">
            <h3 className="inspector__section">{t('inspector.layers')}</h3>
            <ul className="pdu-tree" role="tree" aria-label={t('inspector.layers')}>
              {details.layers.map((layer, index) => {
                const open = !collapsed.has(index);
                return (
                  <li key={index} role="treeitem" aria-expanded={open} className="pdu-layer">
                    <button
                      type="button"
                      className="pdu-layer__title"
                      data-testid="inspector-layer"
                      onClick={() => setCollapsed(open ? new Set([...collapsed, index]) : new Set([...collapsed].filter((i) => i !== index)))}
                    >
                      <span className="pdu-layer__twisty" aria-hidden="true">
                        {open ? '▾' : '▸'}
                      </span>
                      <strong>{layer.protocol}</strong>
                      {layer.title && <span className="pdu-layer__detail">{layer.title}</span>}
                    </button>
                    {open && <ul role="group">{layer.fields.map((node, fieldIndex) => renderField(node, `${index}.${fieldIndex}`, 1))}</ul>}
                  </li>
                );
              })}
            </ul>
          </div>
          <Splitter axis="y" label={t('inspector.resizeSplit')} testId="inspector-bytes-splitter" onMove={onSplitMove} onExtreme={(end) => store.getState().setPaneSize('inspectorTreeShare', PANE_SIZE_LIMITS.inspectorTreeShare[end])} />
          <div className="inspector__bytes">
            <h3 className="inspector__section" title={t('inspector.bytesHint')}>
              {t('inspector.bytes')} <span className="inspector__hint">{t('inspector.bytesHint')}</span>
            </h3>
            <div className="pdu-hex" role="grid" aria-label={t('inspector.bytes')} data-testid="hex-view" onMouseLeave={() => setHovered(null)}>
              {hexRows(details.bytes).map((row) => (
                <div key={row.offset} className="pdu-hex__row" role="row">
                  <span className="pdu-hex__offset">{row.offset.toString(16).padStart(4, '0')}</span>
                  <span className="pdu-hex__bytes">
                    {row.bytes.map((value, index) => {
                      const offset = row.offset + index;
                      const layer = layerAtByte(details.layers, offset);
                      return (
                        <span
                          key={offset}
                          role="gridcell"
                          className={`pdu-hex__byte pdu-hex__byte--layer${layer % 4}${inRange(selectedRange, offset) ? ' pdu-hex__byte--selected' : ''}${inRange(hoveredRange, offset) ? ' pdu-hex__byte--hovered' : ''}`}
                          data-offset={offset}
                          onMouseEnter={() => setHovered(fieldAtByte(fields, offset)?.id ?? null)}
                          onClick={() => selectByte(offset)}
                        >
                          {hexByte(value)}
                        </span>
                      );
                    })}
                  </span>
                  <span className="pdu-hex__ascii" aria-hidden="true">
                    {row.bytes.map((value, index) => (
                      <span key={index} className={inRange(selectedRange, row.offset + index) ? 'pdu-hex__char--selected' : undefined}>
                        {asciiOf(value)}
                      </span>
                    ))}
                  </span>
                </div>
              ))}
            </div>
          </div>
          </div>
        </div>
      )}
    </aside>
  );
}
