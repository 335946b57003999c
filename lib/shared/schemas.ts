import * as Y from 'yjs';
import { LOCALES } from '../i18n/locales';
import { bytesFromBase64 } from './base64';
import { MENTIONS_MAX, MESSAGE_MAX_CHARS, QUOTE_MAX_CHARS } from './discussion';
import { z } from './zod';

/** Request bodies of the JSON API, shared by route handlers (validation) and the UI (types). */
const stateCode = z.string().regex(/^[A-Z]{3}$/);
/** The longest title of a plan or section: a whole line of a document's heading, and then some. */
export const TITLE_MAX = 300;
const title = z.string().trim().min(1).max(TITLE_MAX);

export const phaseSchema = z.enum(['goal', 'drafting', 'consolidation', 'adopted']);

export const createPlanInput = z.object({ title, chairEmail: z.string().trim().toLowerCase().email() });

/** Archive a plan (true) or restore it (false). */
export const archivePlanInput = z.object({ archived: z.boolean() });

/** Deleting a plan: its title, typed again by the administrator to confirm which plan goes. */
export const deletePlanInput = z.object({ title: z.string().max(TITLE_MAX) });

export const appointInput = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    role: z.enum(['chair', 'coordinator', 'observer']),
    stateCode: stateCode.optional(),
  })
  .refine((v) => (v.role === 'coordinator') === Boolean(v.stateCode), {
    path: ['stateCode'],
    params: { reason: 'coordinatorState' },
  });

export const createSectionInput = z.object({
  title,
  leadState: stateCode,
  coEditingStates: z.array(stateCode).max(35).default([]),
});

export const updateSectionInput = z
  .object({
    title: title.optional(),
    leadState: stateCode.optional(),
    coEditingStates: z.array(stateCode).max(35).optional(),
    frozen: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { params: { reason: 'nothingToChange' } });

export const reorderSectionsInput = z.object({ sectionIds: z.array(z.string().uuid()).min(1) });

export const changePhaseInput = z.object({ phase: phaseSchema });

export const acceptInvitationInput = z.object({
  name: z.string().trim().min(1).max(120),
  password: z.string().min(8).max(200),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});

export const issuePasswordResetInput = z.object({ email: z.string().trim().email().max(320) });

export const resetPasswordInput = z.object({ password: z.string().min(8).max(200) });

export type AppointInput = z.infer<typeof appointInput>;
export type CreateSectionInput = z.infer<typeof createSectionInput>;
export type UpdateSectionInput = z.infer<typeof updateSectionInput>;

export const nameVersionInput = z.object({ name: z.string().trim().min(1).max(200) });

/** A Yjs relative position, base64-encoded as the browser sends it. */
export const relativePosition = z
  .string()
  .max(200)
  .refine((value) => decodesAsRelativePosition(value), { params: { reason: 'position' } });

const commentBody = z.string().trim().min(1).max(MESSAGE_MAX_CHARS);

export const commentEdit = z.object({ body: commentBody });

/** The chair opens or closes the observers' channel. */
export const observerCommentsInput = z.object({ open: z.boolean() });

/** A section discussion's two channels (lib/permissions/can.ts `Channel`). */
export const commentChannel = z.enum(['delegations', 'observers']);

export const commentInput = z.object({
  body: commentBody,
  /** Where a new thread opens: the delegations' threads (the default) or the observers' channel; a reply goes in its thread's. */
  channel: commentChannel.optional(),
  /** A message of the thread this one replies in (a reply quotes nothing: its thread's first message does). */
  replyTo: z.string().uuid().optional(),
  /** Whom the message names, by id; their labels must appear in its text as "@label". */
  mentions: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('person'),
          userId: z.string().uuid(),
          label: z.string().trim().min(1).max(200),
        }),
        z.object({
          kind: z.literal('state'),
          code: z.string().regex(/^[A-Z]{3}$/),
          label: z.string().trim().min(1).max(200),
        }),
      ]),
    )
    .max(MENTIONS_MAX)
    .optional(),
  quote: z
    .object({
      text: z.string().trim().min(1).max(QUOTE_MAX_CHARS),
      from: relativePosition,
      to: relativePosition,
    })
    .optional(),
});

export const threadResolution = z.object({ resolved: z.boolean() });

function decodesAsRelativePosition(value: string): boolean {
  try {
    Y.decodeRelativePosition(bytesFromBase64(value));
    return true;
  } catch {
    return false;
  }
}

/** A search of the plan (GET /api/plans/:id/search?q=…). */
export const searchInput = z.object({ q: z.string().trim().min(2).max(200) });

/** The signed-in user's own settings (PATCH /api/me). */
export const updateMeInput = z.object({ locale: z.enum(LOCALES) });

/** The unsubscribe link's user and token (lib/email/unsubscribe.ts). */
export const unsubscribeInput = z.object({
  userId: z.string().uuid(),
  token: z.string().min(1).max(100),
});

/** How the user wants notifications emailed, when the server sends email. */
export const emailNotificationsInput = z.object({ emailNotifications: z.enum(['immediate', 'daily', 'off']) });

/** Notifications to mark read: these (as many as a page lists), or all of the user's when omitted. */
export const markNotificationsReadInput = z.object({
  ids: z.array(z.string().uuid()).max(100).optional(),
});
