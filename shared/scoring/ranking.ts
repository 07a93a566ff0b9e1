import { Dec } from '../domain/decimal';

/**
 * Projects ranked by the figure of the method that counts, highest first. The rounded figures are
 * compared — the ones a report prints — so two projects shown with the same figure never get
 * different places. Equal figures share a place and the next place is skipped (1, 2, 2, 4); within a
 * place projects are listed by id so the order never depends on input order. A project without a
 * figure (no counted score, or a method that does not apply) gets no place.
 */
export interface RankedFigure {
  readonly id: string;
  readonly figure: string | null;
}

export function rankByFigure(projects: readonly RankedFigure[]): Map<string, number | null> {
  const ranked = projects
    .filter((p): p is { id: string; figure: string } => p.figure !== null)
    .sort((a, b) => new Dec(b.figure).comparedTo(a.figure) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const places = new Map<string, number | null>(projects.map((p) => [p.id, null]));
  ranked.forEach((project, index) => {
    const previous = ranked[index - 1];
    const place = previous && new Dec(previous.figure).eq(project.figure) ? (places.get(previous.id) as number) : index + 1;
    places.set(project.id, place);
  });
  return places;
}
