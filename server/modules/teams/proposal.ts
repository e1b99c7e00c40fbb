// Which early-intervention team a child belongs to: the team whose age group covers the child and
// whose area is the child's, else the team of that age group for the whole municipality (or for
// the areas without their own team). Pure, so that intake and the tests agree on it.
export interface TeamForProposal {
  id: string;
  name: string;
  kind: string;
  ageFromMonths: number;
  ageToMonths: number;
  area: string | null;
  active: boolean;
}

export function proposeTeam(teams: TeamForProposal[], ageMonths: number, area: string | null): TeamForProposal | null {
  const fits = teams.filter((t) => t.active && t.kind === 'early_intervention' && ageMonths >= t.ageFromMonths && ageMonths <= t.ageToMonths);
  return fits.find((t) => area !== null && t.area === area) ?? fits.find((t) => t.area === null) ?? fits[0] ?? null;
}

/** Age in whole months on a date; negative before birth (from the expected birth date). */
export function ageInMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}
