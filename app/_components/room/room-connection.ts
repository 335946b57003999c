import type { Decoder } from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CommentView } from '../../../lib/discussion/comment-view';
import type { PlanActivity } from '../../../lib/plans/plan-activity';
import type { ParagraphRow } from '../../../lib/shared/paragraph-status';
import type { AmendmentView } from '../../../lib/shared/amendments';
import type { BracketedSpanView } from '../../../lib/shared/bracketed-spans';
import type { SectionNumbering } from '../../../lib/shared/paragraph-numbers';
import {
  ACCESS_MESSAGE,
  AMENDMENTS_MESSAGE,
  COMMENT_MESSAGE,
  NOTIFICATIONS_MESSAGE,
  OBSERVER_CHANNEL_MESSAGE,
  OVERLAPS_MESSAGE,
  PLAN_ACTIVITY_MESSAGE,
  readAmendmentsMessage,
  readCommentMessage,
  readNotificationsMessage,
  readObserverChannelMessage,
  readOverlapsMessage,
  readPlanActivityMessage,
} from '../../../lib/shared/app-messages';
import { COLLAB_PATH, FOLLOW_PLAN_PARAMS, WHOLE_PLAN_PARAMS } from '../../../lib/shared/rooms';
import type { OverlapView } from '../consolidation/overlap-types';
import { announceUnread } from '../notifications/notification-events';
import { announceRoomEvent } from './room-events';

/**
 * Opens the live connection to a room, announcing to the rest of the page what the server sends about
 * it (room-events.ts). `followPlan`, on a plan's goal room: it is also sent the plan's activity.
 * `wholePlan`: a section followed from the whole-plan page, not counted among who is in the section.
 */
export function openRoom(
  roomId: string,
  options: { followPlan?: boolean; wholePlan?: boolean } = {},
): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc({ gc: false });
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const provider = new WebsocketProvider(`${scheme}://${window.location.host}${COLLAB_PATH}`, roomId, doc, {
    maxBackoffTime: 2_500,
    // Each page holds the server's text and its own edits only: words another tab typed offline, which
    // the server may yet refuse, must not show here as part of the text.
    disableBc: true,
    params: options.followPlan ? FOLLOW_PLAN_PARAMS : options.wholePlan ? WHOLE_PLAN_PARAMS : {},
  });
  // What the connection may do: an editor reads it (editor/use-server-access.ts); a connection that only follows does not.
  provider.messageHandlers[ACCESS_MESSAGE] = () => {};
  provider.messageHandlers[OVERLAPS_MESSAGE] = (_encoder: unknown, decoder: Decoder) => {
    const { overlaps } = readOverlapsMessage(decoder) as { overlaps: OverlapView[] };
    announceRoomEvent({ room: roomId, kind: 'overlaps', overlaps });
  };
  provider.messageHandlers[PLAN_ACTIVITY_MESSAGE] = (_encoder: unknown, decoder: Decoder) => {
    announceRoomEvent({ room: roomId, kind: 'activity', activity: readPlanActivityMessage(decoder) as PlanActivity });
  };
  provider.messageHandlers[COMMENT_MESSAGE] = (_encoder: unknown, decoder: Decoder) => {
    announceRoomEvent({ room: roomId, kind: 'comment', comment: readCommentMessage(decoder) as CommentView });
  };
  provider.messageHandlers[AMENDMENTS_MESSAGE] = (_encoder: unknown, decoder: Decoder) => {
    const {
      amendments,
      paragraphs = [],
      spans = [],
      numbering,
      references,
    } = readAmendmentsMessage(decoder) as {
      amendments: AmendmentView[];
      paragraphs?: ParagraphRow[];
      spans?: BracketedSpanView[];
      numbering?: SectionNumbering;
      references?: Record<string, string>;
    };
    announceRoomEvent({ room: roomId, kind: 'amendments', amendments, paragraphs, spans, numbering, references });
  };
  provider.messageHandlers[NOTIFICATIONS_MESSAGE] = (_encoder: unknown, decoder: Decoder) => {
    announceUnread(readNotificationsMessage(decoder).unread);
  };
  provider.messageHandlers[OBSERVER_CHANNEL_MESSAGE] = (_encoder: unknown, decoder: Decoder) => {
    announceRoomEvent({ room: roomId, kind: 'observer-channel', open: readObserverChannelMessage(decoder).open });
  };
  let synced = false;
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) announceRoomEvent({ room: roomId, kind: synced ? 'resynced' : 'synced' });
    synced ||= isSynced;
  });
  return { doc, provider };
}
