/**
 * The DCB0129/DCB0160 illustrative risk matrix (../shared/DOMAIN.md): risk is a
 * look-up of severity × likelihood, not a product. An organisation may declare
 * its own matrix; this is the one estatewatch ships.
 */
export const SEVERITY_LEVELS = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
export const LIKELIHOOD_LEVELS = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;

/** RISK_MATRIX[likelihood - 1][severity - 1], both 1..5. */
export const RISK_MATRIX: readonly (readonly number[])[] = [
  [1, 1, 2, 2, 3], // Very low
  [1, 2, 2, 3, 4], // Low
  [2, 2, 3, 3, 4], // Medium
  [2, 3, 3, 4, 5], // High
  [3, 4, 4, 5, 5], // Very high
];

export const ACCEPTABILITY: Record<number, string> = {
  5: 'Unacceptable',
  4: 'Undesirable: must be eliminated or controlled down',
  3: 'Undesirable: acceptable only if further reduction is impractical',
  2: 'Acceptable where further reduction costs more than it gains',
  1: 'Acceptable',
};

/** The risk rating (1..5) for a severity and a likelihood, each 1..5. */
export function riskRating(severity: number, likelihood: number): number {
  const rating = RISK_MATRIX[likelihood - 1]?.[severity - 1];
  if (rating === undefined) throw new RangeError(`severity and likelihood must be 1..5, not ${severity} × ${likelihood}`);
  return rating;
}
