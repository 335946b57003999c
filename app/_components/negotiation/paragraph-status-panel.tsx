'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  countStatuses,
  RESERVATION_MAX_CHARS,
  type ParagraphRow,
  type ParagraphStatus,
} from '../../../lib/shared/paragraph-status';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { useStateName } from '../i18n/use-state-name';
import { onRoomEvent } from '../room/room-events';
import { useStatusLabel } from './use-status-label';

type Props = {
  sectionId: string;
  roomId: string;
  /** The chair, in the consolidation phase (`can`: paragraph.status); the server checks again. */
  canSet: boolean;
  /** The states of the plan, by code, that the chair may name as holding a paragraph ad referendum. */
  states: readonly string[];
  /** The state the reader records reservations for (`can`: paragraph.reserve); null for others. The server checks again. */
  reservingState?: string | null;
};

/**
 * Where each numbered paragraph of a section stands: bracketed, agreed ad referendum (by which states),
 * agreed, or without a status; and, for the chair, the form to set it. Kept live by the server's pushes.
 */
export function ParagraphStatusPanel({ sectionId, roomId, canSet, states, reservingState = null }: Props) {
  const t = useTranslations('ParagraphStatus');
  const [rows, setRows] = useState<ParagraphRow[] | null>(null);
  const { message: error, fail, clear } = useFailure();
  const path = `/api/sections/${sectionId}/paragraph-status`;

  /** Pushes heard so far: a read that a push overtook is older than what is shown, and is dropped. */
  const pushes = useRef(0);
  const load = useCallback(() => {
    const before = pushes.current;
    api<{ paragraphs: ParagraphRow[] }>('GET', path).then(
      (result) => pushes.current === before && setRows(result.paragraphs),
      fail,
    );
  }, [path, fail]);
  useEffect(load, [load]);
  useEffect(
    () =>
      onRoomEvent(roomId, (event) => {
        if (event.kind === 'amendments') {
          pushes.current++;
          setRows(event.paragraphs);
        }
        // Read again once the connection is in the room: a change made while the page loaded is not missed.
        if (event.kind === 'resynced' || event.kind === 'synced') load();
      }),
    [roomId, load],
  );

  const send = async (method: string, to: string, body: unknown): Promise<boolean> => {
    try {
      const result = await api<{ paragraphs: ParagraphRow[] }>(method, to, body);
      setRows(result.paragraphs);
      clear();
      return true;
    } catch (failure) {
      fail(failure);
      return false;
    }
  };
  const set = async (row: ParagraphRow, status: ParagraphStatus | 'none', adRefStates: string[]) => {
    await send('POST', path, { at: row.anchor, status, adRefStates });
  };
  const reservations = `/api/sections/${sectionId}/reservations`;
  const reserve = (row: ParagraphRow, text: string | null) =>
    text === null
      ? send('DELETE', reservations, { at: row.anchor })
      : send('POST', reservations, { at: row.anchor, text });

  const describe = useStatusLabel();
  const counts = rows && countStatuses(rows);
  const showReservations = Boolean(reservingState || rows?.some((row) => row.reservations.length));
  return (
    <section className="card stack panel paragraph-status" aria-labelledby="paragraph-status-heading">
      <h2 id="paragraph-status-heading">{t('heading')}</h2>
      {counts && <p className="muted small">{t('progress', counts)}</p>}
      {reservingState && <p className="muted small">{t('reservationsHint')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('paragraph')}</th>
                <th scope="col">{t('text')}</th>
                <th scope="col">{t('statusColumn')}</th>
                {showReservations && <th scope="col">{t('reservationsColumn')}</th>}
                {canSet && <th scope="col">{t('change')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.anchor} data-status={row.status ?? 'none'}>
                  <th scope="row">{row.paragraph}</th>
                  <td>{row.excerpt}</td>
                  <td>
                    {describe(row)}
                    {row.bracketedSpans > 0 && (
                      <span className="muted small"> {t('spansInBrackets', { count: row.bracketedSpans })}</span>
                    )}
                  </td>
                  {showReservations && (
                    <td>
                      <Reservations
                        row={row}
                        reservingState={row.status === 'agreed' ? reservingState : null}
                        onReserve={(text) => reserve(row, text)}
                      />
                    </td>
                  )}
                  {canSet && (
                    <td>
                      <StatusForm row={row} states={states} onSet={(status, adRef) => set(row, status, adRef)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}

/** The chair's form for one paragraph: a status, and for ad referendum the states that hold it so. */
function StatusForm({
  row,
  states,
  onSet,
}: {
  row: ParagraphRow;
  states: readonly string[];
  onSet: (status: ParagraphStatus | 'none', adRefStates: string[]) => Promise<void>;
}) {
  const t = useTranslations('ParagraphStatus');
  const stateName = useStateName();
  const [status, setStatus] = useState<ParagraphStatus | 'none'>(row.status ?? 'none');
  useEffect(() => setStatus(row.status ?? 'none'), [row.status]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void onSet(status, status === 'ad_referendum' ? data.getAll('states').map(String) : []);
  };
  return (
    <form className="status-form" onSubmit={submit} aria-label={t('formFor', { paragraph: row.paragraph })}>
      <select
        value={status}
        onChange={(e) => setStatus(e.target.value as ParagraphStatus | 'none')}
        aria-label={t('statusOf', { paragraph: row.paragraph })}
      >
        {(['none', 'bracketed', 'ad_referendum', 'agreed'] as const).map((value) => (
          <option key={value} value={value}>
            {t('status', { status: value })}
          </option>
        ))}
      </select>
      {status === 'ad_referendum' && (
        <select
          name="states"
          multiple
          required
          defaultValue={row.adRefStates}
          aria-label={t('adRefStates', { paragraph: row.paragraph })}
          size={Math.min(4, states.length)}
        >
          {states.map((code) => (
            <option key={code} value={code}>
              {stateName(code)}
            </option>
          ))}
        </select>
      )}
      <button type="submit" className="secondary small">
        {row.status === 'agreed' && status !== 'agreed' ? t('reopen') : t('set')}
      </button>
    </form>
  );
}

/**
 * The states' reservations on one paragraph, listed for everyone (the chair sees who reserved what); and,
 * for a coordinator on an agreed paragraph, the form to record, change or withdraw their state's own.
 */
function Reservations({
  row,
  reservingState,
  onReserve,
}: {
  row: ParagraphRow;
  reservingState: string | null;
  /** The statement to record, or null to withdraw it; resolves to whether the server took it. */
  onReserve: (text: string | null) => Promise<boolean>;
}) {
  const t = useTranslations('ParagraphStatus');
  const stateName = useStateName();
  const [editing, setEditing] = useState(false);
  const own = reservingState ? row.reservations.find((r) => r.state === reservingState) : undefined;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '');
    if (await onReserve(text)) setEditing(false);
  };
  return (
    <div className="stack reservations">
      {row.reservations.length > 0 && (
        <ul className="plain">
          {row.reservations.map((r) => (
            <li key={r.state} data-state={r.state}>
              <strong>{stateName(r.state)}</strong>: {r.text}
            </li>
          ))}
        </ul>
      )}
      {reservingState && !editing && (
        <div className="row">
          <button type="button" className="secondary small" onClick={() => setEditing(true)}>
            {own ? t('changeReservation') : t('reserve')}
          </button>
          {own && (
            <button type="button" className="secondary small" onClick={() => void onReserve(null)}>
              {t('withdrawReservation')}
            </button>
          )}
        </div>
      )}
      {reservingState && editing && (
        <form className="stack reservation-form" onSubmit={submit}>
          <label>
            {t('reservationOf', { paragraph: row.paragraph })}
            <textarea name="text" rows={3} required maxLength={RESERVATION_MAX_CHARS} defaultValue={own?.text ?? ''} />
          </label>
          <div className="row">
            <button type="submit" className="small">
              {t('saveReservation')}
            </button>
            <button type="button" className="secondary small" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
