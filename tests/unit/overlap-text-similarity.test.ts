import { describe, expect, it } from 'vitest';
import { textSimilarity } from '../../lib/overlap';

const PROPOSAL = 'Train community police officers in mediation and conflict resolution in every municipality.';

describe('textSimilarity: has a paragraph changed substantially since the chair judged it?', () => {
  it('sees a word or punctuation added as the same text', () => {
    expect(textSimilarity(PROPOSAL, PROPOSAL)).toBe(1);
    expect(textSimilarity(PROPOSAL, PROPOSAL.replace('.', ' soon.'))).toBeGreaterThanOrEqual(0.8);
    expect(textSimilarity(PROPOSAL, PROPOSAL.replace('every', 'each'))).toBeGreaterThanOrEqual(0.8);
  });

  it('sees a paragraph that grew by half, or was rewritten, as changed', () => {
    const grown = `${PROPOSAL} Officers are certified by a regional board and paired with local mediators and social workers.`;
    expect(textSimilarity(PROPOSAL, grown)).toBeLessThan(0.8);
    expect(
      textSimilarity(PROPOSAL, 'Open shelters for victims of domestic violence in every capital city.'),
    ).toBeLessThan(0.2);
  });

  it('is symmetric and never compares across languages', () => {
    const spanish = 'Capacitar a los policías comunitarios en mediación y resolución de conflictos en cada municipio.';
    expect(textSimilarity(PROPOSAL, `${PROPOSAL} Soon.`)).toBe(textSimilarity(`${PROPOSAL} Soon.`, PROPOSAL));
    expect(textSimilarity(PROPOSAL, spanish)).toBe(0);
  });
});
