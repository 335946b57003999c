import type { Quote } from '../../../lib/shared/discussion';

/** A quoted passage, with what the reader can do with it. */
export function QuotedPassage({ quote, action, onAction }: { quote: Quote; action: string; onAction: () => void }) {
  return (
    <div className="quoted">
      <blockquote>{quote.text}</blockquote>
      <button type="button" className="link small" onClick={onAction}>
        {action}
      </button>
    </div>
  );
}
