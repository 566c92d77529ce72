/**
 * A pane's error boundary: when what it holds throws, it shows what happened in both languages
 * (the current one first) with a Try again button, and Try again mounts the pane afresh.
 * (The test drives the boundary's React lifecycle by hand: there is no DOM in unit tests.)
 */
import { createElement, isValidElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { PaneBoundary } from '../../../renderer/components/pane-boundary';
import { createI18n } from '../../../renderer/i18n/setup-i18n';

function boundaryAfter(error: unknown) {
  const boundary = new PaneBoundary({ pane: 'inspector', children: createElement('p', null, 'inspector body') });
  boundary.state = { ...boundary.state, ...PaneBoundary.getDerivedStateFromError(error) };
  return boundary;
}

function html(element: unknown, language: 'vi' | 'en'): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, element as ReactElement));
}

describe('pane error boundary', () => {
  it('renders its children while nothing failed', () => {
    const boundary = new PaneBoundary({ pane: 'canvas', children: createElement('p', null, 'canvas body') });
    expect(html(boundary.render(), 'vi')).toBe('<p>canvas body</p>');
  });

  it('after an error shows the message in Vietnamese and English with the error and a retry button', () => {
    const vi = html(boundaryAfter(new Error('boom at layer 3')).render(), 'vi');
    expect(vi).toContain('data-testid="pane-failure-inspector"');
    expect(vi).toContain('Khung này đã ngừng hoạt động: chi tiết gói tin.');
    expect(vi).toContain('This pane stopped working: packet details.');
    expect(vi.indexOf('Khung này')).toBeLessThan(vi.indexOf('This pane'));
    expect(vi).toContain('boom at layer 3');
    expect(vi).toContain('>Thử lại</button>');
    const en = html(boundaryAfter('not an Error').render(), 'en');
    expect(en.indexOf('This pane')).toBeLessThan(en.indexOf('Khung này'));
    expect(en).toContain('not an Error');
    expect(en).toContain('>Try again</button>');
  });

  it('Try again clears the error and mounts the children under a new key', () => {
    const boundary = boundaryAfter(new Error('boom'));
    const before = new PaneBoundary({ pane: 'inspector', children: null }).render();
    let next = boundary.state;
    boundary.setState = ((update: (state: typeof next) => typeof next) => {
      next = { ...next, ...update(next) };
    }) as typeof boundary.setState;
    const failure = boundary.render();
    if (!isValidElement<{ onRetry: () => void }>(failure)) throw new Error('no failure element');
    failure.props.onRetry();
    expect(next.error).toBeNull();
    boundary.state = next;
    const after = boundary.render();
    expect(isValidElement(after) && isValidElement(before) && after.key !== before.key).toBe(true);
  });
});
