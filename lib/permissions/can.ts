/**
 * The only place that decides access. HTTP routes, server actions and the collaboration server
 * all call `can`; the UI merely mirrors its answers. The table in DESIGN.md is the specification.
 */
export type Phase = 'goal' | 'drafting' | 'consolidation' | 'adopted';
export type Role = 'chair' | 'coordinator' | 'observer';

export type Actor = { userId: string; isAdmin: boolean };
export type Membership = { role: Role; stateCode: string | null } | null;
export type SectionTarget = { leadState: string; coEditingStates: readonly string[]; frozen: boolean };

export type AccessContext = {
  actor: Actor;
  membership: Membership;
  /**
   * `archived`: put away by an administrator; nothing in it changes until it is restored.
   * `observerComments`: the chair opened the observers' channel (absent: closed).
   */
  plan: { phase: Phase; archived: boolean; observerComments?: boolean };
};

/** A section's discussion has two channels: the delegations' threads, and the observers' (when the chair opens it). */
export type Channel = 'delegations' | 'observers';

export type Action =
  | { type: 'plan.read' }
  /** Appoint coordinators and observers, manage sections and their states, freeze. */
  | { type: 'plan.manage' }
  /** Move the plan between phases: the chair's call alone. */
  | { type: 'plan.changePhase' }
  /** Archive a plan or restore it from the archive (an administrator's clean-up). */
  | { type: 'plan.archive' }
  /** Delete a plan and everything in it, for good. */
  | { type: 'plan.delete' }
  | { type: 'plan.appointChair' }
  | { type: 'audit.read' }
  | { type: 'section.write'; section: SectionTarget }
  | { type: 'goal.write' }
  /** Name a version of a section (section omitted: of the goal or of the whole plan). */
  | { type: 'version.name'; section?: SectionTarget }
  /**
   * Restore an earlier version of a document: the chair any; the coordinator of a section's lead state
   * that section, while they may write in it (section omitted: the goal, or asking about any document).
   */
  | { type: 'version.restore'; section?: SectionTarget }
  /** Resolve overlaps between sections, or ask for them to be found again now. */
  | { type: 'overlap.resolve' }
  /** Reopen a resolved overlap: undo a merge, or take back keeping both or dismissing. */
  | { type: 'overlap.reopen' }
  /**
   * Write in a section's discussion (any section: states discuss each other's drafts; all members read
   * it): the delegations' threads (the default), or the observers' channel, where observers write too.
   */
  | { type: 'section.comment'; channel?: Channel }
  /** Change one's own message; withdraw it, or (the chair, keeping order) anyone's. */
  | { type: 'comment.edit'; authorId: string | null; channel?: Channel }
  | { type: 'comment.withdraw'; authorId: string | null; channel?: Channel }
  /** Propose an amendment to any section's text (states amend what they do not write). */
  | { type: 'amendment.propose' }
  /** Co-sponsor or object to another state's amendment. */
  | { type: 'amendment.stand'; sponsorState: string | null }
  /** Accept or reject an amendment to a section: its lead state, or the chair. */
  | { type: 'amendment.decide'; section: SectionTarget }
  /** Withdraw an amendment: the state that proposed it (the chair, its own). */
  | { type: 'amendment.withdraw'; sponsorState: string | null }
  /** Set a paragraph's status (bracketed, ad referendum, agreed) or reopen an agreed one: the chair, consolidating. */
  | { type: 'paragraph.status' }
  /**
   * Record (or withdraw) one's own state's reservation on an agreed paragraph, once the text is being
   * consolidated or is adopted: a coordinator, for the state they speak for (the paragraph's being agreed
   * is checked where the paragraph is known).
   */
  | { type: 'paragraph.reserve' }
  /** Resolve or reopen a thread: its author, the coordinator of the section's lead state, or the chair. */
  | { type: 'thread.resolve'; authorId: string | null; leadState: string };

/** What stays possible in an archived plan: reading it, and the administrator's restoring or deleting it. */
const ARCHIVE_ALLOWS: ReadonlySet<Action['type']> = new Set(['plan.read', 'audit.read', 'plan.archive', 'plan.delete']);

export function can(ctx: AccessContext, action: Action): boolean {
  const { membership, plan } = ctx;
  if (plan.archived && !ARCHIVE_ALLOWS.has(action.type)) return false;
  switch (action.type) {
    case 'plan.read':
      return membership !== null || ctx.actor.isAdmin;
    // The administrator finishes setting a plan up (appoints its coordinators) and reads its audit log.
    case 'plan.manage':
    case 'audit.read':
      return membership?.role === 'chair' || ctx.actor.isAdmin;
    case 'plan.changePhase':
      return membership?.role === 'chair';
    case 'plan.archive':
    case 'plan.delete':
      return ctx.actor.isAdmin;
    case 'plan.appointChair':
      return ctx.actor.isAdmin;
    case 'goal.write':
      return membership?.role === 'chair' && plan.phase === 'goal';
    case 'section.write':
      return canWriteSection(membership, plan.phase, action.section);
    case 'version.name':
      if (membership?.role === 'chair') return true;
      return Boolean(
        action.section &&
        membership?.role === 'coordinator' &&
        membership.stateCode &&
        editsSection(membership.stateCode, action.section),
      );
    case 'version.restore':
      if (plan.phase === 'adopted') return false;
      if (membership?.role === 'chair') return true;
      return Boolean(
        action.section &&
        isCoordinator(membership) &&
        membership!.stateCode === action.section.leadState &&
        canWriteSection(membership, plan.phase, action.section),
      );
    case 'overlap.resolve':
    case 'overlap.reopen':
      return membership?.role === 'chair' && (plan.phase === 'drafting' || plan.phase === 'consolidation');
    case 'section.comment':
      if (plan.phase === 'adopted' || !membership) return false;
      // Observers write only in the observers' channel, and only while the chair keeps it open.
      if (action.channel === 'observers') return plan.observerComments === true;
      return membership.role === 'chair' || membership.role === 'coordinator';
    case 'comment.edit':
      return can(ctx, { type: 'section.comment', channel: action.channel }) && action.authorId === ctx.actor.userId;
    case 'comment.withdraw':
      // The chair may hide any message, the observers' channel's too, open or closed.
      if (membership?.role === 'chair') return can(ctx, { type: 'section.comment' });
      return can(ctx, { type: 'section.comment', channel: action.channel }) && action.authorId === ctx.actor.userId;
    case 'amendment.propose':
      return negotiating(plan.phase) && (membership?.role === 'chair' || isCoordinator(membership));
    case 'amendment.stand':
      return negotiating(plan.phase) && isCoordinator(membership) && membership!.stateCode !== action.sponsorState;
    case 'amendment.decide':
      if (!negotiating(plan.phase)) return false;
      return (
        membership?.role === 'chair' ||
        (isCoordinator(membership) && membership!.stateCode === action.section.leadState && !action.section.frozen)
      );
    case 'amendment.withdraw':
      if (!negotiating(plan.phase)) return false;
      return action.sponsorState === null
        ? membership?.role === 'chair'
        : isCoordinator(membership) && membership!.stateCode === action.sponsorState;
    case 'paragraph.status':
      return membership?.role === 'chair' && plan.phase === 'consolidation';
    case 'paragraph.reserve':
      return isCoordinator(membership) && (plan.phase === 'consolidation' || plan.phase === 'adopted');
    case 'thread.resolve':
      if (!can(ctx, { type: 'section.comment' })) return false;
      if (membership?.role === 'chair' || action.authorId === ctx.actor.userId) return true;
      return membership?.role === 'coordinator' && membership.stateCode === action.leadState;
  }
}

/** The phases in which the text is negotiated: amendments are proposed and decided. */
function negotiating(phase: Phase): boolean {
  return phase === 'drafting' || phase === 'consolidation';
}

/** A coordinator speaking for a state. */
function isCoordinator(membership: Membership): boolean {
  return membership?.role === 'coordinator' && Boolean(membership.stateCode);
}

function editsSection(state: string, section: SectionTarget): boolean {
  return section.leadState === state || section.coEditingStates.includes(state);
}

/** Instance-level decisions that concern no plan. */
export function canCreatePlan(actor: Actor): boolean {
  return actor.isAdmin;
}

/** See every plan, archived ones included, to archive, restore or delete them. */
export function canListAllPlans(actor: Actor): boolean {
  return actor.isAdmin;
}

function canWriteSection(membership: Membership, phase: Phase, section: SectionTarget): boolean {
  if (!membership) return false;
  if (phase !== 'drafting' && phase !== 'consolidation') return false;
  if (membership.role === 'chair') return true;
  if (membership.role !== 'coordinator' || !membership.stateCode) return false;
  if (section.frozen) return false;
  return editsSection(membership.stateCode, section);
}

export type RoomAccess = 'write' | 'read' | 'none';

/** What a collaboration connection to a room may do: the strongest action `can` allows. */
export function roomAccess(
  ctx: AccessContext,
  room: { kind: 'goal' } | { kind: 'section'; section: SectionTarget },
): RoomAccess {
  if (!can(ctx, { type: 'plan.read' })) return 'none';
  const write =
    room.kind === 'goal'
      ? can(ctx, { type: 'goal.write' })
      : can(ctx, { type: 'section.write', section: room.section });
  return write ? 'write' : 'read';
}

/** Make a password reset link for any account: an administrator, for someone who forgot theirs. */
export function canResetPasswords(actor: Actor): boolean {
  return actor.isAdmin;
}
