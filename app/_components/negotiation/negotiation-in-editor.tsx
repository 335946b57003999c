'use client';

import type { Editor } from '@tiptap/core';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { AmendmentView } from '../../../lib/shared/amendments';
import { selectedPassage } from '../editor/passage-positions';
import { useHasSelection } from '../editor/use-has-selection';
import { useStateName } from '../i18n/use-state-name';
import { announceRoomEvent } from '../room/room-events';
import { useAmendmentMarks } from './amendment-marks';
import { useBracketedSpanMarks } from './bracketed-span-marks';
import { useParagraphNumbering } from './paragraph-numbers';
import { useParagraphStatusMarks } from './paragraph-status-marks';
import { useReferenceNumbers } from './reference-numbers';
import { useStatusLabel } from './use-status-label';

/**
 * The editor's part in negotiating: marks pending amendments and paragraphs' status in the text and, for those who may
 * propose, offers the selected words to the amendments panel ("Propose an amendment").
 */
export function NegotiationInEditor({
  editor,
  roomId,
  canAmend,
  canBracket,
  live,
}: {
  editor: Editor | null;
  roomId: string;
  canAmend: boolean;
  /** The chair in consolidation (`can`: paragraph.status): offered to put the selected words in brackets. */
  canBracket: boolean;
  live: boolean;
}) {
  const t = useTranslations('Amendments');
  const stateName = useStateName();
  const label = useCallback(
    (a: AmendmentView) =>
      t('markLabel', { number: a.number, sponsor: a.sponsorState ? stateName(a.sponsorState) : t('chair') }),
    [t, stateName],
  );
  const tSpans = useTranslations('BracketedSpans');
  const proposedBy = useCallback(
    (state: string) => tSpans('proposedBy', { state: stateName(state) }),
    [tSpans, stateName],
  );
  useAmendmentMarks(editor, roomId, label);
  useParagraphStatusMarks(editor, roomId, useStatusLabel());
  useBracketedSpanMarks(editor, roomId, proposedBy);
  useParagraphNumbering(editor, roomId);
  useReferenceNumbers(editor, roomId);
  const selected = useHasSelection(editor);
  if (!(canAmend || canBracket) || !live || !selected) return null;
  const announce = (kind: 'amend' | 'bracket') => {
    const quote = editor && selectedPassage(editor);
    if (quote) announceRoomEvent({ room: roomId, kind, quote });
  };
  return (
    <>
      {canAmend && (
        <button type="button" className="secondary small" onClick={() => announce('amend')}>
          {t('proposeSelected')}
        </button>
      )}
      {canBracket && (
        <button type="button" className="secondary small" onClick={() => announce('bracket')}>
          {tSpans('bracketSelected')}
        </button>
      )}
    </>
  );
}
