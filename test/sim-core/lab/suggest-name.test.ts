import { describe, expect, it } from 'vitest';
import { measureEditDistance, suggestClosest } from '../../../sim-core/lab/suggest-name';

describe('did-you-mean suggestions', () => {
  it('edit distance counts inserts, deletes, substitutions and swaps of neighbours', () => {
    expect(measureEditDistance('endpoint', 'endpoints')).toBe(1);
    expect(measureEditDistance('kidn', 'kind')).toBe(1);
    expect(measureEditDistance('R1', 'R2')).toBe(1);
    expect(measureEditDistance('', 'abc')).toBe(3);
  });

  it('suggests a close candidate, case-insensitively', () => {
    expect(suggestClosest('endpoint', ['endpoints', 'delay'])).toBe('endpoints');
    expect(suggestClosest('r1', ['R1', 'PC1'])).toBe('R1');
    expect(suggestClosest('bandwith', ['delay', 'bandwidth', 'mtu'])).toBe('bandwidth');
  });

  it('stays quiet when nothing is close', () => {
    expect(suggestClosest('colour', ['name', 'kind', 'position', 'zone', 'config'])).toBeUndefined();
    expect(suggestClosest('', ['a'])).toBeUndefined();
  });
});
