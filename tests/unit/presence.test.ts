import { describe, expect, it } from 'vitest';
import { Presence } from '../../lib/presence-registry';

describe('presence', () => {
  it('counts a user online while any of their connections to the room is open', () => {
    const presence = new Presence();
    presence.markOnline('room', 'ana');
    presence.markOnline('room', 'ana');
    presence.markOnline('room', 'ben');
    presence.markOffline('room', 'ana');
    expect(presence.onlineIn('room').sort()).toEqual(['ana', 'ben']);
    presence.markOffline('room', 'ana');
    presence.markOffline('room', 'ana');
    expect(presence.onlineIn('room')).toEqual(['ben']);
    presence.markOnline('room', 'ana');
    expect(presence.onlineIn('room').sort()).toEqual(['ana', 'ben']);
    expect(presence.snapshot()).toEqual({ room: expect.arrayContaining(['ana', 'ben']) });
  });

  it('tells listeners when someone arrives or leaves, not on every extra tab', () => {
    const presence = new Presence();
    let changes = 0;
    presence.onChange(() => changes++);
    presence.markOnline('room', 'ana');
    presence.markOnline('room', 'ana');
    presence.markOffline('room', 'ana');
    expect(changes).toBe(1);
    presence.markOffline('room', 'ana');
    expect(changes).toBe(2);
  });

  it('adds what other instances said until they say otherwise or fall silent', () => {
    let now = 1_000;
    const presence = new Presence(() => now);
    presence.markOnline('room', 'ana');
    presence.setRemote('instance-b', { room: ['ben', 'ana'], other: ['cy'] }, 30_000);
    presence.setRemote('instance-c', { room: ['dee'] }, 30_000);
    expect(presence.onlineIn('room').sort()).toEqual(['ana', 'ben', 'dee']);
    expect(presence.onlineIn('other')).toEqual(['cy']);
    // Remote users are told to the others by their own instance, not by this one.
    expect(presence.snapshot()).toEqual({ room: ['ana'] });

    presence.setRemote('instance-b', { other: ['cy'] }, 30_000);
    expect(presence.onlineIn('room').sort()).toEqual(['ana', 'dee']);
    presence.forgetRemote('instance-c');
    expect(presence.onlineIn('room')).toEqual(['ana']);

    now += 30_000;
    expect(presence.onlineIn('other')).toEqual([]);
  });
});
