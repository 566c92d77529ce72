/**
 * The simulation's event list: one row per frame sent, received or dropped (time, device,
 * interface, direction, protocol, summary), the protocol filter above it, and the rows of the
 * last step marked. Rows live in the TimelineBuffer, not in React state: the list re-reads them
 * once per animation frame when the buffer changed, and draws only the rows in view (a fixed
 * row height), so 100 000 events scroll as smoothly as ten. Clicking a row opens the inspector;
 * the opened row is kept in view when the list shrinks for it.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store-context';
import { useAppStoreApi } from '../state/use-app-store-api';
import { useSim } from '../sim/sim-runtime';
import { ROW_CLASSES, type TraceRow } from '../sim/sim-protocol';
import { filterRows } from '../sim/timeline-buffer';
import { dropReasonText } from '../inspector/decision-text';
import { PROTOCOL_COLORS } from './protocol-colors';
import './timeline.css';
import { formatEventTime } from './time-format';

const ROW_HEIGHT_PX = 24;
const OVERSCAN_ROWS = 8;

/** The buffer's version, at most once per animation frame. */
function useTimelineVersion(): number {
  const { timeline } = useSim();
  const subscribe = useMemo(
    () => (notify: () => void) => {
      let frame = 0;
      const unsubscribe = timeline.subscribe(() => {
        if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), notify()));
      });
      return () => {
        unsubscribe();
        if (frame !== 0) cancelAnimationFrame(frame);
      };
    },
    [timeline],
  );
  return useSyncExternalStore(subscribe, () => timeline.version);
}

export function EventList() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { timeline } = useSim();
  const version = useTimelineVersion();
  const hidden = useAppStore((state) => state.hiddenClasses);
  const inspected = useAppStore((state) => state.inspectedSeq);
  const rows = useMemo(() => filterRows(timeline.all(), hidden), [timeline, hidden, version]);
  const lastStep = timeline.lastStep;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(300);
  const stickToEnd = useRef(true);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // New rows keep the newest in view, unless the person scrolled up to read.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && stickToEnd.current) {
      element.scrollTop = element.scrollHeight;
      setScrollTop(element.scrollTop);
    }
  }, [rows.length]);

  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  // The opened event stays in view when the inspector opens under the list and shrinks it
  // (not when new rows arrive: the trainee may have scrolled away on purpose).
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || inspected === null) return;
    const index = rowsRef.current.findIndex((row) => row.seq === inspected);
    if (index < 0) return;
    const top = index * ROW_HEIGHT_PX;
    if (top < element.scrollTop || top + ROW_HEIGHT_PX > element.scrollTop + element.clientHeight) {
      element.scrollTop = Math.max(0, top - (element.clientHeight - ROW_HEIGHT_PX) / 2);
      stickToEnd.current = false;
      setScrollTop(element.scrollTop);
    }
  }, [inspected, viewHeight]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT_PX) - OVERSCAN_ROWS);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT_PX) + OVERSCAN_ROWS);
  const visible = rows.slice(first, last);

  const open = (row: TraceRow) => store.getState().inspectEvent(row.seq);

  return (
    <section className="event-panel" aria-label={t('timeline.events')} data-testid="event-panel">
      <header className="event-panel__header">
        <h2 className="event-panel__title">{t('timeline.events')}</h2>
        <span className="event-panel__count" data-testid="event-count">
          {t('timeline.count', { shown: rows.length, total: timeline.size })}
        </span>
        {timeline.omitted > 0 && <span className="event-panel__omitted">{t('timeline.omitted', { count: timeline.omitted })}</span>}
      </header>
      <div className="event-panel__filters" role="group" aria-label={t('timeline.filter')}>
        {ROW_CLASSES.map((frameClass) => {
          const shown = !hidden.includes(frameClass);
          return (
            <button
              key={frameClass}
              type="button"
              className="protocol-chip"
              aria-pressed={shown}
              data-testid={`filter-${frameClass}`}
              style={{ ['--chip-color' as string]: PROTOCOL_COLORS[frameClass] }}
              onClick={() => store.getState().toggleHiddenClass(frameClass)}
              title={shown ? t('timeline.hideClass', { name: t(`timeline.class.${frameClass}`) }) : t('timeline.showClass', { name: t(`timeline.class.${frameClass}`) })}
            >
              {t(`timeline.class.${frameClass}`)}
            </button>
          );
        })}
      </div>
      <div className="event-table__head" role="presentation">
        <span>{t('timeline.column.time')}</span>
        <span>{t('timeline.column.device')}</span>
        <span aria-label={t('timeline.column.direction')} />
        <span>{t('timeline.column.protocol')}</span>
        <span>{t('timeline.column.summary')}</span>
      </div>
      <div
        ref={scrollRef}
        className="event-table"
        role="listbox"
        aria-label={t('timeline.events')}
        data-testid="event-table"
        onScroll={(event) => {
          const element = event.currentTarget;
          setScrollTop(element.scrollTop);
          stickToEnd.current = element.scrollTop + element.clientHeight >= element.scrollHeight - ROW_HEIGHT_PX;
        }}
      >
        {rows.length === 0 ? (
          <p className="event-table__empty">{t('timeline.empty')}</p>
        ) : (
          <div style={{ height: rows.length * ROW_HEIGHT_PX, position: 'relative' }}>
            {visible.map((row, index) => {
              const inStep = lastStep !== null && lastStep.firstSeq <= row.seq && row.seq < lastStep.endSeq;
              return (
                <div
                  key={row.seq}
                  role="option"
                  aria-selected={inspected === row.seq}
                  className={`event-row event-row--${row.direction}${inStep ? ' event-row--step' : ''}`}
                  style={{ top: (first + index) * ROW_HEIGHT_PX, height: ROW_HEIGHT_PX }}
                  data-testid="event-row"
                  data-seq={row.seq}
                  data-class={row.frameClass}
                  onClick={() => open(row)}
                  title={row.summary}
                >
                  <span className="event-row__time">{formatEventTime(row.timeNs)}</span>
                  <span className="event-row__where">
                    <span className="event-row__device">{row.device}</span> <span className="event-row__iface">{shortInterfaceName(row.iface)}</span>
                  </span>
                  <span className={`event-row__direction event-row__direction--${row.direction}`} title={t(`timeline.direction.${row.direction}`)} aria-label={t(`timeline.direction.${row.direction}`)}>
                    {row.direction === 'tx' ? '→' : row.direction === 'rx' ? '←' : '✕'}
                  </span>
                  <span className="event-row__protocol" style={{ ['--chip-color' as string]: PROTOCOL_COLORS[row.frameClass] }}>
                    {t(`timeline.class.${row.frameClass}`)}
                  </span>
                  <span className="event-row__summary">{row.reason === null ? stripProtocol(row.summary) : `${t('timeline.dropped', { reason: dropReasonText(row.reason, t) })} · ${stripProtocol(row.summary)}`}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}

/** IOS's short interface names (GigabitEthernet0/1 → Gi0/1), so the list keeps room for the summary. */
export function shortInterfaceName(name: string): string {
  return name.replace(/^TenGigabitEthernet/, 'Te').replace(/^GigabitEthernet/, 'Gi').replace(/^FastEthernet/, 'Fa');
}

/** "ICMPv6: Echo (ping) request …" → "Echo (ping) request …" (the protocol has its own column). */
function stripProtocol(summary: string): string {
  const colon = summary.indexOf(': ');
  return 0 < colon && colon < 12 ? summary.slice(colon + 2) : summary;
}
