import { describe, expect, it } from 'vitest';
import { addressKey } from '../../server/collab/access/upgrade-limits';

describe('the address an upgrade is counted under', () => {
  it('takes an IPv4 address as it is, also when mapped into IPv6', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8:aa:bb::99')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:0db8:00aa:00bb:ffff::1')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8:aa:cc::1')).not.toBe(addressKey('2001:db8:aa:bb::1'));
  });

  it('puts sockets without an address together', () => {
    expect(addressKey(undefined)).toBe('unknown');
  });
});
