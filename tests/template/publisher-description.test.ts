import { describe, expect, it } from 'vitest';
import { describePublisher, showPublisher } from '../../src/template/publisher-description.ts';

describe('describePublisher', () => {
  it('derives the words from type, country and state affiliation', () => {
    expect(describePublisher({ name: 'TASS', type: 'news agency', country: 'RU', stateAffiliated: true })).toBe(
      'Russian state news agency',
    );
    expect(describePublisher({ name: 'BBC News', type: 'broadcaster', country: 'GB', stateAffiliated: false })).toBe(
      'British broadcaster',
    );
    expect(describePublisher({ name: 'Reuters', type: 'news agency', stateAffiliated: false })).toBe('news agency');
    expect(describePublisher({ name: 'Office', type: 'government', country: 'UA', stateAffiliated: true })).toBe(
      'Ukrainian government',
    );
    expect(describePublisher({ name: 'ZMINA', type: 'other', country: 'UA', stateAffiliated: false })).toBe(
      'Ukrainian publisher',
    );
    expect(describePublisher({ name: 'KBS', type: 'broadcaster', country: 'KR', stateAffiliated: true })).toBe(
      'state broadcaster, South Korea',
    );
  });
});

describe('showPublisher', () => {
  const publishers = {
    tass: { name: 'TASS', type: 'news agency', country: 'RU', stateAffiliated: true },
    menafn: { name: 'MENAFN', type: 'online outlet', stateAffiliated: false },
  };

  it('shows a registry id by its name and words, and the site it was read on', () => {
    expect(showPublisher({ publisher: 'tass', via: 'menafn' }, publishers)).toEqual({
      name: 'TASS',
      description: 'Russian state news agency',
      stateAffiliated: true,
      via: 'MENAFN',
    });
  });

  it('shows a publisher or via written by name as written, with no words', () => {
    expect(showPublisher({ publisher: 'Prime News Ghana', via: 'Some Site' }, publishers)).toEqual({
      name: 'Prime News Ghana',
      stateAffiliated: false,
      via: 'Some Site',
    });
    expect(showPublisher({ publisher: 'constructor' }, publishers)).toEqual({
      name: 'constructor',
      stateAffiliated: false,
    });
  });
});
