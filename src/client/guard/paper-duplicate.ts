/** Finds a paper row already typed on this device: the same sheet and row number on the same day. */
import { listSince, paperKeyOf, type LocalCheckIn } from '../data';

/** The check-in already typed from `sheet`/`row` on the local day of `timeIn` at this checkpoint, if any. */
export async function findPaperRow(
  checkpointId: string,
  sheet: string,
  row: number,
  timeIn: number,
): Promise<LocalCheckIn | undefined> {
  const day = new Date(timeIn);
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  const end = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
  const [sameDay, key] = await Promise.all([listSince(start), paperKeyOf(sheet, row)]);
  // A sealed row (guard device) carries the keyed hash of its sheet and row; a plain one the numbers.
  const samePaper = (c: LocalCheckIn['checkIn']) =>
    c.paper ? c.paper.sheet.toLowerCase() === sheet.trim().toLowerCase() && c.paper.row === row : c.paperKey === key;
  return sameDay.find(
    ({ checkIn: c }) =>
      c.kind === 'in' && c.source === 'paper' && c.checkpointId === checkpointId && c.deviceTime < end && samePaper(c),
  );
}
