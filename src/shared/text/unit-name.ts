/**
 * A commune's name inside a sentence: the kind of unit is a common noun there ("Tổng xã Thọ Dân", "Trạm y tế thị trấn
 * Nưa"), while the name alone, as a list shows it, keeps its capital ("Xã Thọ Dân").
 */

const KIND = /^(Xã|Phường|Thị trấn|Thị Trấn)(?=\s)/;

/** The unit's name with its kind (xã, phường, thị trấn) in lower case; any other name as it is. */
export function unitInSentence(name: string): string {
  return name.replace(KIND, (kind) => kind.toLowerCase());
}
