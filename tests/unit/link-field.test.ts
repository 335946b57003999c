import { describe, expect, it } from 'vitest';
import { linkTarget } from '../../app/_components/editor/link-field';

describe('the link field', () => {
  it('takes full web and email addresses, and empty to remove the link', () => {
    expect(linkTarget(' https://www.oas.org/en ')).toEqual({ href: 'https://www.oas.org/en' });
    expect(linkTarget('mailto:sg@oas.org')).toEqual({ href: 'mailto:sg@oas.org' });
    expect(linkTarget('   ')).toEqual({ remove: true });
  });

  it('refuses what is not an address a reader can follow safely', () => {
    for (const typed of ['www.oas.org', 'javascript:alert(1)', 'https://', 'data:text/html,x'])
      expect(linkTarget(typed)).toBeNull();
  });
});
