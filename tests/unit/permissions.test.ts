import { describe, expect, it } from 'vitest';
import { can, roomAccess, type AccessContext, type Membership, type Phase } from '../../lib/permissions/can';

const section = { leadState: 'PER', coEditingStates: ['MEX'], frozen: false };

function ctx(membership: Membership, phase: Phase = 'drafting', isAdmin = false, archived = false): AccessContext {
  return { actor: { userId: 'u', isAdmin }, membership, plan: { phase, archived } };
}

const chair: Membership = { role: 'chair', stateCode: null };
const peru: Membership = { role: 'coordinator', stateCode: 'PER' };
const mexico: Membership = { role: 'coordinator', stateCode: 'MEX' };
const brazil: Membership = { role: 'coordinator', stateCode: 'BRA' };
const observer: Membership = { role: 'observer', stateCode: null };

describe('can', () => {
  it('lets the administrator finish setting a plan up, archive it and delete it; nobody else', () => {
    const admin = ctx(null, 'drafting', true);
    for (const type of ['plan.manage', 'audit.read', 'plan.archive', 'plan.delete'] as const)
      expect(can(admin, { type })).toBe(true);
    expect(can(admin, { type: 'plan.changePhase' })).toBe(false);
    expect(can(ctx(chair), { type: 'plan.changePhase' })).toBe(true);
    for (const m of [chair, peru, observer]) {
      expect(can(ctx(m), { type: 'plan.archive' })).toBe(false);
      expect(can(ctx(m), { type: 'plan.delete' })).toBe(false);
    }
  });

  it('makes an archived plan read-only for everyone until the administrator restores it', () => {
    const archived = (m: Membership, isAdmin = false) => ctx(m, 'drafting', isAdmin, true);
    for (const m of [chair, peru, observer]) expect(can(archived(m), { type: 'plan.read' })).toBe(true);
    expect(can(archived(chair), { type: 'section.write', section })).toBe(false);
    expect(can(archived(peru), { type: 'section.write', section })).toBe(false);
    expect(can(archived(chair), { type: 'plan.manage' })).toBe(false);
    expect(can(archived(peru), { type: 'section.comment' })).toBe(false);
    expect(can(archived(null, true), { type: 'plan.manage' })).toBe(false);
    expect(can(archived(null, true), { type: 'plan.archive' })).toBe(true);
    expect(roomAccess(archived(chair), { kind: 'section', section })).toBe('read');
    expect(roomAccess(archived(chair, false), { kind: 'goal' })).toBe('read');
  });

  it('lets every member read and nobody else, except an administrator', () => {
    for (const m of [chair, peru, observer]) expect(can(ctx(m), { type: 'plan.read' })).toBe(true);
    expect(can(ctx(null), { type: 'plan.read' })).toBe(false);
    expect(can(ctx(null, 'drafting', true), { type: 'plan.read' })).toBe(true);
  });

  it.each([
    ['the lead state', peru, 'drafting', true],
    ['a co-editing state', mexico, 'drafting', true],
    ['another state', brazil, 'drafting', false],
    ['an observer', observer, 'drafting', false],
    ['the chair', chair, 'drafting', true],
    ['the lead state in consolidation', peru, 'consolidation', true],
    ['the lead state in the goal phase', peru, 'goal', false],
    ['the lead state once adopted', peru, 'adopted', false],
    ['the chair once adopted', chair, 'adopted', false],
  ] as const)('section writing by %s', (_label, membership, phase, allowed) => {
    expect(can(ctx(membership, phase), { type: 'section.write', section })).toBe(allowed);
  });

  it.each([
    ['the chair', chair, 'drafting', section, true],
    ['the chair, the goal', chair, 'drafting', undefined, true],
    ['the lead state', peru, 'drafting', section, true],
    ['the lead state in consolidation', peru, 'consolidation', section, true],
    ['a co-editing state', mexico, 'drafting', section, false],
    ['another state', brazil, 'drafting', section, false],
    ['an observer', observer, 'drafting', section, false],
    ['the lead state, the section frozen', peru, 'drafting', { ...section, frozen: true }, false],
    ['the lead state, the goal', peru, 'drafting', undefined, false],
    ['the lead state once adopted', peru, 'adopted', section, false],
    ['the chair once adopted', chair, 'adopted', section, false],
  ] as const)('restoring a version by %s', (_label, membership, phase, target, allowed) => {
    expect(can(ctx(membership, phase), { type: 'version.restore', ...(target && { section: target }) })).toBe(allowed);
  });

  it('closes a frozen section to coordinators but not to the chair', () => {
    const frozen = { ...section, frozen: true };
    expect(can(ctx(peru), { type: 'section.write', section: frozen })).toBe(false);
    expect(can(ctx(chair), { type: 'section.write', section: frozen })).toBe(true);
  });

  it('lets only the chair write the goal, and only in the goal phase', () => {
    expect(can(ctx(chair, 'goal'), { type: 'goal.write' })).toBe(true);
    expect(can(ctx(chair, 'drafting'), { type: 'goal.write' })).toBe(false);
    expect(can(ctx(peru, 'goal'), { type: 'goal.write' })).toBe(false);
  });

  it('lets only the chair resolve overlaps, while sections are being drafted or consolidated', () => {
    expect(can(ctx(chair, 'drafting'), { type: 'overlap.resolve' })).toBe(true);
    expect(can(ctx(chair, 'consolidation'), { type: 'overlap.resolve' })).toBe(true);
    expect(can(ctx(chair, 'adopted'), { type: 'overlap.resolve' })).toBe(false);
    for (const m of [peru, observer]) expect(can(ctx(m, 'consolidation'), { type: 'overlap.resolve' })).toBe(false);
  });

  it.each([
    ['the chair', chair, 'drafting', true],
    ['the lead state', peru, 'drafting', true],
    ['a state that does not edit the section', brazil, 'consolidation', true],
    ['a coordinator in the goal phase', brazil, 'goal', true],
    ['an observer', observer, 'drafting', false],
    ['the chair once adopted', chair, 'adopted', false],
    ['a coordinator once adopted', peru, 'adopted', false],
    ['someone outside the plan', null, 'drafting', false],
  ] as const)("writing in a section's discussion by %s", (_label, membership, phase, allowed) => {
    expect(can(ctx(membership, phase), { type: 'section.comment' })).toBe(allowed);
  });

  it.each([
    ['its author', peru, 'u', 'drafting', true, true],
    ['another coordinator', brazil, 'someone else', 'drafting', false, false],
    ["the chair, of a coordinator's message", chair, 'someone else', 'consolidation', false, true],
    ['its author once adopted', peru, 'u', 'adopted', false, false],
    ['its author, now an observer', observer, 'u', 'drafting', false, false],
    ['nobody, for a message whose author is gone', chair, null, 'drafting', false, true],
  ] as const)('editing and withdrawing a message: %s', (_label, membership, authorId, phase, edits, withdraws) => {
    expect(can(ctx(membership, phase), { type: 'comment.edit', authorId })).toBe(edits);
    expect(can(ctx(membership, phase), { type: 'comment.withdraw', authorId })).toBe(withdraws);
  });

  it.each([
    ['an observer, while the chair keeps it open', observer, 'drafting', true, true],
    ['an observer, while it is closed', observer, 'drafting', false, false],
    ['a coordinator, answering observers', brazil, 'drafting', true, true],
    ['the chair', chair, 'consolidation', true, true],
    ['an observer once adopted', observer, 'adopted', true, false],
    ['someone outside the plan', null, 'drafting', true, false],
  ] as const)("writing in the observers' channel: %s", (_label, membership, phase, open, allowed) => {
    const context = { ...ctx(membership, phase), plan: { phase, archived: false, observerComments: open } };
    expect(can(context, { type: 'section.comment', channel: 'observers' })).toBe(allowed);
    // The delegations' threads stay closed to observers, whatever the channel's setting.
    if (membership === observer) expect(can(context, { type: 'section.comment' })).toBe(false);
  });

  it.each([
    ['its author, an observer, while open', observer, 'u', true, true, true],
    ['its author, an observer, once closed', observer, 'u', false, false, false],
    ['the chair, once closed', chair, 'someone else', false, false, true],
    ['a coordinator, of an observer', brazil, 'someone else', true, false, false],
  ] as const)(
    "editing and withdrawing a message in the observers' channel: %s",
    (_label, membership, authorId, open, edits, withdraws) => {
      const context = {
        ...ctx(membership),
        plan: { phase: 'drafting' as const, archived: false, observerComments: open },
      };
      expect(can(context, { type: 'comment.edit', authorId, channel: 'observers' })).toBe(edits);
      expect(can(context, { type: 'comment.withdraw', authorId, channel: 'observers' })).toBe(withdraws);
    },
  );

  it.each([
    ['its author', brazil, 'u', 'drafting', true],
    ["the lead coordinator, of another state's thread", peru, 'someone else', 'drafting', true],
    ["another coordinator, of someone else's thread", brazil, 'someone else', 'drafting', false],
    ['the chair', chair, 'someone else', 'consolidation', true],
    ['an observer, even its author', observer, 'u', 'drafting', false],
    ['the lead coordinator once adopted', peru, 'someone else', 'adopted', false],
  ] as const)('resolving and reopening a thread: %s', (_label, membership, authorId, phase, allowed) => {
    expect(can(ctx(membership, phase), { type: 'thread.resolve', authorId, leadState: 'PER' })).toBe(allowed);
  });
});

describe('roomAccess', () => {
  it('grants write, read or nothing', () => {
    expect(roomAccess(ctx(peru), { kind: 'section', section })).toBe('write');
    expect(roomAccess(ctx(brazil), { kind: 'section', section })).toBe('read');
    expect(roomAccess(ctx(observer), { kind: 'goal' })).toBe('read');
    expect(roomAccess(ctx(null), { kind: 'goal' })).toBe('none');
  });
});

describe('amendments', () => {
  const jamaica: Membership = { role: 'coordinator', stateCode: 'JAM' };

  it('lets any coordinator and the chair propose while the text is negotiated, never an observer', () => {
    for (const m of [peru, mexico, brazil, chair]) expect(can(ctx(m), { type: 'amendment.propose' })).toBe(true);
    expect(can(ctx(observer), { type: 'amendment.propose' })).toBe(false);
    expect(can(ctx(null), { type: 'amendment.propose' })).toBe(false);
    for (const phase of ['goal', 'adopted'] as const)
      expect(can(ctx(brazil, phase), { type: 'amendment.propose' })).toBe(false);
  });

  it('lets other states co-sponsor or object, not the sponsor, the chair or an observer', () => {
    expect(can(ctx(brazil), { type: 'amendment.stand', sponsorState: 'MEX' })).toBe(true);
    expect(can(ctx(mexico), { type: 'amendment.stand', sponsorState: 'MEX' })).toBe(false);
    expect(can(ctx(chair), { type: 'amendment.stand', sponsorState: 'MEX' })).toBe(false);
    expect(can(ctx(observer), { type: 'amendment.stand', sponsorState: 'MEX' })).toBe(false);
  });

  it("lets the section's lead state and the chair decide; not the sponsor, a co-editor or a frozen lead", () => {
    expect(can(ctx(peru), { type: 'amendment.decide', section })).toBe(true);
    expect(can(ctx(chair), { type: 'amendment.decide', section })).toBe(true);
    for (const m of [mexico, brazil, jamaica, observer])
      expect(can(ctx(m), { type: 'amendment.decide', section })).toBe(false);
    expect(can(ctx(peru), { type: 'amendment.decide', section: { ...section, frozen: true } })).toBe(false);
    expect(can(ctx(chair, 'adopted'), { type: 'amendment.decide', section })).toBe(false);
  });

  it('lets only the proposing state withdraw', () => {
    expect(can(ctx(mexico), { type: 'amendment.withdraw', sponsorState: 'MEX' })).toBe(true);
    expect(can(ctx(brazil), { type: 'amendment.withdraw', sponsorState: 'MEX' })).toBe(false);
    expect(can(ctx(chair), { type: 'amendment.withdraw', sponsorState: 'MEX' })).toBe(false);
    expect(can(ctx(chair), { type: 'amendment.withdraw', sponsorState: null })).toBe(true);
  });
});

describe('paragraph status', () => {
  it('lets only the chair set it, and only while the plan is consolidated', () => {
    expect(can(ctx(chair, 'consolidation'), { type: 'paragraph.status' })).toBe(true);
    for (const m of [peru, mexico, observer, null])
      expect(can(ctx(m, 'consolidation'), { type: 'paragraph.status' })).toBe(false);
    for (const phase of ['goal', 'drafting', 'adopted'] as const)
      expect(can(ctx(chair, phase), { type: 'paragraph.status' })).toBe(false);
  });

  it('lets a state’s coordinator record its reservation once the text is consolidated or adopted, and no one else', () => {
    for (const phase of ['consolidation', 'adopted'] as const) {
      expect(can(ctx(peru, phase), { type: 'paragraph.reserve' })).toBe(true);
      for (const m of [chair, observer, null]) expect(can(ctx(m, phase), { type: 'paragraph.reserve' })).toBe(false);
    }
    for (const phase of ['goal', 'drafting'] as const)
      expect(can(ctx(peru, phase), { type: 'paragraph.reserve' })).toBe(false);
  });
});
