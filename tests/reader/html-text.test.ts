import { describe, expect, it } from 'vitest';
import { htmlText } from '../../src/site/html-text.ts';

describe('htmlText', () => {
  it('escapes &, < and > and writes quotes as typed', () => {
    expect(htmlText(`Putin's "first step" </script><b>&amp;`)).toBe(
      `Putin's "first step" &lt;/script&gt;&lt;b&gt;&amp;amp;`,
    );
  });
});
